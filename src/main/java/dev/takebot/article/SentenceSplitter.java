package dev.takebot.article;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits prose into sentences. A sentence ends at {@code . ! ? …} (plus any closing quotes or
 * brackets) followed by whitespace and a capital, digit or opening quote — except after
 * abbreviations ("Dr.", "e.g.") and initialisms ("U.S."), which end a sentence only when a typical
 * sentence opener follows ("…talks with the U.S. The visit…").
 */
final class SentenceSplitter {
  private static final Set<String> ABBREVIATIONS =
      Set.of(
          "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "ft", "vs", "etc", "e.g", "i.e",
          "cf", "al", "inc", "ltd", "co", "corp", "llc", "gen", "gov", "sen", "rep", "pres", "col",
          "lt", "sgt", "capt", "cmdr", "adm", "maj", "rev", "hon", "no", "nos", "vol", "pp", "fig",
          "approx", "est", "dept", "univ", "assn", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
          "sep", "sept", "oct", "nov", "dec", "mon", "tue", "wed", "thu", "fri", "sat", "sun",
          "a.m", "p.m", "u.s", "u.k", "u.n", "e.u", "d.c", "ph.d");

  /** Words that open sentences; after an initialism they mean the sentence really ended. */
  private static final Set<String> OPENERS =
      Set.of(
          "the",
          "this",
          "that",
          "these",
          "those",
          "it",
          "its",
          "in",
          "on",
          "at",
          "but",
          "and",
          "he",
          "she",
          "they",
          "we",
          "i",
          "a",
          "an",
          "as",
          "after",
          "before",
          "while",
          "when",
          "meanwhile",
          "however",
          "officials",
          "there");

  private static final String TERMINATORS = ".!?…";
  private static final String CLOSERS = "\"'”’»)]";
  private static final String OPENING = "\"'“‘«([";

  private SentenceSplitter() {}

  static List<String> split(String text) {
    List<String> sentences = new ArrayList<>();
    String s = text.strip();
    int start = 0;
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (TERMINATORS.indexOf(c) < 0) {
        i++;
        continue;
      }
      int end = i + 1;
      while (end < s.length()
          && (TERMINATORS.indexOf(s.charAt(end)) >= 0 || CLOSERS.indexOf(s.charAt(end)) >= 0)) {
        end++;
      }
      int next = end;
      while (next < s.length() && Character.isWhitespace(s.charAt(next))) {
        next++;
      }
      boolean spaced = next > end || end == s.length();
      if (next >= s.length()
          || (spaced && startsSentence(s, next) && !isAbbreviation(s, start, i, c, next))) {
        add(sentences, s.substring(start, end));
        start = next;
      }
      i = end;
    }
    add(sentences, s.substring(Math.min(start, s.length())));
    return sentences;
  }

  private static boolean startsSentence(String s, int at) {
    int cp = s.codePointAt(at);
    return Character.isUpperCase(cp)
        || Character.isDigit(cp)
        || OPENING.indexOf(cp) >= 0
        || Character.isTitleCase(cp);
  }

  /** Whether the '.' at {@code dot} belongs to an abbreviation rather than ending the sentence. */
  private static boolean isAbbreviation(
      String s, int sentenceStart, int dot, char terminator, int next) {
    if (terminator != '.') {
      return false;
    }
    int wordStart = dot;
    while (wordStart > sentenceStart
        && !Character.isWhitespace(s.charAt(wordStart - 1))
        && OPENING.indexOf(s.charAt(wordStart - 1)) < 0) {
      wordStart--;
    }
    String word = s.substring(wordStart, dot).toLowerCase(Locale.ROOT);
    boolean initialism =
        word.length() <= 12 && word.matches("(\\p{L}\\.)+\\p{L}")
            || word.matches("\\p{Lu}")
            || word.matches("\\p{L}");
    if (!ABBREVIATIONS.contains(word) && !initialism) {
      return false;
    }
    String following = nextWord(s, next);
    // "U.S. The" ends a sentence, "U.S. State Department" does not; titles like "Dr." never end
    // one.
    boolean title =
        Set.of(
                "mr", "mrs", "ms", "dr", "prof", "st", "gen", "sen", "rep", "col", "lt", "sgt",
                "capt", "rev", "hon")
            .contains(word);
    return title || !OPENERS.contains(following);
  }

  private static String nextWord(String s, int at) {
    int end = at;
    while (end < s.length() && Character.isLetter(s.charAt(end))) {
      end++;
    }
    return s.substring(at, end).toLowerCase(Locale.ROOT);
  }

  private static void add(List<String> sentences, String sentence) {
    String t = sentence.strip();
    if (!t.isEmpty()) {
      sentences.add(t);
    }
  }
}
