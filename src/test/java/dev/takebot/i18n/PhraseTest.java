package dev.takebot.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Phrases: a message stored now and worded later, in each reader's language")
class PhraseTest {
  private static final String PATTERN_SYNTAX = "{0} '{x, plural, one {#} other {#}}' & = ? % @";

  @Test
  @DisplayName("a stored phrase reads back worded in each language, nested phrases included")
  void storedAndWordedLater() {
    Phrase failed =
        Phrase.of(
            "feed.error.postFailed",
            "reason",
            Phrase.of(
                "feed.error.permission",
                "permission",
                Phrase.of("permission.MESSAGE_SEND"),
                "channel",
                PATTERN_SYNTAX));
    String stored = failed.encode(300).orElseThrow();
    Phrase back = Phrase.decode(stored).orElseThrow();
    assertThat(back.english())
        .isEqualTo("posting failed: I need the Send Messages permission in #" + PATTERN_SYNTAX);
    assertThat(back.in(Texts.forLocale(Locale.FRENCH)))
        .isEqualTo(
            "échec de la publication\u00a0: il me faut la permission Envoyer des messages dans #"
                + PATTERN_SYNTAX);
  }

  @Test
  @DisplayName(
      "numbers stay numbers (plural forms work), words stay words even when they look like numbers")
  void typesSurvive() {
    Phrase cap =
        Phrase.decode(Phrase.of("feed.error.cap", "count", 1200).encode(300).orElseThrow())
            .orElseThrow();
    assertThat(cap.english()).startsWith("this server already follows 1200 feeds");
    Phrase host =
        Phrase.decode(Phrase.of("fetch.unknownHost", "host", "1234").encode(300).orElseThrow())
            .orElseThrow();
    assertThat(host.english()).isEqualTo("could not find the site 1234");
    assertThat(
            Phrase.decode(Phrase.text("HTTP {500}").encode(300).orElseThrow())
                .orElseThrow()
                .english())
        .isEqualTo("HTTP {500}");
  }

  @Test
  @DisplayName(
      "an error stored as words before phrases existed is shown as it was; too long a phrase is not encoded")
  void oldWordsAndLongPhrases() {
    assertThat(Phrase.decode("the site answered HTTP 500")).isEmpty();
    assertThat(Phrase.decode("@no such key?x=s%3A")).isPresent(); // decodes; wording it would fail
    assertThat(Phrase.decode("@broken?x")).isEmpty();
    assertThat(Phrase.of("fetch.unknownHost", "host", "h".repeat(400)).encode(300)).isEmpty();
  }

  @Test
  @DisplayName("arguments in pattern syntax are shown as written in every language")
  void argumentsAreNeverPatterns() {
    for (Locale l : Languages.supported()) {
      assertThat(Texts.forLocale(l).get("fetch.unknownHost", "host", PATTERN_SYNTAX))
          .endsWith(PATTERN_SYNTAX);
    }
  }

  @Test
  @DisplayName("tags of languages without messages, and garbled tags, fall back to English")
  void unknownTags() {
    for (String tag :
        new String[] {"ja", "pt-BR", "zh-Hant-TW", "x{0}'", "fr_FR", "--", "\u0000"}) {
      assertThat(Texts.forTag(tag).get("summary.takes", "count", 2))
          .as(tag)
          .isEqualTo(tag.startsWith("fr") ? "2 avis" : "2 takes");
    }
  }
}
