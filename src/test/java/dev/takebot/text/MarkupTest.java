package dev.takebot.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Markup")
class MarkupTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://example.com/a?b=c",
        "http://x.y",
        "www.example.com",
        "<@123456789012345678>",
        "<@&42>",
        "<#42>",
        "<:pepe_sad:99>",
        "<a:happy_dance:1>",
        "<t:1700000000:R>",
        "<https://example.com>"
      })
  @DisplayName("a link ends at the next space, Discord markup at its '>'")
  void skipsWholeSpan(String span) {
    assertThat(Markup.skip(span + " after", 0)).isEqualTo(span.length());
  }

  @ParameterizedTest
  @ValueSource(strings = {"plain words", "< b and c >", "<3 for all", "https:/broken"})
  @DisplayName("prose, a comparison and a heart are not markup")
  void leavesProse(String text) {
    assertThat(Markup.skip(text, 0)).isZero();
  }

  @Test
  @DisplayName("a '<' whose '>' comes 64 or more characters later is not markup")
  void overlong() {
    assertThat(Markup.skip("<" + "x".repeat(62) + ">", 0)).isEqualTo(64);
    assertThat(Markup.skip("<" + "x".repeat(63) + ">", 0)).isZero();
  }

  @Test
  @DisplayName("reads from any position; at the end of the text there is nothing to skip")
  void position() {
    String text = "ok <@1>";
    assertThat(Markup.skip(text, 0)).isZero();
    assertThat(Markup.skip(text, 3)).isEqualTo(7);
    assertThat(Markup.skip(text, 7)).isEqualTo(7);
  }
}
