package dev.takebot.article;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the article's content terms")
class WordsTest {

  @Test
  @DisplayName(
      "are lower-case stems without stop words, hyphenated words in parts, U.S. as United States")
  void terms() {
    assertThat(Words.terms("The U.S. talks on rare-earth minerals resumed in Bamako"))
        .containsExactly("unit", "state", "talk", "rare", "earth", "mineral", "resum", "bamako");
  }

  /**
   * Regression: mention ids and custom emoji names counted as words, and drew the summary to them.
   */
  @Test
  @DisplayName("leave out Discord mentions, channels and custom emoji")
  void skipMarkup() {
    assertThat(Words.terms("<@123456789012345678> is right, see <#42> <:pepe_sad:99>"))
        .containsExactly("right", "see");
  }

  /** Regression: the article's stop words lacked contractions, so "don't" was a content term. */
  @Test
  @DisplayName("drop contractions of function words like any other stop word")
  void contractions() {
    assertThat(Words.terms("I don't think it's over, they're wrong"))
        .containsExactly("think", "wrong");
  }
}
