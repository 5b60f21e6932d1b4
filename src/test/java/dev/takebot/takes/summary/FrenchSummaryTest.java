package dev.takebot.takes.summary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takebot.i18n.Texts;
import dev.takebot.message.EmbedSpec;
import dev.takebot.message.FieldSpec;
import dev.takebot.sentiment.Label;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue #14: a summary read by a French server is French, numbers and typography included. */
@DisplayName("Summaries in French")
class FrenchSummaryTest {
  private static final String NBSP = "\u00a0";
  private static final String NNBSP = "\u202f"; // French thousands separator (CLDR)
  private final Texts fr = Texts.forLocale(Locale.FRENCH);

  @Test
  @DisplayName("headline, sections, themes, footer and plurals are French for the seed discussion")
  void seedInFrench(@TempDir Path dir) {
    DiscussionSummary s = SeedDiscussion.summary(dir, Map.of(1005L, 9), null);
    EmbedSpec e = new SummaryRenderer().render(s, new byte[] {1}, fr).embeds().get(0);

    assertThat(e.title()).startsWith("Avis sur" + NBSP + ": United States Moves");
    assertThat(e.description())
        .contains(
            "**29 avis** de **28 membres**",
            "🔴 négatif **34" + NBSP + "%**",
            "Ton" + NBSP + ": **plutôt négatif** • première synthèse",
            "Du <t:")
        .doesNotContain("Tone", "takes", "members", "negative", "UTC");
    assertThat(e.fields())
        .extracting(FieldSpec::name)
        .containsExactly(
            "👍 Côté positif",
            "👎 Côté négatif",
            "🤔 Avis partagés",
            "🔥 Le plus de réactions (9 réactions)",
            "🧭 Thèmes");
    assertThat(e.fields().get(1).value()).contains("[voir](https://discord.com/channels/");
    assertThat(e.fields().get(4).value())
        .contains("**Russia**" + NBSP + ": plutôt négatif (8 sur 10)");
    assertThat(e.footer()).isEqualTo("Heures du graphique en UTC");
  }

  @Test
  @DisplayName("French counts 0 and 1 as singular; the split of a theme agrees in number")
  void pluralsAndThemeSplits() {
    Theme one = new Theme("Wagner", 2, Map.of(Label.NEGATIVE, 1L, Label.POSITIVE, 1L), true);
    assertThat(one.verdict(false, fr)).isEqualTo("partagé (1 positif, 1 négatif)");
    Theme two = new Theme("Mali", 4, Map.of(Label.NEGATIVE, 2L, Label.POSITIVE, 2L), true);
    assertThat(two.verdict(false, fr)).isEqualTo("partagé (2 positifs, 2 négatifs)");
    Theme big =
        new Theme(
            "Wagner",
            9_400,
            Map.of(Label.NEGATIVE, 6_768L, Label.POSITIVE, 1_880L, Label.NEUTRAL, 752L),
            true);
    assertThat(big.verdict(true, fr))
        .isEqualTo("plutôt négatif (≈72" + NBSP + "% sur ≈9" + NNBSP + "400)");
    assertThat(new SummaryRenderer().cooldown(Duration.ofSeconds(1), fr).content())
        .contains("dans 1 seconde" + NBSP + ";");
  }

  @Test
  @DisplayName("English is unchanged where the words are the same as before")
  void englishUnchanged() {
    Theme mostly = new Theme("Russia", 9, Map.of(Label.NEGATIVE, 7L, Label.POSITIVE, 2L), true);
    assertThat(mostly.verdict(false, Texts.english())).isEqualTo("mostly negative (7 of 9)");
  }
}
