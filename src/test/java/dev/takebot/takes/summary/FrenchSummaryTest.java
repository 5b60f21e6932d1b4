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
        .as("a known entity in the readers' language")
        .contains("**Russie**" + NBSP + ": plutôt négatif (8 sur 10)");
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
  @DisplayName(
      "French takes give French themes: elisions, accents, plurals and French names merge; short"
          + " French takes with à and y count as substantive")
  void frenchThemes() {
    String[] texts = {
      "L’uranium du Niger part en France, c’est scandaleux.",
      "Les mines d’uranium appartiennent aux Nigériens, pas à Orano.",
      "Qu’on arrête de piller l’uranium nigérien !",
      "La Russie et Wagner profitent de l’or du Mali.",
      "Les Russes n’apportent pas la sécurité promise.",
      "Les frontières fermées tuent le commerce régional.",
      "Le commerce avec le Bénin s’effondre depuis la fermeture de la frontière.",
      "Les Américains et les Européens regardent ailleurs.",
      "Washington et l’Union européenne ne disent rien."
    };
    java.util.List<Representative> docs = new java.util.ArrayList<>();
    java.util.List<java.util.List<Tokenizer.Token>> tokens = new java.util.ArrayList<>();
    for (int i = 0; i < texts.length; i++) {
      docs.add(
          new Representative(
              i, 1, i, "m" + i, texts[i], Label.NEGATIVE, 0, java.time.Instant.EPOCH, 0));
      tokens.add(Tokenizer.tokenize(texts[i]));
    }
    java.util.Map<String, Long> byName = new java.util.HashMap<>();
    for (Theme t : new ThemeExtractor(12).extract(docs, tokens, new double[] {1, 1, 1, 1}, null)) {
      byName.put(SummaryRenderer.name(t, fr), t.mentions());
    }
    assertThat(byName)
        .containsEntry("uranium", 3L)
        .containsEntry("Niger", 3L)
        .containsEntry("Russie", 2L)
        .containsEntry("frontière", 2L)
        .containsEntry("commerce", 2L)
        .containsEntry("États-Unis", 2L)
        .containsEntry("Europe", 2L);
    assertThat(Substance.isSubstantive("J’y crois, à fond !")).isTrue();
  }

  @Test
  @DisplayName("English is unchanged where the words are the same as before")
  void englishUnchanged() {
    Theme mostly = new Theme("Russia", 9, Map.of(Label.NEGATIVE, 7L, Label.POSITIVE, 2L), true);
    assertThat(mostly.verdict(false, Texts.english())).isEqualTo("mostly negative (7 of 9)");
  }
}
