package dev.takebot.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("StopWords")
class StopWordsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "the",
        "and",
        "however",
        "according",
        "said",
        "don't",
        "it's",
        "themselves",
        "towards"
      })
  @DisplayName("knows English function words, their contractions and news boilerplate")
  void english(String word) {
    assertThat(StopWords.isEnglish(word)).isTrue();
    assertThat(StopWords.isEnglishOrFrench(word)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"les", "avec", "c'est", "être", "déjà"})
  @DisplayName("knows French ones only where French is asked for")
  void french(String word) {
    assertThat(StopWords.isEnglishOrFrench(word)).isTrue();
    assertThat(StopWords.isEnglish(word)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"comment", "car", "son", "plus"})
  @DisplayName("keeps English nouns that are French function words as content in English text")
  void falseFriends(String word) {
    assertThat(StopWords.isEnglish(word)).isFalse();
    assertThat(StopWords.isEnglishOrFrench(word)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"mali", "minerals", "sovereignty", "think", "lol", "The"})
  @DisplayName("content words, opinion words, chat filler and capitalised words are not stop words")
  void notStopWords(String word) {
    assertThat(StopWords.isEnglishOrFrench(word)).isFalse();
  }

  @Test
  @DisplayName("a missing list fails loudly at start-up instead of stopping nothing")
  void brokenList() {
    assertThatThrownBy(() -> StopWords.load("missing.txt"))
        .hasMessageContaining("missing.txt is missing");
  }
}
