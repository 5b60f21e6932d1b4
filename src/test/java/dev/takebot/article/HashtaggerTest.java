package dev.takebot.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Hashtagger")
class HashtaggerTest {

  @Test
  @DisplayName("keeps the author's tags first and adds the salient names of the seed as CamelCase")
  void seedTags() {
    List<String> tags = new Hashtagger(Hashtagger.DEFAULT_LIMIT).hashtags(Articles.seed());

    assertThat(tags)
        .hasSize(6)
        .startsWith("Russia", "Bamako")
        .contains("BurkinaFaso", "Mali", "Niger");
    assertThat(tags).allMatch(t -> t.matches("[\\p{L}\\p{N}_]+"));
  }

  @Test
  @DisplayName("is capped by its limit, and a limit of 0 means no tags")
  void capped() {
    assertThat(new Hashtagger(3).hashtags(Articles.seed()))
        .containsExactly("Russia", "Bamako", "Mali");
    assertThat(new Hashtagger(1).hashtags(Articles.seed())).containsExactly("Russia");
    assertThat(new Hashtagger(0).hashtags(Articles.seed())).isEmpty();
    assertThatThrownBy(() -> new Hashtagger(21)).hasMessageContaining("0..20");
    assertThatThrownBy(() -> new Hashtagger(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * Regression: six 900-letter author tags made a 5,600-char embed description and the post failed.
   */
  @Test
  @DisplayName("drops absurdly long author tags, so hostile tags cannot break the embed")
  void longTagsDropped() {
    String huge = "x".repeat(900);
    Article article =
        Articles.plain(
            "Mali and Niger talk trade",
            "Officials met in #Bamako. #" + huge + " #" + huge + "y",
            "Niger agreed to more trade with Mali.");

    List<String> tags = new Hashtagger(6).hashtags(article);

    assertThat(tags).contains("Bamako").allMatch(t -> t.length() <= Hashtagger.MAX_TAG_LENGTH);
    assertThat(PostBuilder.build(article).messages()).isNotEmpty();
  }

  @Test
  @DisplayName(
      "a French article gets names, never a French function word that starts a sentence (#Les)")
  void frenchFunctionWordsAreNoTags() {
    Article article =
        Articles.plain(
            "Le Mali et le Niger parlent commerce",
            "Les ministres du Mali ont rencontré ceux du Niger à Bamako. Les échanges reprennent.",
            "Pour les habitants de Bamako, le Niger reste un partenaire. Le Mali veut plus de"
                + " commerce.");

    List<String> tags = new Hashtagger(6).hashtags(article);

    assertThat(tags).contains("Mali", "Niger", "Bamako").doesNotContain("Les", "Le", "Pour");
  }

  @Test
  @DisplayName("keeps the author's spelling and de-duplicates case-insensitively")
  void authorSpellingWins() {
    Article article =
        Articles.plain(
            "Mali and Niger talk trade",
            "Officials from Mali met officials from Niger in #bamako. Mali wants more trade. #MALI",
            "Niger agreed. Bamako hosted the talks in Mali.");

    List<String> tags = new Hashtagger(6).hashtags(article);

    assertThat(tags).startsWith("bamako", "MALI").contains("Niger");
    assertThat(tags.stream().map(String::toLowerCase)).doesNotHaveDuplicates();
  }

  @Test
  @DisplayName("leaves out demonyms and words capitalised only by position or headline style")
  void noDescriptiveWords() {
    List<String> tags = new Hashtagger(20).hashtags(Articles.seed());

    assertThat(tags)
        .doesNotContain(
            "French",
            "Western",
            "Russian",
            "American",
            "The",
            "According",
            "Moves",
            "Reset",
            "Relations",
            "United");
  }

  @Test
  @DisplayName(
      "takes Title Case headline words as names only when the body names them, and adds title key phrases")
  void headlineWords() {
    Article article =
        Articles.plain(
            "Niger And Benin Reopen Their Border Crossing At Malanville",
            "Niger and Benin reopened the Malanville border crossing on Saturday. Traders in Malanville cheered.",
            "Benin had shut its side after the coup in Niger.");

    List<String> tags = new Hashtagger(6).hashtags(article);

    assertThat(tags).containsExactlyInAnyOrder("Niger", "Benin", "Malanville", "BorderCrossing");
  }

  @Test
  @DisplayName("falls back to frequent key words when an article names nothing")
  void keywordsFallback() {
    Article article =
        Articles.plain(
            "a quiet report",
            "the vaccine arrived late. nurses stored the vaccine carefully. clinics asked for more vaccine doses.");

    assertThat(new Hashtagger(6).hashtags(article)).containsExactly("Vaccine");
  }

  @DisplayName("writes phrases as CamelCase hashtags")
  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "Burkina Faso, BurkinaFaso",
    "rare-earth minerals, RareEarthMinerals",
    "Washington’s, Washington",
    "Alliance of Sahel States, AllianceOfSahelStates",
    "AES, AES",
    "Wagner Group, WagnerGroup"
  })
  void camelCase(String phrase, String tag) {
    assertThat(Hashtagger.camelCase(phrase)).isEqualTo(tag);
  }

  /**
   * Regression: "I'm" at the start of two sentences scored as a name and the post was tagged #IM.
   */
  @Test
  @DisplayName("does not tag contractions such as I'm as names")
  void contractionsAreNotNames() {
    Article article =
        Articles.plain(
            "A quiet week", "I'm tired of waiting for the talks. I'm sure they will resume.");

    assertThat(new Hashtagger(Hashtagger.DEFAULT_LIMIT).hashtags(article)).doesNotContain("IM");
  }
}
