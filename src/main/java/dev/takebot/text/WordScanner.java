package dev.takebot.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into words and numbers, skipping links and Discord markup ({@link Markup}).
 *
 * <p>A word starts with a letter and runs on over letters and digits; an apostrophe, a hyphen or a
 * dot followed by a letter joins the next part ("don't", "rare-earth", "l'Afrique"), a dot only
 * inside initialisms, whose final dot it keeps ("U.S."). A number is a run of decimal digits. Each
 * word remembers whether it starts a sentence (after the text's start, . ! ? ; : or a line break)
 * and whether punctuation, a number, a link or markup stands between it and the previous word,
 * which is what phrase detection needs to know.
 */
public final class WordScanner {
  private WordScanner() {}

  /**
   * One word or number, as written.
   *
   * @param text the characters of the text, unchanged
   * @param number a run of digits rather than a word
   * @param sentenceStart first word of a sentence
   * @param breakBefore punctuation, a number, a link or markup stands between this word and the
   *     previous one
   */
  public record Word(String text, boolean number, boolean sentenceStart, boolean breakBefore) {}

  /** The words and numbers of {@code text}, in order. */
  public static List<Word> scan(String text) {
    List<Word> out = new ArrayList<>();
    int n = text.length();
    int i = 0;
    boolean sentenceStart = true;
    boolean brk = true;
    while (i < n) {
      int skipped = Markup.skip(text, i);
      if (skipped > i) {
        i = skipped;
        brk = true;
        continue;
      }
      char c = text.charAt(i);
      if (Character.isLetter(c)) {
        int end = wordEnd(text, i);
        out.add(new Word(text.substring(i, end), false, sentenceStart, brk));
        sentenceStart = false;
        brk = false;
        i = end;
        continue;
      }
      if (Character.isDigit(c)) {
        int end = i + 1;
        while (end < n && Character.isDigit(text.charAt(end))) {
          end++;
        }
        // a number neither starts nor ends a sentence, but it does break a phrase
        out.add(new Word(text.substring(i, end), true, sentenceStart, brk));
        brk = true;
        i = end;
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

  /** The end of the word that starts with the letter at {@code start}. */
  private static int wordEnd(String text, int start) {
    int n = text.length();
    int i = start + 1;
    while (i < n) {
      char d = text.charAt(i);
      if (Character.isLetterOrDigit(d)) {
        i++;
      } else if ((d == '\'' || d == '’' || d == '-' || d == '.')
          && i + 1 < n
          && Character.isLetter(text.charAt(i + 1))) {
        if (d == '.' && !(i - start == 1 || text.charAt(i - 2) == '.')) {
          return i; // only "U.S."-style initialisms keep their dots
        }
        i++;
      } else if (d == '.' && i - start >= 2 && text.charAt(i - 2) == '.') {
        return i + 1; // the final dot of "U.S."
      } else {
        return i;
      }
    }
    return i;
  }
}
