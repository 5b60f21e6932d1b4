package dev.takebot.i18n;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * TakeBot's messages in one language. Patterns are ICU MessageFormat with named arguments, e.g.
 * {@code {count, plural, one {# take} other {# takes}}}: plural forms follow the language's CLDR
 * rules and numbers its conventions. A key missing from a language's file falls back to English
 * (the root bundle); {@code TextsBundlesTest} fails the build before that can ship.
 */
public final class Texts {
  static final String BUNDLE = "i18n.messages";
  static final String BUNDLE_PATH = "i18n/messages";

  private static final ResourceBundle.Control NO_DEFAULT_LOCALE =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  /**
   * Every message of every supported language, parsed once when this class loads (~800 patterns):
   * parsing costs several times the formatting, and a summary formats dozens of messages. The
   * bundles are fixed resources, so this is an immutable table, not state. A pattern ICU cannot
   * parse is left out and fails when it is asked for, as before.
   */
  private static final Map<Locale, Map<String, MessageFormat>> PATTERNS = parseAll();

  private final Locale locale;
  private final ResourceBundle bundle;

  private Texts(Locale locale, ResourceBundle bundle) {
    this.locale = locale;
    this.bundle = bundle;
  }

  /**
   * The messages in the supported language closest to {@code locale} (English when none is); the
   * JVM's default locale plays no part.
   */
  public static Texts forLocale(Locale locale) {
    Locale language = Languages.of(locale == null ? null : locale.toLanguageTag());
    // Java 9+ reads .properties bundles as UTF-8.
    return new Texts(language, ResourceBundle.getBundle(BUNDLE, language, NO_DEFAULT_LOCALE));
  }

  /** {@link #forLocale} for a Discord or BCP 47 tag such as {@code fr} or {@code en-US}. */
  public static Texts forTag(String tag) {
    return forLocale(Languages.of(tag));
  }

  public static Texts english() {
    return forLocale(Languages.DEFAULT);
  }

  /** The language of these messages, e.g. {@code fr}. */
  public Locale locale() {
    return locale;
  }

  /**
   * The message {@code key} with its named arguments given as name, value pairs: {@code
   * get("summary.takes", "count", 3)}.
   *
   * @throws MissingResourceException when no bundle has the key
   */
  public String get(String key, Object... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException(
          "arguments of " + key + " come in name, value pairs: " + namesAndValues.length);
    }
    Map<String, Object> args = new HashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      Object value = namesAndValues[i + 1];
      args.put((String) namesAndValues[i], value instanceof Phrase p ? p.in(this) : value);
    }
    return format(key, args);
  }

  /**
   * The message {@code key} with its named arguments. Only the bundle's pattern is parsed: an
   * argument, however many braces or apostrophes it holds, is shown as it is.
   */
  public String format(String key, Map<String, ?> args) {
    // An ICU MessageFormat is not thread-safe (its number and plural formats keep working state):
    // the cached one is never used itself, each call formats with its own copy, still far cheaper
    // than parsing.
    return ((MessageFormat) parsed(key).clone()).format(args);
  }

  /**
   * The parsed pattern of {@code key} in this language, shared by every {@code Texts} of it: never
   * to be formatted with, only copied.
   */
  MessageFormat parsed(String key) {
    MessageFormat parsed =
        PATTERNS.getOrDefault(locale, Map.of()).get(Objects.requireNonNull(key, "key"));
    return parsed != null ? parsed : parse(bundle, key, locale);
  }

  private static Map<Locale, Map<String, MessageFormat>> parseAll() {
    Map<Locale, Map<String, MessageFormat>> all = new HashMap<>();
    for (Locale language : Languages.supported()) {
      ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, language, NO_DEFAULT_LOCALE);
      Map<String, MessageFormat> patterns = new HashMap<>();
      for (String key : bundle.keySet()) {
        try {
          patterns.put(key, parse(bundle, key, language));
        } catch (IllegalArgumentException e) {
          // not a message pattern (TextsBundlesTest keeps such keys out of messages)
        }
      }
      all.put(language, Map.copyOf(patterns));
    }
    return Map.copyOf(all);
  }

  private static MessageFormat parse(ResourceBundle bundle, String key, Locale language) {
    return new MessageFormat(bundle.getString(key), ULocale.forLocale(language));
  }

  /** Whether a message exists for {@code key}, in this language or English. */
  public boolean has(String key) {
    return bundle.containsKey(key);
  }

  /** A whole number in this language's convention: {@code 9,400} or {@code 9 400}. */
  public String number(long n) {
    return com.ibm.icu.text.NumberFormat.getIntegerInstance(ULocale.forLocale(locale)).format(n);
  }

  /**
   * A date in words, e.g. {@code 20 May 2026} or {@code 20 mai 2026}: the pattern is the language's
   * {@code format.date} message, so each translation picks its own order.
   */
  public String date(LocalDate date) {
    return DateTimeFormatter.ofPattern(bundle.getString("format.date"), locale).format(date);
  }
}
