package dev.takebot.message;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("SafeText")
class SafeTextTest {
  private static final String FAMILY = "👨‍👩‍👧";

  private static boolean hasLoneSurrogate(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)
          && (i + 1 == s.length() || !Character.isLowSurrogate(s.charAt(i + 1)))) {
        return true;
      }
      if (Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)))) {
        return true;
      }
    }
    return false;
  }

  @Nested
  @DisplayName(
      "escapes markdown only where it can format (regression #11: 'États\\-Unis', '\\(AES\\)')")
  class Escaping {
    @ParameterizedTest(name = "[{0}] stays as written")
    @CsvSource(
        delimiter = '|',
        quoteCharacter = '"',
        value = {
          "États-Unis", "military-led", "the Alliance of Sahel States (AES).", "snake_case_name",
              "a ~ b", "a | b",
          "x > y", "C:\\Users\\me", "[AES] says", "50% #1 #Sahel", "in 2026. The year", "a - b"
        })
    void plainTextStaysPlain(String text) {
      assertThat(SafeText.escapeMarkdown(text)).isEqualTo(text);
    }

    @ParameterizedTest(name = "[{0}] → [{1}]")
    @CsvSource(
        delimiter = ';',
        quoteCharacter = '"',
        value = {
          "**bold**;\\*\\*bold\\*\\*",
          "`code`;\\`code\\`",
          "_italic_;\\_italic\\_",
          "~~gone~~;\\~\\~gone\\~\\~",
          "||spoiler||;\\|\\|spoiler\\|\\|",
          "# Title;\\# Title",
          "  ## Sub;  \\## Sub",
          "> quoted;\\> quoted",
          "- item;\\- item",
          "-# small;\\-# small",
          "12. item;12\\. item",
          "[click](https://evil.example);\\[click](https://evil.example)",
          "a\\*b;a\\\\\\*b"
        })
    void markdownIsEscaped(String text, String escaped) {
      assertThat(SafeText.escapeMarkdown(text)).isEqualTo(escaped);
    }

    @Test
    @DisplayName("line starts count after every newline")
    void everyLineStart() {
      assertThat(SafeText.escapeMarkdown("a\n# b\n- c\nd-e")).isEqualTo("a\n\\# b\n\\- c\nd-e");
    }
  }

  @Nested
  @DisplayName("cuts and strips without breaking characters (regression #11)")
  class Characters {
    @Test
    @DisplayName("quote and truncate never leave half an emoji")
    void noLoneSurrogate() {
      String emoji = "😀".repeat(100);
      for (int max = 2; max < 60; max++) {
        assertThat(hasLoneSurrogate(SafeText.quote(emoji, max))).as("quote to %d", max).isFalse();
        assertThat(hasLoneSurrogate(SafeText.truncate(emoji, max)))
            .as("truncate to %d", max)
            .isFalse();
        assertThat(hasLoneSurrogate(SafeText.quote("a" + emoji, max)))
            .as("quote of a+emoji to %d", max)
            .isFalse();
      }
    }

    @Test
    @DisplayName("a cut inside an emoji sequence never ends on a zero-width joiner")
    void noDanglingJoiner() {
      String families = (FAMILY + " ").repeat(5).strip() + FAMILY.repeat(20);
      for (int max = 2; max < 80; max++) {
        String cut = SafeText.truncate(families, max);
        String body = cut.substring(0, cut.length() - 1);
        assertThat(body).as("truncate to %d", max).doesNotEndWith("\u200D");
        assertThat(hasLoneSurrogate(cut)).as("truncate to %d", max).isFalse();
      }
    }

    @Test
    @DisplayName(
        "bidi controls and invisible format characters go; emoji joiners and selectors stay")
    void stripsInvisibleFormatting() {
      String text =
          "a\u200Eb\u200Fc\u061Cd\u202Ee\u2066f\u2069g\u202Ah\u2060i\uFEFFj " + FAMILY + " ❤️ 👍🏽";

      assertThat(SafeText.stripControl(text)).isEqualTo("abcdefghij " + FAMILY + " ❤️ 👍🏽");
      assertThat(SafeText.stripControl("\u200Dstart and end\u200D")).isEqualTo("start and end");
    }

    @Test
    @DisplayName("line and paragraph separators are line breaks: a quote is one line")
    void separatorsCollapse() {
      assertThat(SafeText.quote("one\u2028two\u2029three", 100)).isEqualTo("one two three");
      assertThat(SafeText.oneLine("a \u2028 b")).isEqualTo("a b");
      assertThat(SafeText.stripControl("a\u2028b")).isEqualTo("a\nb");
    }

    @Test
    @DisplayName(
        "a text of blank fillers, invisible marks and spaces looks empty; one visible character does not")
    void looksEmpty() {
      assertThat(SafeText.looksEmpty("\u3164\u2800 \u200B\u115F\u1160\uFFA0\u00A0\u2003\n"))
          .isTrue();
      assertThat(SafeText.looksEmpty("")).isTrue();
      assertThat(SafeText.looksEmpty("\u3164.")).isFalse();
      assertThat(SafeText.looksEmpty("👍")).isFalse();
      assertThat(SafeText.looksEmpty("한")).isFalse();
    }
  }
}
