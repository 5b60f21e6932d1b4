package dev.takebot.takes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takebot.sentiment.Context;
import dev.takebot.sentiment.KeywordAnalyzer;
import dev.takebot.sentiment.Label;
import dev.takebot.sentiment.Sentiment;
import dev.takebot.sentiment.SentimentAnalyzer;
import dev.takebot.store.Stores;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("TakeService")
class TakeServiceTest {
  private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");
  private static final long POST = 100;

  @TempDir Path dir;
  private TakeRepository repo;
  private TakeService service;
  private final List<Long> changed = new ArrayList<>();

  @BeforeEach
  void setUp() {
    repo = Stores.open("jdbc:sqlite:" + dir.resolve("takes.db"), null, null);
    service = new TakeService(repo, new KeywordAnalyzer(), Clock.fixed(NOW, ZoneOffset.UTC));
    service.addListener(changed::add);
    repo.saveDiscussion(new Discussion(POST, 1, 7, POST, "k", "Sahel reset", NOW));
  }

  @AfterEach
  void tearDown() {
    repo.close();
  }

  @Test
  @DisplayName("ingest tags and stores a take once, even when the event arrives twice")
  void ingestIsIdempotent() {
    assertThat(service.ingest(1, POST, 7, 42, "Ada", "What a great move", null)).isPresent();
    assertThat(service.ingest(1, POST, 7, 42, "Ada", "What a great move", null)).isEmpty();

    Take t = repo.findTake(1).orElseThrow();
    assertThat(t.label()).isEqualTo(Label.POSITIVE);
    assertThat(t.score()).isEqualTo(0.5);
    assertThat(t.createdAt()).isEqualTo(NOW);
    assertThat(t.analyzerVersion()).isEqualTo("keyword-test-1");
    assertThat(changed).containsExactly(POST);
  }

  @Test
  @DisplayName("every take, new, edited or re-tagged, is read as about the news it answers")
  void takesAreReadInTheNewsContext() {
    List<Context> contexts = new ArrayList<>();
    SentimentAnalyzer recording =
        new SentimentAnalyzer() {
          @Override
          public Sentiment analyze(String text) {
            return analyze(text, Context.ANY);
          }

          @Override
          public Sentiment analyze(String text, Context context) {
            contexts.add(context);
            return new Sentiment(Label.NEUTRAL, 0, List.of());
          }

          @Override
          public String version() {
            return "recording-1";
          }
        };
    TakeService reading = new TakeService(repo, recording, Clock.fixed(NOW, ZoneOffset.UTC));

    reading.ingest(1, POST, 7, 42, "Ada", "great job guys", NOW.minusSeconds(60));
    reading.edit(1, "great job guys 👏", NOW);
    reading.read("great job guys");

    assertThat(contexts).containsExactly(Context.NEWS, Context.NEWS, Context.NEWS);
  }

  @Test
  @DisplayName("blank text (no Message Content intent) is never stored")
  void blankIsIgnored() {
    assertThat(service.ingest(1, POST, 7, 42, "Ada", "  ", null)).isEmpty();
    assertThat(service.ingest(2, POST, 7, 42, "Ada", null, null)).isEmpty();
    assertThat(repo.stats(POST).takes()).isZero();
    assertThat(changed).isEmpty();
  }

  @Test
  @DisplayName("an edit re-tags the take; edits of other messages are ignored")
  void editRetags() {
    service.ingest(1, POST, 7, 42, "Ada", "great", NOW.minusSeconds(60));
    Instant edited = NOW.plusSeconds(5);

    assertThat(service.edit(1, "actually awful", edited)).isTrue();
    assertThat(service.edit(99, "awful", edited)).isFalse();

    Take t = repo.findTake(1).orElseThrow();
    assertThat(t.label()).isEqualTo(Label.NEGATIVE);
    assertThat(t.text()).isEqualTo("actually awful");
    assertThat(t.editedAt()).isEqualTo(edited);
    assertThat(changed).containsExactly(POST, POST);
  }

  @Test
  @DisplayName("delete and bulk delete remove takes and notify once per discussion")
  void deletes() {
    service.ingest(1, POST, 7, 42, "Ada", "good", null);
    service.ingest(2, POST, 7, 43, "Bo", "bad", null);
    service.ingest(3, POST, 7, 44, "Cy", "meh", null);
    changed.clear();

    assertThat(service.delete(1)).isTrue();
    assertThat(service.delete(1)).isFalse();
    assertThat(service.deleteAll(List.of(2L, 3L, 555L))).isEqualTo(2);

    assertThat(repo.stats(POST).takes()).isZero();
    assertThat(changed).containsExactly(POST, POST);
  }

