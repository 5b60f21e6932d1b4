package dev.takebot.takes.summary;

import dev.takebot.text.WordScanner;
import java.util.ArrayList;
import java.util.List;

/**
 * A take's words as theme extraction reads them: split by the shared {@link WordScanner} (which
 * skips links, Discord mentions and custom emoji and drops numbers here), possessives and French
 * elisions removed, capitalisation and acronyms noted.
 */
final class Tokenizer {
  private Tokenizer() {}

  /**
   * One word.
   *
   * @param surface as written, possessive "'s" and French elisions (l', d') removed
   * @param lower lower-case surface
   * @param capitalised first letter upper case
   * @param acronym all upper case, 2-5 letters (US, AES, U.S.)
   * @param sentenceStart first word of a sentence
   * @param breakBefore punctuation stands between this word and the previous one
   */
  record Token(
      String surface,
      String lower,
      boolean capitalised,
      boolean acronym,
      boolean sentenceStart,
      boolean breakBefore) {}

  static List<Token> tokenize(String text) {
    List<Token> out = new ArrayList<>();
    for (WordScanner.Word word : WordScanner.scan(text)) {
      Token t = word.number() ? null : token(word.text(), word.sentenceStart(), word.breakBefore());
      if (t != null) {
        out.add(t);
      }
    }
    return out;
  }

  private static Token token(String raw, boolean sentenceStart, boolean brk) {
    String s = raw.replace('’', '\'');
    int apostrophe = s.indexOf('\'');
    if (apostrophe > 0 && (s.endsWith("'s") || s.endsWith("'S"))) {
      s = s.substring(0, s.length() - 2);
    }
    if (apostrophe > 0 && apostrophe <= 2 && apostrophe < s.length() - 1) {
      String prefix = Words.lower(s.substring(0, apostrophe));
      if (prefix.equals("l")
          || prefix.equals("d")
          || prefix.equals("qu")
          || prefix.equals("j")
          || prefix.equals("n")
          || prefix.equals("s")
          || prefix.equals("c")
          || prefix.equals("m")) {
        s = s.substring(apostrophe + 1);
      }
    }
    if (s.isEmpty()) {
      return null;
    }
    String lower = Words.lower(s);
    boolean cap = Character.isUpperCase(s.charAt(0));
    int letters = 0;
    boolean allUpper = true;
    for (int k = 0; k < s.length(); k++) {
      char ch = s.charAt(k);
      if (Character.isLetter(ch)) {
        letters++;
        allUpper &= Character.isUpperCase(ch);
      }
    }
    boolean acronym = allUpper && letters >= 2 && letters <= 5;
    return new Token(s, lower, cap, acronym, sentenceStart, brk);
  }
}
