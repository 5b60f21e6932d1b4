package dev.takebot.text;

/**
 * French elision: the article, pronoun or conjunction glued to the next word by an apostrophe
 * ({@code l'accord}, {@code d'uranium}, {@code qu'il}, {@code aujourd'hui} aside). Theme extraction
 * and the language vote look at the word after it.
 */
public final class Elisions {
  private static final String[] PREFIXES = {
    "l'", "d'", "qu'", "j'", "n'", "s'", "c'", "m'", "t'", "jusqu'", "lorsqu'", "puisqu'", "quoiqu'"
  };

  private Elisions() {}

  /**
   * The length of the elided prefix of a lower-case word with straight apostrophes ({@code 2} for
   * {@code l'accord}), or 0 when it has none or nothing follows it.
   */
  public static int prefix(String lower) {
    for (String p : PREFIXES) {
      if (lower.length() > p.length() && lower.startsWith(p)) {
        return p.length();
      }
    }
    return 0;
  }

  /** The word without its elided prefix: {@code accord} for {@code l’accord}. */
  public static String strip(String word) {
    String straight = word.replace('’', '\'');
    int n = prefix(straight.toLowerCase(java.util.Locale.ROOT));
    return n == 0 ? word : word.substring(n);
  }
}
