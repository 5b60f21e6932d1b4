package dev.takebot.article;

import dev.takebot.text.Stems;
import dev.takebot.text.StopWords;
import dev.takebot.text.WordScanner;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Word-level helpers shared by the summariser and the hashtagger: content terms, stop words,
 * initialisms.
 */
final class Words {
  private static final Pattern INITIALISM =
      Pattern.compile("\\b(?:U\\.S\\.A?|U\\.K\\.|U\\.N\\.|E\\.U\\.)(?=\\W|$)");
  private static final Pattern PARTS = Pattern.compile("[-.]");

  private Words() {}

  /** Lower-case content-word stems of {@code text}, stop words removed, in order. */
  static List<String> terms(String text) {
    List<String> terms = new ArrayList<>();
    for (WordScanner.Word word : WordScanner.scan(expandInitialisms(text))) {
      String w = word.text().toLowerCase(Locale.ROOT).replaceAll("['’]s$", "");
      if (w.length() > 1 && !isStop(w)) {
        // "rare-earth" counts as "rare" and "earth"; initialisms left dotted ("D.C.") as their
        // letters
        for (String part : PARTS.split(w)) {
          if (part.length() > 1 && !isStop(part)) {
            terms.add(Stems.light(part));
          }
        }
      }
    }
    return terms;
  }

  /**
   * French function words that are also English content words ("a car", "her son"): an English
   * article keeps them.
   */
  private static final java.util.Set<String> ALSO_ENGLISH =
      java.util.Set.of("car", "son", "ton", "sans", "plus", "bon", "fait", "mon");

  /**
   * Whether a lower-case word says nothing about what an article is about, in English or French
   * (articles come in both).
   */
  static boolean isStop(String lower) {
    return StopWords.isEnglish(lower)
        || (StopWords.isFrench(lower) && !ALSO_ENGLISH.contains(lower));
  }

  /** "U.S." → "United States" and friends, so that both spellings count as one thing. */
  static String expandInitialisms(String text) {
    return INITIALISM
        .matcher(text)
        .replaceAll(
            r ->
                switch (r.group().charAt(2)) {
                  case 'S' -> "United States";
                  case 'K' -> "United Kingdom";
                  case 'N' -> "United Nations";
                  default -> "European Union";
                });
  }
}
