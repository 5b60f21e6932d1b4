package dev.takebot.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.ibm.icu.text.MessageFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The translation files agree: every language has every message of the English (root) bundle and
 * nothing else, with the same named arguments, and every pattern parses. A missing French key would
 * otherwise show the English text to a French server.
 */
@DisplayName("Message bundles: every language has every key, with the same arguments")
class TextsBundlesTest {

  @Test
  @DisplayName("French is found on the class path as a supported language, English first")
  void frenchIsSupported() {
    assertThat(Languages.supported()).startsWith(Locale.ENGLISH).contains(Locale.FRENCH);
  }

  @Test
  @DisplayName("every language has exactly the keys of the English bundle")
  void sameKeysInEveryLanguage() throws IOException {
    Properties english = load("");
    for (Locale l : Languages.supported().subList(1, Languages.supported().size())) {
      Properties other = load("_" + l.getLanguage());
      Set<String> missing = new TreeSet<>(english.stringPropertyNames());
      missing.removeAll(other.stringPropertyNames());
      Set<String> extra = new TreeSet<>(other.stringPropertyNames());
      extra.removeAll(english.stringPropertyNames());
      assertThat(missing).as("keys missing in %s", l).isEmpty();
      assertThat(extra).as("keys only in %s", l).isEmpty();
    }
  }

  @Test
  @DisplayName(
      "a message takes the same named arguments in every language, and every pattern parses")
  void sameArgumentsInEveryLanguage() throws IOException {
    Properties english = load("");
    for (Locale l : Languages.supported().subList(1, Languages.supported().size())) {
      Properties other = load("_" + l.getLanguage());
      for (String key : english.stringPropertyNames()) {
        if (key.startsWith("format.")) {
          continue; // date patterns, not messages
        }
        assertThatCode(() -> new MessageFormat(other.getProperty(key, ""), l))
            .as("%s in %s", key, l)
            .doesNotThrowAnyException();
        assertThat(arguments(other.getProperty(key, "")))
            .as("arguments of %s in %s", key, l)
            .isEqualTo(arguments(english.getProperty(key)));
      }
    }
  }

  @Test
  @DisplayName(
      "every message formats in every language, with no pattern syntax left in what readers see")
  void everyMessageFormats() throws IOException {
    for (Locale l : Languages.supported()) {
      Properties own = load(l.equals(Languages.DEFAULT) ? "" : "_" + l.getLanguage());
      Texts texts = Texts.forLocale(l);
      for (String key : own.stringPropertyNames()) {
        if (key.startsWith("format.")) {
          continue;
        }
        java.util.Map<String, Object> args = new java.util.HashMap<>();
        arguments(own.getProperty(key)).forEach(a -> args.put(a, 3));
        assertThat(texts.format(key, args))
            .as("%s in %s", key, l)
            .doesNotContain("::", "{", "}")
            .isNotBlank();
      }
    }
  }

  @Test
  @DisplayName("French counts 0 and 1 as singular and formats numbers the French way")
  void frenchPluralsAndNumbers() {
    Texts fr = Texts.forLocale(Locale.FRENCH);
    assertThat(fr.get("summary.takes", "count", 0)).isEqualTo("0 avis");
    assertThat(fr.get("summary.members", "count", 0)).isEqualTo("0 membre");
    assertThat(fr.get("summary.members", "count", 1)).isEqualTo("1 membre");
    assertThat(fr.get("summary.members", "count", 2)).isEqualTo("2 membres");
    assertThat(fr.number(9400)).isEqualTo("9\u202f400");
    Texts en = Texts.forLocale(Locale.US);
    assertThat(en.get("summary.members", "count", 0)).isEqualTo("0 members");
    assertThat(en.number(9400)).isEqualTo("9,400");
  }

  @Test
  @DisplayName("Discord's locale tags map to the closest language, English when none has a bundle")
  void discordTags() {
    assertThat(Languages.of("fr")).isEqualTo(Locale.FRENCH);
    assertThat(Languages.of("en-GB")).isEqualTo(Locale.ENGLISH);
    assertThat(Languages.of("de")).isEqualTo(Locale.ENGLISH);
    assertThat(Languages.of(null)).isEqualTo(Locale.ENGLISH);
    assertThat(Texts.forTag("de").get("summary.takes", "count", 2)).isEqualTo("2 takes");
  }

  private static Set<String> arguments(String pattern) {
    return new TreeSet<>(new MessageFormat(pattern, Locale.ROOT).getArgumentNames());
  }

  private static Properties load(String suffix) throws IOException {
    Properties p = new Properties();
    String resource = "/i18n/messages" + suffix + ".properties";
    try (InputStream in = TextsBundlesTest.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }
}
