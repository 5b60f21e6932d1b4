package dev.takebot.takes.summary;

import dev.takebot.text.Markup;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Whether a take says enough to stand for its side: at least four real words once links and
 * mentions are gone, no long runs of one character, not the same few words repeated, mostly
 * letters.
 */
final class Substance {
  static final int MIN_WORDS = 4;

  /** Words of one letter in English and French ("a", "I"; "à", "y"), which count as words. */
  private static final Set<String> ONE_LETTER_WORDS = Set.of("a", "i", "à", "y");

  private Substance() {}

  static boolean isSubstantive(String text) {
    return text != null && isSubstantive(text, Tokenizer.tokenize(text));
  }

  /** As {@link #isSubstantive(String)}, reusing the text's tokens. */
  static boolean isSubstantive(String text, List<Tokenizer.Token> tokens) {
    if (text.isBlank()) {
      return false;
    }
    int run = 1;
    for (int i = 1; i < text.length(); i++) {
      char c = text.charAt(i);
      run = c == text.charAt(i - 1) && !Character.isWhitespace(c) ? run + 1 : 1;
      if (run >= 5) {
        return false; // "soooooo", "!!!!!!!", "hahahaha" is caught by repetition below
      }
    }
    int words = 0;
    int letters = 0;
    Set<String> distinct = new HashSet<>();
    for (Tokenizer.Token t : tokens) {
      if (t.lower().length() >= 2 || ONE_LETTER_WORDS.contains(t.lower())) {
        words++;
        distinct.add(t.lower());
        letters += t.lower().length();
      }
    }
    if (words < MIN_WORDS) {
      return false;
    }
    if (words >= 6 && distinct.size() * 2 < words) {
      return false; // "buy now buy now buy now"
    }
    int visible = 0;
    for (int i = 0; i < text.length(); i++) {
      if (!Character.isWhitespace(text.charAt(i))) {
        visible++;
      }
    }
    int linkChars = linkChars(text);
    return letters * 10 >= (visible - linkChars) * 6; // mostly words, not symbols or emoji
  }

  private static int linkChars(String text) {
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      int end = Markup.skip(text, i);
      n += end - i;
      i = Math.max(i, end - 1);
    }
    return n;
  }
}
