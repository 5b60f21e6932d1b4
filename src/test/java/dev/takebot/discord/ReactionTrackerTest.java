package dev.takebot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takebot.sentiment.KeywordAnalyzer;
import dev.takebot.sentiment.Label;
import dev.takebot.store.Stores;
import dev.takebot.takes.Discussion;
import dev.takebot.takes.Take;
import dev.takebot.takes.TakeRepository;
import dev.takebot.takes.TakeService;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName(
    "ReactionTracker: bounded counts, and a summary dropped only when what it shows changed")
class ReactionTrackerTest {
  private static final long GUILD = 1;
  private static final Instant AT = Instant.parse("2026-02-01T10:00:00Z");

  @TempDir Path dir;
  private TakeRepository repo;
  private final List<Long> invalidated = new ArrayList<>();

  @BeforeEach
  void open() {
    repo = Stores.open("jdbc:sqlite:" + dir.resolve("t.db"), null, null);
  }

  @AfterEach
  void close() {
    repo.close();
  }

  /** A discussion with post id {@code post} and takes {@code post + 1 … post + takes}. */
  private Discussion discussion(long post, int takes) {
    Discussion d = new Discussion(post, GUILD, 5, post, "k" + post, "Article " + post, AT);
    repo.saveDiscussion(d);
    for (int i = 1; i <= takes; i++) {
      repo.insertTake(
          new Take(
              post + i,
              post,
              post,
              100 + i,
              "m" + i,
              "take " + i,
              AT,
              null,
              Label.NEUTRAL,
              0,
              "t"));
    }
    return d;
  }

  private ReactionTracker tracker(long maxTakes) {
    ReactionTracker t =
        new ReactionTracker(
            new TakeService(repo, new KeywordAnalyzer(), Clock.systemUTC()), maxTakes);
    t.addListener(invalidated::add);
    t.listener(Runnable::run);
    return t;
  }

  @Test
  @DisplayName(
      "Regression (#11): counts were kept for every take ever reacted to; now at most maxTakes")
  void bounded() {
    ReactionTracker t = tracker(25);
    List<Discussion> ds =
        List.of(
            discussion(1_000, 10),
            discussion(2_000, 10),
            discussion(3_000, 10),
            discussion(4_000, 10));
    for (Discussion d : ds) {
      for (int i = 1; i <= 10; i++) {
        t.reacted(d.postMessageId() + i, 1);
      }
    }
    assertThat(t.trackedTakes()).isBetween(1L, 25L);
  }

  @Test
  @DisplayName(
      "Regression (#11): every reaction dropped the cached summary; now only a change of the"
          + " most-reacted take or of its count does")
  void invalidatesOnlyWhenTheMostReactedChanges() {
    ReactionTracker t = tracker(100);
    Discussion d = discussion(1_000, 3);
    t.reacted(1_001, 1); // 1001 leads with 1
    t.reacted(1_001, 1); // 1001 leads with 2
    t.reacted(1_002, 1); // 1002 has 1: the lead is unchanged
    t.reacted(1_002, -1);
    t.reacted(1_003, 1);
    t.reacted(999_999, 1); // not a take
    assertThat(invalidated).containsExactly(1_000L, 1_000L);
    t.reacted(1_003, 1); // a tie: the lower message id still leads
    assertThat(invalidated).hasSize(2);
    t.reacted(1_003, 1); // 1003 takes the lead
    t.reacted(1_001, Integer.MIN_VALUE); // all of 1001's reactions removed: 1003 still leads
    assertThat(invalidated).hasSize(3);
    assertThat(t.of(d)).isEqualTo(Map.of(1_003L, 3));
  }

  @Test
  @DisplayName("a deleted take's counts go, so a stale leader cannot hide the one summaries show")
  void deletedTakes() {
    ReactionTracker t = tracker(100);
    Discussion d = discussion(1_000, 3);
    t.reacted(1_001, 1);
    t.reacted(1_001, 1);
    t.forgetTakes(Set.of(1_001L));
    invalidated.clear();
    t.reacted(1_002, 1);
    assertThat(invalidated).containsExactly(1_000L);
    assertThat(t.of(d)).isEqualTo(Map.of(1_002L, 1));
  }

  @Test
  @DisplayName("a deleted discussion's counts are dropped when the take service reports the change")
  void deletedDiscussion() {
    ReactionTracker t = tracker(100);
    Discussion kept = discussion(1_000, 2);
    Discussion gone = discussion(2_000, 2);
    t.reacted(1_001, 1);
    t.reacted(2_001, 1);
    t.discussionChanged(gone.postMessageId());
    assertThat(t.of(gone)).as("still there: only a change").hasSize(1);
    repo.deleteDiscussion(gone.postMessageId());
    t.discussionChanged(gone.postMessageId());
    assertThat(t.of(gone)).isEmpty();
    assertThat(t.of(kept)).hasSize(1);
    assertThat(t.trackedTakes()).isEqualTo(1);
  }
}
