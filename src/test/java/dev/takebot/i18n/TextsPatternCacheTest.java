package dev.takebot.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Parsing a message's ICU pattern costs several times formatting it, so each is parsed once per
 * language and shared; sharing must not mix up the answers of threads formatting at the same time.
 */
@DisplayName("Texts: a message's pattern is parsed once per language and safely shared")
class TextsPatternCacheTest {

  @Test
  @DisplayName("two Texts of one language share the parsed pattern; another language has its own")
  void parsedOncePerLanguage() {
    Texts french = Texts.forTag("fr");
    Texts frenchAgain = Texts.forTag("fr-FR");

    MessageFormat first = french.parsed("summary.takes");

    assertThat(frenchAgain.parsed("summary.takes")).isSameAs(first);
    assertThat(Texts.english().parsed("summary.takes")).isNotSameAs(first);
  }

  @Test
  @DisplayName("a key missing from every bundle still fails loudly, every time")
  void missingKeyIsNotCached() {
    Texts french = Texts.forTag("fr");
    for (int i = 0; i < 2; i++) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> french.get("no.such.key"))
          .isInstanceOf(java.util.MissingResourceException.class);
    }
  }

  @Test
  @DisplayName("threads formatting one shared plural and number message each get their own answer")
  void sharedPatternIsThreadSafe() throws Exception {
    Texts french = Texts.forTag("fr");
    String pattern = french.parsed("feed.list.failing").toPattern();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<List<String>>> wrong = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int thread = t;
        wrong.add(
            pool.submit(
                () -> {
                  List<String> mismatches = new ArrayList<>();
                  for (int i = 0; i < 2_000; i++) {
                    long failures = thread * 100_000L + i;
                    Map<String, Object> args =
                        Map.of("error", "e" + i, "failures", failures, "when", 1_700_000_000L + i);
                    String expected = new MessageFormat(pattern, Locale.FRENCH).format(args);
                    String got = french.format("feed.list.failing", args);
                    if (!got.equals(expected)) {
                      mismatches.add(got + " ≠ " + expected);
                    }
                  }
                  return mismatches;
                }));
      }
      for (Future<List<String>> f : wrong) {
        assertThat(f.get(60, TimeUnit.SECONDS)).isEmpty();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
