package dev.takebot.takes.summary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takebot.sentiment.Label;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Theme extraction and substance")
class TextAnalysisTest {

  private static List<Theme> themes(String... texts) {
    List<Representative> docs = new ArrayList<>();
    List<List<Tokenizer.Token>> tokens = new ArrayList<>();
    for (int i = 0; i < texts.length; i++) {
      docs.add(
          new Representative(
              i,
              1,
              i,
              "m" + i,
              texts[i],
              i % 2 == 0 ? Label.NEGATIVE : Label.POSITIVE,
              0,
              Instant.EPOCH,
              0));
      tokens.add(Tokenizer.tokenize(texts[i]));
    }
    return new ThemeExtractor(8).extract(docs, tokens, new double[] {1, 1, 1, 1}, null);
  }

  private static List<String> names(List<Theme> themes) {
    return themes.stream().map(Theme::name).toList();
  }

  @Test
  @DisplayName("merges Russia, Russian, Russia's and French-language Russie into one entity")
  void mergesDemonyms() {
    List<Theme> t =
        themes(
            "Russian soldiers arrived",
            "I distrust Russia's motives here",
            "La Russie est partout",
            "They trust Russia a lot");
    assertThat(t.get(0).name()).isEqualTo("Russia");
    assertThat(t.get(0).mentions()).isEqualTo(4);
    assertThat(t.get(0).entity()).isTrue();
  }

  @Test
  @DisplayName("reads US and U.S. as the United States but not the pronoun us")
  void unitedStates() {
    List<Theme> t =
        themes(
            "The US changed course",
            "U.S. diplomats travel",
            "Nobody asked us anything",
            "Let us see what happens");
    assertThat(t).extracting(Theme::name).containsExactly("United States");
    assertThat(t.get(0).mentions()).isEqualTo(2);
  }

  @Test
  @DisplayName("keeps multi-word names whole and ignores English and French stopwords")
  void multiWordNames() {
    List<String> n =
        names(
            themes(
                "I think Nick Checker is the right envoy",
                "Nick Checker met the juntas",
                "Les juntes et la population",
                "et la population aussi"));
    assertThat(n)
        .contains("Nick Checker", "population")
        .doesNotContain("Nick", "les", "la", "et", "think");
  }

  /**
   * Regression: the take side's stop words lacked "however", so it could be reported as a theme.
   */
  @Test
  @DisplayName("never reports a function word such as however as a theme")
  void functionWordsAreNotThemes() {
    List<String> n =
        names(
            themes(
                "However the junta stays",
                "however you look at it the junta stays",
                "the junta stays however"));
    assertThat(n).contains("junta stays").doesNotContain("however", "However");
  }

  @Test
  @DisplayName("counts singular and plural once per take")
  void plurals() {
    List<Theme> t =
        themes("minerals and more minerals", "the mineral wealth", "no minerals for them");
    assertThat(t.get(0).name()).isEqualTo("minerals");
    assertThat(t.get(0).mentions()).isEqualTo(3);
  }

  @Test
  @DisplayName("splits each theme's sentiment: 'mostly negative (k of n)' or 'mixed (...)'")
  void verdicts() {
    Theme mostly =
        new Theme("Russia", 9, java.util.Map.of(Label.NEGATIVE, 7L, Label.POSITIVE, 2L), true);
    Theme mixed =
        new Theme("France", 4, java.util.Map.of(Label.NEGATIVE, 2L, Label.POSITIVE, 2L), true);
    assertThat(mostly.toString()).isEqualTo("Russia: mostly negative (7 of 9)");
    assertThat(mixed.toString()).isEqualTo("France: mixed (2 positive, 2 negative)");
    Theme estimated =
        new Theme(
            "Wagner",
            9_400,
            java.util.Map.of(Label.NEGATIVE, 6_768L, Label.POSITIVE, 1_880L, Label.NEUTRAL, 752L),
            true);
    assertThat(estimated.verdict(true)).isEqualTo("mostly negative (≈72% of ≈9,400)");
    assertThat(mixed.verdict(true)).isEqualTo("mixed (≈50% positive, 50% negative)");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "lol",
        "great point",
        "sooooooo true!!!!!!",
        "https://example.com/a-long-article-link",
        "<@123> <@456> https://x.y look",
        "buy now buy now buy now buy now",
        "🔥🔥🔥 🔥🔥 🔥 yes 🔥🔥 ok 🔥🔥 no 🔥🔥 so",
        // symbols between < and > with spaces are not a Discord mention: they count against the
        // take
        "this deal is bad < @@@@ #### $$$$ %%%% >"
      })
  @DisplayName("rejects takes without substance")
  void junk(String text) {
    assertThat(Substance.isSubstantive(text)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Russia only cares about the gold.",
        "I think France made real mistakes here",
        "Read this https://example.com it explains the minerals deal well"
      })
  @DisplayName("accepts takes that say something")
  void substance(String text) {
    assertThat(Substance.isSubstantive(text)).isTrue();
  }
}
