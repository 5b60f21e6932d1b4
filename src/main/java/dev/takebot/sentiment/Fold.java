package dev.takebot.sentiment;

import java.text.Normalizer;

/**
 * Case and accent folding of single characters, so "Génial", "GENIAL" and "genial" meet in one
 * entry.
 */
final class Fold {
  private static final int TABLE_SIZE = 0x250;
  private static final char[] TABLE = buildTable();

  private Fold() {}

  static char fold(char c) {
    if (c < 128) {
      return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }
    if (c < TABLE_SIZE) {
      return TABLE[c];
    }
    if (c == '\u2019' || c == '\u2018' || c == '\u02BC') {
      return '\'';
    }
    return Character.toLowerCase(c);
  }

  static String fold(String s) {
    int same = 0;
    while (same < s.length() && fold(s.charAt(same)) == s.charAt(same)) {
      same++;
    }
    if (same == s.length()) {
      return s; // most lexicon terms are folded already: no copy
    }
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      b.append(fold(s.charAt(i)));
    }
    return b.toString();
  }

  private static char[] buildTable() {
    char[] t = new char[TABLE_SIZE];
    for (char c = 0; c < TABLE_SIZE; c++) {
      char lower = Character.toLowerCase(c);
      String nfd = Normalizer.normalize(String.valueOf(lower), Normalizer.Form.NFD);
      char base = nfd.charAt(0);
      // Keep letters that do not decompose (ß, æ, ø) as they are; only strip combining accents.
      t[c] = Character.isLetter(base) ? base : lower;
    }
    return t;
  }
}
