package dev.takebot.text;

import java.util.Locale;

/**
 * Which of TakeBot's languages a text is written in, by a vote of its function words: a stop word
 * of one language and not the other is a vote for it, and an elided French article or pronoun
 * ({@code l'}, {@code d'}, {@code qu'}…) is a vote for French. English wins ties, so a text with no
 * telling words stays English.
 */
public final class LanguageGuess {
  private LanguageGuess() {}

  /** {@code fr} or {@code en}. */
  public static String of(String text) {
    if (text == null) {
      return "en";
    }
    int french = 0;
    int english = 0;
    for (WordScanner.Word w : WordScanner.scan(text)) {
      String lower = w.text().toLowerCase(Locale.ROOT).replace('’', '\'');
      if (Elisions.prefix(lower) > 0) {
        french++;
        continue;
      }
      boolean en = StopWords.isEnglish(lower);
      boolean fr = StopWords.isFrench(lower);
      if (fr && !en) {
        french++;
      } else if (en && !fr) {
        english++;
      }
    }
    return french > english ? "fr" : "en";
  }
}
