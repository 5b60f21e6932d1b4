package dev.takebot.takes.summary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takebot.sentiment.Label;
import dev.takebot.store.JdbcTakeStore;
import dev.takebot.takes.Discussion;
import dev.takebot.takes.Take;
import dev.takebot.takes.TakeRepository;
import dev.takebot.takes.TakeStats;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("DiscussionSummarizer")
class DiscussionSummarizerTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-02-02T00:00:00Z"), ZoneOffset.UTC);

  private final AtomicInteger sampledReads = new AtomicInteger();
  private final JdbcTakeStore store;
  private final TakeRepository repo;
  private final DiscussionSummarizer summarizer;

  // in the constructor, not @BeforeEach: the nested class summarises as it is constructed
  DiscussionSummarizerTest(@TempDir Path dir) {
    store = SeedDiscussion.store(dir);
    repo = TestStores.countingSampledReads(store, sampledReads);
    summarizer = new DiscussionSummarizer(repo, CLOCK);
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  @Nested
  @DisplayName("on the scripted seed discussion")
  class Seed {
    private final DiscussionSummary summary =
        summarizer.summarize(SeedDiscussion.DISCUSSION, Map.of(1005L, 9, 1010L, 4), null);

    @Test
    @DisplayName("counts takes, members, labels and mean exactly as stored, reading the takes once")
    void countsMatchStore() {
      TakeStats stats = repo.stats(SeedDiscussion.POST);
      assertThat(summary.takes()).isEqualTo(stats.takes()).isEqualTo(29);
      assertThat(summary.members()).isEqualTo(stats.members());
      assertThat(summary.byLabel()).isEqualTo(stats.byLabel());
      assertThat(summary.meanScore())
          .isCloseTo(stats.meanScore(), org.assertj.core.data.Offset.offset(1e-12));
      assertThat(summary.series().total()).isEqualTo(29);
      assertThat(summary.sampled()).isEqualTo(29);
      assertThat(summary.isSampled()).isFalse();
      assertThat(sampledReads.get()).isEqualTo(1);
    }

    @Test
    @DisplayName(
        "says the tone in words: slightly more negative than positive reads 'leaning negative'")
    void tone() {
      assertThat(summary.tone()).isEqualTo(Tone.LEANING_NEGATIVE);
      assertThat(summary.toneWords()).isEqualTo("leaning negative"); // 28% positive: not divided
      assertThat(summary.trend().direction()).isEqualTo(Trend.Direction.FIRST);
    }

    @Test
    @DisplayName(
        "finds the themes people argue about: Russia, France, Wagner, sovereignty, minerals")
    void themes() {
      Map<String, Theme> byName =
          summary.themes().stream().collect(Collectors.toMap(Theme::name, t -> t));
      assertThat(byName).containsKeys("Russia", "France", "Wagner", "sovereignty", "minerals");
      assertThat(summary.themes()).hasSizeLessThanOrEqualTo(ThemeExtractor.MAX_THEMES);
      // "Russian presence" and "Russia's influence" count as Russia; the bare link does not
      assertThat(byName.get("Russia").toString()).isEqualTo("Russia: mostly negative (8 of 10)");
      assertThat(byName.get("Wagner").toString()).isEqualTo("Wagner: mostly negative (6 of 6)");
      // "French troops" and "Paris" count as France, whose split has no majority
      assertThat(byName.get("France").dominant()).isNull();
      assertThat(byName.get("France").verdict()).startsWith("mixed (");
      assertThat(byName.get("France").mentions()).isEqualTo(8);
      assertThat(summary.themes().get(0).name()).isEqualTo("Russia");
    }

    @Test
    @DisplayName(
        "quotes, per side, substantive takes from the centre of the group, never junk or repeats")
    void representatives() {
      List<Representative> negative = summary.representatives().get(Label.NEGATIVE);
      List<Representative> positive = summary.representatives().get(Label.POSITIVE);
      assertThat(negative).hasSize(3);
      assertThat(positive).hasSize(3);
      Set<Long> all =
          summary.representatives().values().stream()
              .flatMap(List::stream)
              .map(Representative::messageId)
              .collect(Collectors.toSet());
      assertThat(all).doesNotContainAnyElementsOf(SeedDiscussion.JUNK);
      List<Long> negativeIds = negative.stream().map(Representative::messageId).toList();
      assertThat(
              negativeIds.contains(SeedDiscussion.ORIGINAL)
                  && negativeIds.contains(SeedDiscussion.NEAR_DUPLICATE))
          .as("near-duplicates are quoted once: %s", negativeIds)
          .isFalse();
      // the negative camp is about Russia and Wagner: its most central take names them
      assertThat(negative.get(0).text()).containsAnyOf("Russia", "Wagner");
      assertThat(negative.get(0).label()).isEqualTo(Label.NEGATIVE);
      assertThat(positive).allSatisfy(r -> assertThat(r.label()).isEqualTo(Label.POSITIVE));
      assertThat(positive).extracting(Representative::authorId).doesNotHaveDuplicates();
      assertThat(all)
          .allSatisfy(
              id ->
                  assertThat(repo.findTake(id).orElseThrow().text().split("\\s+").length)
                      .isGreaterThanOrEqualTo(4));
    }

    @Test
    @DisplayName("names the most-reacted take when reaction counts are given")
    void mostReacted() {
      assertThat(summary.mostReacted())
          .get()
          .satisfies(
              r -> {
                assertThat(r.messageId()).isEqualTo(1005);
                assertThat(r.reactions()).isEqualTo(9);
                assertThat(r.jumpUrl(SeedDiscussion.GUILD))
                    .isEqualTo("https://discord.com/channels/111/1000/1005");
              });
      assertThat(summarizer.summarize(SeedDiscussion.DISCUSSION).mostReacted()).isEmpty();
    }

    @Test
    @DisplayName("is deterministic: the same takes give the same summary")
    void deterministic() {
      assertThat(summarizer.summarize(SeedDiscussion.DISCUSSION, Map.of(1005L, 9, 1010L, 4), null))
          .isEqualTo(summary);
    }
  }

  @Test
  @DisplayName("gives the direction against the previous summary's mean")
  void direction() {
    Baseline warmer = new Baseline(20, 0.3, Instant.parse("2026-02-01T10:00:00Z"));
    DiscussionSummary s = summarizer.summarize(SeedDiscussion.DISCUSSION, Map.of(), warmer);
    assertThat(s.trend().direction()).isEqualTo(Trend.Direction.COOLER);
    assertThat(s.trend().delta())
        .isCloseTo(s.meanScore() - 0.3, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(s.trend().newTakes()).isEqualTo(9);
    assertThat(s.trend().since()).isEqualTo(warmer.at());
    Baseline same = new Baseline(29, s.meanScore() + 0.01, warmer.at());
    assertThat(summarizer.summarize(SeedDiscussion.DISCUSSION, Map.of(), same).trend().direction())
        .isEqualTo(Trend.Direction.STEADY);
  }

  @Test
  @DisplayName("summarises an empty discussion without failing")
  void empty() {
    Discussion d = new Discussion(9, 1, 2, 9, "k", "Empty", Instant.EPOCH);
    repo.saveDiscussion(d);
    DiscussionSummary s = summarizer.summarize(d);
    assertThat(s.takes()).isZero();
    assertThat(s.members()).isZero();
    assertThat(s.series().points()).isEmpty();
    assertThat(s.themes()).isEmpty();
    assertThat(s.representatives().values()).allSatisfy(r -> assertThat(r).isEmpty());
    assertThat(s.firstTakeAt()).isNull();
    assertThat(s.tone()).isEqualTo(Tone.BALANCED);
  }

  @Test
  @DisplayName("keeps exact counts but samples texts when a discussion outgrows the sample")
  void boundedSample(@TempDir Path bigDir) {
    Discussion d = new Discussion(5, 1, 2, 5, "k", "Big", Instant.EPOCH);
    int n = 20_000;
    long negatives = 0;
    List<Take> takes = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Label label = Label.values()[i % 3 == 0 ? 1 : i % 7 == 0 ? 3 : i % 2 == 0 ? 0 : 2];
      String text =
          switch (label) {
            case NEGATIVE -> "Russia keeps exploiting the Sahel and its gold mines, take " + i;
            case POSITIVE -> "The diplomacy of this reset looks promising for security, take " + i;
            case MIXED -> "Partly hopeful, partly worried about the reset and security, take " + i;
            case NEUTRAL -> "The meeting happens next week in Bamako, take " + i;
          };
      negatives += label == Label.NEGATIVE ? 1 : 0;
      takes.add(
          new Take(
              10_000 + i,
              5,
              5,
              i % 1234,
              "m" + (i % 1234),
              text,
              Instant.parse("2026-01-01T00:00:00Z").plus(Duration.ofSeconds(37L * i)),
              null,
              label,
              label == Label.NEGATIVE ? -0.5 : 0.25,
              "t"));
    }
    DiscussionSummary s;
    try (JdbcTakeStore big = TestStores.open(bigDir)) {
      big.saveDiscussion(d);
      big.insertTakes(takes);
      s = new DiscussionSummarizer(big, CLOCK, 50).summarize(d);
    }
    assertThat(s.takes()).isEqualTo(n);
    assertThat(s.members()).isEqualTo(1234);
    assertThat(s.byLabel().get(Label.NEGATIVE)).isEqualTo(negatives);
    assertThat(s.series().total()).isEqualTo(n);
    assertThat(s.sampled()).isEqualTo(200);
    assertThat(s.isSampled()).isTrue();
    // every negative take and no other mentions Russia: the scaled estimate is exact
    Theme russia =
        s.themes().stream().filter(t -> t.name().equals("Russia")).findFirst().orElseThrow();
    assertThat(russia.mentions()).isEqualTo(negatives);
    assertThat(russia.dominant()).isEqualTo(Label.NEGATIVE);
  }
}
