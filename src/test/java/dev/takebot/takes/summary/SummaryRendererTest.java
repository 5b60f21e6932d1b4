package dev.takebot.takes.summary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takebot.message.DiscordLimits;
import dev.takebot.message.EmbedSpec;
import dev.takebot.message.FieldSpec;
import dev.takebot.message.MessageSpec;
import dev.takebot.sentiment.Label;
import dev.takebot.store.JdbcTakeStore;
import dev.takebot.takes.Discussion;
import dev.takebot.takes.Take;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("SummaryRenderer")
class SummaryRendererTest {
  private static final Pattern PING =
      Pattern.compile("@(everyone|here)|<@[!&]?\\d|<#\\d", Pattern.CASE_INSENSITIVE);
  private static final Pattern JUMP =
      Pattern.compile("\\[jump]\\(https://discord\\.com/channels/\\d+/\\d+/\\d+\\)");

  private final SummaryRenderer renderer = new SummaryRenderer();
  private final byte[] png = {(byte) 0x89, 'P', 'N', 'G'};

  private static List<String> texts(EmbedSpec e) {
    List<String> all = new ArrayList<>(List.of(e.title(), e.description(), e.footer()));
    for (FieldSpec f : e.fields()) {
      all.add(f.name());
      all.add(f.value());
    }
    return all;
  }

  /**
   * What the summariser says of {@code takes} of {@code d}, read back from a fresh store in {@code
   * dir}.
   */
  private static DiscussionSummary summarize(
      Path dir, Discussion d, List<Take> takes, int samplePerLabel, Map<Long, Integer> reactions) {
    try (JdbcTakeStore store = TestStores.open(dir)) {
      store.saveDiscussion(d);
      store.insertTakes(takes);
      return new DiscussionSummarizer(store, DiscussionSummarizerTest.CLOCK, samplePerLabel)
          .summarize(d, reactions, null);
    }
  }

  @Test
  @DisplayName(
      "shows headline, both sides, most-reacted, themes and the chart for the seed discussion")
  void seed(@TempDir Path dir) {
    DiscussionSummary s = SeedDiscussion.summary(dir, Map.of(1005L, 9), null);
    MessageSpec m = renderer.render(s, png);
    EmbedSpec e = m.embeds().get(0);
    assertThat(e.title()).startsWith("Takes on: United States Moves");
    assertThat(e.description())
        .contains(
            "**29 takes** from **28 members**",
            "negative **34%**",
            "Tone: **leaning negative** • first summary");
    assertThat(e.fields())
        .extracting(FieldSpec::name)
        .containsExactly(
            "👍 Positive side",
            "👎 Negative side",
            "🤔 Mixed feelings",
            "🔥 Most reacted (9 reactions)",
            "🧭 Themes");
    assertThat(e.fields().get(1).value()).containsPattern(JUMP).contains("— **");
    assertThat(e.fields().get(4).value()).contains("**Russia**: mostly negative (8 of 10)");
    assertThat(e.imageUrl()).isEqualTo("attachment://summary-chart.png");
    assertThat(m.files())
        .singleElement()
        .satisfies(f -> assertThat(f.name()).isEqualTo("summary-chart.png"));
    assertThat(SummaryRenderer.percentages(s)).containsExactly(28, 34, 31, 7);
  }

  @Test
  @DisplayName(
      "cannot ping, cannot break the layout and stays well inside the limits with hostile takes")
  void hostile(@TempDir Path dir) {
    String title = "@everyone <@&1> " + "Very long **title** ".repeat(30);
    Discussion d = new Discussion(7, 1, 2, 7, "k", title + "\nsecond line", Instant.EPOCH);
    String huge =
        ("@everyone look at <@&1> and <@123> **bold** __under__ `code` ||spoiler|| > quote "
                + "[link](https://evil.example) # heading ")
            .repeat(40);
    assertThat(huge.length()).isGreaterThan(4000);
    String[] texts = {
      huge,
      "@here Russia is lying to everyone and <@&99> knows it, read the Wagner reports",
      "```\nclose the code block and ping <@!42> while we are at it @everyone please\n```",
      "Markdown breakers: ** __ ~~ || ` > - # [x](y) everywhere, and Russia again @HERE",
      huge.toUpperCase(),
    };
    List<Take> takes = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      Label label = i % 2 == 0 ? Label.NEGATIVE : Label.POSITIVE;
      String name = i % 3 == 0 ? "@everyone <@&5> **" + "N".repeat(200) : "member " + i;
      takes.add(
          new Take(
              100 + i,
              7,
              8,
              i,
              name,
              texts[i % texts.length] + " take number " + i,
              Instant.parse("2026-01-01T00:00:00Z").plus(Duration.ofMinutes(i)),
              null,
              label,
              label == Label.NEGATIVE ? -0.5 : 0.5,
              "t"));
    }
    Map<Long, Integer> reactions = Map.of(100L, 12);
    DiscussionSummary s =
        summarize(dir, d, takes, DiscussionSummarizer.DEFAULT_SAMPLE_PER_LABEL, reactions);
    MessageSpec m = renderer.render(s, png);
    EmbedSpec e = m.embeds().get(0);

