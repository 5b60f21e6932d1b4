package dev.takebot.article;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("SentenceSplitter")
class SentenceSplitterTest {

  @Test
  @DisplayName("does not end a sentence inside 'U.S.' when a name follows")
  void keepsInitialismsInsideSentences() {
    String text =
        "According to the U.S. State Department, an envoy is travelling. The renewed U.S. engagement is new.";

    assertThat(SentenceSplitter.split(text))
        .containsExactly(
            "According to the U.S. State Department, an envoy is travelling.",
            "The renewed U.S. engagement is new.");
  }

  @Test
  @DisplayName("ends a sentence at an initialism when a sentence opener follows")
  void endsAtInitialismBeforeOpener() {
    assertThat(SentenceSplitter.split("Talks were held in the U.S. The visit lasted two days."))
        .containsExactly("Talks were held in the U.S.", "The visit lasted two days.");
  }

  @Test
  @DisplayName("keeps titles, abbreviations, decimals and initials inside the sentence")
  void keepsAbbreviations() {
    String text =
        "Dr. Amadou met Gen. Traoré at 3.5 p.m. on Jan. 4 with John F. Kennedy Jr. present. Talks went on.";

    assertThat(SentenceSplitter.split(text))
        .containsExactly(
            "Dr. Amadou met Gen. Traoré at 3.5 p.m. on Jan. 4 with John F. Kennedy Jr. present.",
            "Talks went on.");
  }

  @Test
  @DisplayName("keeps closing quotes with the sentence they close")
  void keepsClosingQuotes() {
    String text =
        "The statement spoke of “policy missteps.” It also said: “We are ready!” Then? Silence…";

    assertThat(SentenceSplitter.split(text))
        .containsExactly(
            "The statement spoke of “policy missteps.”",
            "It also said: “We are ready!”",
            "Then?",
            "Silence…");
  }

  @Test
  @DisplayName("a text without terminator is one sentence")
  void noTerminator() {
    assertThat(SentenceSplitter.split("  just words here  ")).containsExactly("just words here");
  }
}
