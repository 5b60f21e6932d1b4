package dev.takebot.i18n;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The languages TakeBot speaks: English (the root bundle) and every language with its own {@code
 * i18n/messages_<code>.properties}, found on the class path so a translation file is all a new
 * language needs.
 */
public final class Languages {
  /** What TakeBot speaks when it knows nothing better, and the language of the root bundle. */
  public static final Locale DEFAULT = Locale.ENGLISH;

  private static final List<Locale> SUPPORTED = find();

  private Languages() {}

  /** Every language with a bundle, English first. */
  public static List<Locale> supported() {
    return SUPPORTED;
  }

  /** Their codes, e.g. {@code [en, fr]}. */
  public static List<String> codes() {
    return SUPPORTED.stream().map(Locale::getLanguage).toList();
  }

  /**
   * The supported language closest to a Discord or BCP 47 locale tag ({@code fr}, {@code en-US},
   * {@code pt-BR}, also Java's {@code fr_FR}); English for an unknown, blank or null tag.
   */
  public static Locale of(String tag) {
    if (tag == null || tag.isBlank()) {
      return DEFAULT;
    }
    // Java's own spelling (fr_FR, as in --locale fr_FR) would otherwise parse as no language.
    String language = Locale.forLanguageTag(tag.strip().replace('_', '-')).getLanguage();
    for (Locale l : SUPPORTED) {
      if (l.getLanguage().equals(language)) {
        return l;
      }
    }
    return DEFAULT;
  }

  /** Whether {@code code} (e.g. {@code fr}) names a language with a bundle. */
  public static boolean isSupported(String code) {
    return code != null && codes().contains(code.strip().toLowerCase(Locale.ROOT));
  }

  private static List<Locale> find() {
    List<Locale> found = new ArrayList<>(List.of(DEFAULT));
    for (String code : Locale.getISOLanguages()) {
      if (!code.equals(DEFAULT.getLanguage())
          && Languages.class.getResource("/" + Texts.BUNDLE_PATH + "_" + code + ".properties")
              != null) {
        found.add(Locale.forLanguageTag(code));
      }
    }
    return List.copyOf(found);
  }
}
