package dev.takebot.article;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Word-level helpers shared by the summariser and the hashtagger: tokens, stop words, a light stemmer. */
final class Words {
  static final Set<String> STOP = Set.of(
      "a", "about", "above", "according", "across", "after", "again", "against", "all", "almost", "also", "although",
      "am", "among", "an", "and", "another", "any", "are", "around", "as", "at", "be", "became", "because", "been",
      "before", "being", "below", "between", "both", "but", "by", "can", "could", "did", "do", "does", "doing",
      "down", "during", "each", "either", "even", "ever", "every", "few", "for", "from", "further", "had", "has",
      "have", "having", "he", "her", "here", "hers", "him", "his", "how", "however", "i", "if", "in", "including",
      "into", "is", "it", "its", "itself", "just", "known", "least", "less", "like", "made", "make", "many", "may",
      "me", "might", "more", "most", "much", "must", "my", "new", "no", "nor", "not", "now", "of", "off", "on",
      "once", "one", "only", "or", "other", "others", "our", "out", "over", "own", "per", "rather", "said", "same",
      "say", "says", "several", "she", "should", "since", "so", "some", "still", "such", "than", "that", "the",
      "their", "them", "then", "there", "these", "they", "this", "those", "three", "through", "thus", "to", "too",
      "two", "under", "until", "up", "upon", "us", "very", "via", "was", "we", "well", "were", "what", "when",
      "where", "whether", "which", "while", "who", "whom", "whose", "why", "will", "with", "within", "without",
      "would", "yet", "you", "your", "year", "years", "recent", "currently", "increasingly");
  private static final Pattern TOKEN = Pattern.compile("\\p{L}[\\p{L}\\p{N}]*(?:[-'’]\\p{L}+){0,4}|\\p{N}+");
  private static final Pattern INITIALISM = Pattern.compile("\\b(?:U\\.S\\.A?|U\\.K\\.|U\\.N\\.|E\\.U\\.)(?=\\W|$)");

  private Words() {}

  /** Lower-case content-word stems of {@code text}, stop words removed, in order. */
  static List<String> terms(String text) {
    List<String> terms = new ArrayList<>();
    Matcher m = TOKEN.matcher(expandInitialisms(text));
    while (m.find()) {
      String w = m.group().toLowerCase(Locale.ROOT).replaceAll("['’]s$", "");
      if (w.length() > 1 && !STOP.contains(w)) {
        for (String part : w.split("-")) {
          if (part.length() > 1 && !STOP.contains(part)) {
            terms.add(stem(part));
          }
        }
      }
    }
    return terms;
  }

  /** "U.S." → "United States" and friends, so that both spellings count as one thing. */
  static String expandInitialisms(String text) {
    return INITIALISM.matcher(text).replaceAll(r -> switch (r.group().charAt(2)) {
      case 'S' -> "United States";
      case 'K' -> "United Kingdom";
      case 'N' -> "United Nations";
      default -> "European Union";
    });
  }

  /** A deliberately light stemmer: plural and a few verb endings, enough to match "relation"/"relations". */
  static String stem(String w) {
    if (w.length() > 4 && w.endsWith("ies")) {
      return w.substring(0, w.length() - 3) + "y";
    }
    if (w.length() > 5 && w.endsWith("ing")) {
      return w.substring(0, w.length() - 3);
    }
    if (w.length() > 4 && w.endsWith("ed") && !w.endsWith("eed")) {
      return w.substring(0, w.length() - 2);
    }
    if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
      return w.substring(0, w.length() - 1);
    }
    return w;
  }
}