  @Test
  @DisplayName(
      "deleting a discussion removes it with its takes and tells the listeners once, only when it existed")
  void deleteDiscussion() {
    service.ingest(1, POST, 7, 42, "Ada", "good", null);
    changed.clear();

    assertThat(service.discussions().delete(POST)).isTrue();
    assertThat(service.discussions().delete(POST)).isFalse();

    assertThat(repo.findDiscussion(POST)).isEmpty();
    assertThat(repo.findTake(1)).isEmpty();
    assertThat(changed)
        .as("cached summaries of it are dropped through the listeners")
        .containsExactly(POST);
  }

  @Test
  @DisplayName("the basic summary counts exactly and quotes the extremes without pinging")
  void basicSummary() {
    Discussion d = repo.findDiscussion(POST).orElseThrow();
    service.ingest(1, POST, 7, 42, "Ada", "great great @everyone", null);
    service.ingest(2, POST, 7, 43, "Bo", "awful", null);
    service.ingest(3, POST, 7, 43, "Bo", "hmm", null);

    BasicSummary s = BasicSummary.of(repo, d);
    String rendered =
        s.render().embeds().get(0).description() + s.render().embeds().get(0).fields();

    assertThat(s.stats().takes()).isEqualTo(3);
    assertThat(s.stats().members()).isEqualTo(2);
    assertThat(s.mostPositive().orElseThrow().messageId()).isEqualTo(1);
    assertThat(s.mostNegative().orElseThrow().messageId()).isEqualTo(2);
    assertThat(rendered)
        .contains("3 takes", "2 members", "Positive: 1 (33%)", "Negative: 1 (33%)")
        .contains("https://discord.com/channels/1/7/2")
        .doesNotContain("@everyone");
  }

  /**
   * Regression: a live delete during a backfill found no row, and the backfill's page stored the
   * take.
   */
  @Test
  @DisplayName(
      "a message deleted while a backfill runs is not stored by it, and tombstones end with the backfill")
  void deletionDuringBackfillIsTombstoned() {
    try (TakeService.BackfillScope backfill = service.startBackfill()) {
      assertThat(service.delete(1)).as("no row yet").isFalse();

      assertThat(service.ingest(1, POST, 7, 42, "Ada", "read from history before the delete", NOW))
          .isEmpty();
      assertThat(repo.findTake(1)).isEmpty();
    }
  }

  /**
   * Regression (#11): a shared take's post deleted by a moderator between its sending and its
   * storing was stored anyway, as was a create replayed after its delete, since deletions were
   * remembered only during backfills. Discord never reuses a deleted message's id, so a deleted
   * message is never a take.
   */
  @Test
  @DisplayName("a message deleted before its take was stored never becomes a take, backfill or not")
  void deletionBeforeStoringWins() {
    assertThat(service.delete(2)).as("no row yet").isFalse();

    assertThat(service.ingest(2, POST, 7, 42, "Ada", "stored after the delete", NOW)).isEmpty();
    assertThat(
            service.ingest(
                2, POST, 7, 42, "Ada", "an edit after the delete", NOW, NOW.plusSeconds(5)))
        .isEmpty();
    assertThat(repo.findTake(2)).isEmpty();
    assertThat(service.ingest(3, POST, 7, 42, "Ada", "another message", NOW)).isPresent();
  }

  /**
   * Regression: a live edit of a take without a row was dropped, and the older version was stored
   * later.
   */
  @Test
  @DisplayName(
      "an edited version stored before its row existed wins over the older version stored after it")
  void editedVersionWinsOverOlderOne() {
    assertThat(
            service.ingest(1, POST, 7, 42, "Ada", "What an awful move", NOW, NOW.plusSeconds(30)))
        .isPresent();

    assertThat(service.ingest(1, POST, 7, 42, "Ada", "What a great move", NOW))
        .as("as first posted")
        .isEmpty();
    assertThat(service.ingest(1, POST, 7, 42, "Ada", "What a fine move", NOW, NOW.plusSeconds(10)))
        .isEmpty();

    Take t = repo.findTake(1).orElseThrow();
    assertThat(t.text()).isEqualTo("What an awful move");
    assertThat(t.label()).isEqualTo(Label.NEGATIVE);
  }
}
