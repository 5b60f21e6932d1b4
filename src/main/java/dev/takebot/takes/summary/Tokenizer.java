package dev.takebot.takes.summary;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a take into words, remembering what theme extraction needs: capitalisation, sentence starts
 * and punctuation breaks. Links, Discord mentions and custom emoji are skipped entirely.
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
  record Token(String surface, String lower, boolean capitalised, boolean acronym, boolean sentenceStart,
      boolean breakBefore) {}

  static List<Token> tokenize(String text) {
    List<Token> out = new ArrayList<>();
    int n = text.length();
    int i = 0;
    boolean sentenceStart = true;
    boolean brk = true;
    while (i < n) {
      char c = text.charAt(i);
      if (startsLink(text, i)) {
        while (i < n && !Character.isWhitespace(text.charAt(i))) {
          i++;
        }
        brk = true;
        continue;
      }
      if (c == '<') { // <@123>, <#1>, <:name:1>, <a:name:1>
        int close = text.indexOf('>', i);
        if (close > 0 && close - i < 64 && !text.substring(i, close).contains(" ")) {
          i = close + 1;
          brk = true;
          continue;
        }
      }
      if (Character.isLetter(c)) {
        int start = i;
        i++;
        while (i < n) {
          char d = text.charAt(i);
          if (Character.isLetterOrDigit(d)) {
            i++;
          } else if ((d == '\'' || d == '’' || d == '-' || d == '.') && i + 1 < n
              && Character.isLetter(text.charAt(i + 1))) {
            if (d == '.' && !(i - start == 1 || text.charAt(i - 2) == '.')) {
              break; // only "U.S."-style acronyms keep their dots
            }
            i++;
          } else if (d == '.' && i - start >= 2 && text.charAt(i - 2) == '.') {
            i++; // trailing dot of "U.S."
            break;
          } else {
            break;
          }
        }
        String raw = text.substring(start, i).replace('’', '\'');
        Token t = token(raw, sentenceStart, brk);
        if (t != null) {
          out.add(t);
        }
        sentenceStart = false;
        brk = false;
        continue;
      }
      if (c == '.' || c == '!' || c == '?' || c == ';' || c == ':' || c == '\n') {
        sentenceStart = true;
      }
      if (!Character.isWhitespace(c) || c == '\n') {
        brk = true;
      }
      i++;
    }
    return out;
  }

  private static Token token(String raw, boolean sentenceStart, boolean brk) {
    String s = raw;
    int apostrophe = s.indexOf('\'');
    if (apostrophe > 0 && (s.endsWith("'s") || s.endsWith("'S"))) {
      s = s.substring(0, s.length() - 2);
    }
    if (apostrophe > 0 && apostrophe <= 2 && apostrophe < s.length() - 1) {
      String prefix = Words.lower(s.substring(0, apostrophe));
      if (prefix.equals("l") || prefix.equals("d") || prefix.equals("qu") || prefix.equals("j")
          || prefix.equals("n") || prefix.equals("s") || prefix.equals("c") || prefix.equals("m")) {
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

  static boolean startsLink(String text, int i) {
    return text.startsWith("http://", i) || text.startsWith("https://", i) || text.startsWith("www.", i);
  }
}