    assertThat(texts(e)).allSatisfy(t -> assertThat(PING.matcher(t).find()).as(t).isFalse());
    assertThat(e.totalLength()).isLessThanOrEqualTo(SummaryRenderer.EMBED_BUDGET);
    assertThat(e.title()).hasSizeLessThanOrEqualTo(DiscordLimits.EMBED_TITLE).doesNotContain("\n");
    assertThat(e.fields())
        .allSatisfy(f -> assertThat(f.value().length()).isLessThanOrEqualTo(1000));
    assertThat(e.fields())
        .extracting(FieldSpec::name)
        .contains("👍 Positive side", "👎 Negative side");
    String all = String.join("\n", texts(e));
    assertThat(all).contains("…").doesNotContain("```").doesNotContain("||spoiler||");
    assertThat(all).doesNotContain("N".repeat(SummaryRenderer.NAME + 1));
    for (FieldSpec f : e.fields()) {
      if (f.name().contains("side") || f.name().contains("reacted")) {
        for (String quote : f.value().split("\n\n")) {
          assertThat(quote).containsPattern(JUMP).doesNotContain("\n");
          assertThat(quote.indexOf("” — ")).isLessThanOrEqualTo(SummaryRenderer.QUOTE + 1);
        }
      }
    }
  }

  @Test
  @DisplayName("says when themes and quotes come from a sample, and gives estimated shares")
  void sampled(@TempDir Path dir) {
    Discussion d = new Discussion(7, 1, 2, 7, "k", "Big thread", Instant.EPOCH);
    List<Take> takes = new ArrayList<>();
    for (int i = 0; i < 3_000; i++) {
      Label label = i % 3 == 0 ? Label.POSITIVE : Label.NEGATIVE;
      String text =
          label == Label.NEGATIVE
              ? "Wagner mercenaries make the Sahel less safe, report " + i
              : "Diplomacy with the Sahel juntas could bring real security, report " + i;
      takes.add(
          new Take(
              10 + i,
              7,
              7,
              i % 300,
              "m" + i,
              text,
              Instant.parse("2026-01-01T00:00:00Z").plusSeconds(60L * i),
              null,
              label,
              label == Label.NEGATIVE ? -0.5 : 0.5,
              "t"));
    }
    DiscussionSummary s = summarize(dir, d, takes, 40, Map.of());
    EmbedSpec e = renderer.render(s, png).embeds().get(0);
    assertThat(e.footer()).startsWith("Themes and quotes from a sample of 80 of 3,000 takes");
    assertThat(e.description()).contains("**3,000 takes** from **300 members**");
    assertThat(e.fields())
        .filteredOn(f -> f.name().equals("🧭 Themes"))
        .singleElement()
        .satisfies(
            f -> assertThat(f.value()).contains("**Wagner**: mostly negative (≈100% of ≈2,000)"));
  }

  @Test
  @DisplayName("says there are no takes yet, without a chart")
  void empty(@TempDir Path dir) {
    Discussion d = new Discussion(7, 1, 2, 7, "k", "Quiet article", Instant.EPOCH);
    MessageSpec m =
        renderer.render(
            summarize(dir, d, List.of(), DiscussionSummarizer.DEFAULT_SAMPLE_PER_LABEL, Map.of()),
            null);
    assertThat(m.embeds().get(0).description()).contains("No takes yet");
    assertThat(m.files()).isEmpty();
  }

  @Test
  @DisplayName("shows the direction with an arrow and how much changed since the last summary")
  void direction(@TempDir Path dir) {
    DiscussionSummary s =
        SeedDiscussion.summary(
            dir,
            Map.of(),
            new Baseline(
                20, 0.2, DiscussionSummarizerTest.CLOCK.instant().minus(Duration.ofHours(3))));
    assertThat(renderer.render(s, null).embeds().get(0).description())
        .contains("↘ cooling since the last summary (3 h ago: -0.25, +9 takes)");
  }

  @Test
  @DisplayName("answers a member in cooldown politely with the time left")
  void cooldown() {
    assertThat(renderer.cooldown(Duration.ofMillis(12_300)).content())
        .contains("ask again in 13 seconds");
    assertThat(renderer.cooldown(Duration.ofSeconds(90)).content()).contains("in 2 minutes");
  }
}
