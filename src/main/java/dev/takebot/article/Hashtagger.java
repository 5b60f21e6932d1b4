package dev.takebot.article;

import dev.takebot.text.Stems;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chooses the post's hashtags: the author's own first, in their spelling, then the most salient
 * named entities (capitalised word runs such as "Burkina Faso" → {@code BurkinaFaso}) and, when the
 * article has few of those, its most frequent key words. Case-insensitively de-duplicated and
 * capped.
 *
 * <p>Salience is frequency, a mention in the title counting twice; a name must score at least 2 to
 * be tagged, so a name dropped once in passing does not crowd out the story's subjects. Demonyms
 * ("French", "Western") describe rather than name, so they are left out. Names are at most six
 * words: every repetition in the patterns is bounded, so a 100 KB line of capitals cannot overflow
 * the stack.
 */
final class Hashtagger {
  static final int DEFAULT_LIMIT = 6;
  static final int MAX_LIMIT = 20;

  private static final Pattern CAPITALISED =
      Pattern.compile(
          "\\p{Lu}[\\p{L}\\p{N}]*(?:[-'’]\\p{L}+){0,3}(?:\\s+(?:(?:of|de|du|la|al|bin|van|von|der)\\s+)?\\p{Lu}[\\p{L}\\p{N}]*(?:[-'’]\\p{L}+){0,3}){0,5}");
  private static final Pattern ACRONYM = Pattern.compile("\\b\\p{Lu}{2,6}\\b");
  private static final Pattern TITLE_BIGRAM = Pattern.compile("\\b(\\p{L}{3,})\\s+(\\p{L}{3,})\\b");
  private static final Pattern LOWER_WORD = Pattern.compile("\\b\\p{Ll}{4,}\\b");
  private static final Pattern DEMONYM = Pattern.compile(".*(ian|ean|can|ese|ish|ench|ern)$");

  /** Capitalised only because they start a sentence or a title, or too generic to tag. */
  private static final Set<String> NOT_NAMES =
      Set.of(
          "the",
          "a",
          "an",
          "in",
          "on",
          "at",
          "this",
          "that",
          "these",
          "those",
          "it",
          "its",
          "all",
          "according",
          "as",
          "but",
          "and",
          "or",
          "for",
          "from",
          "with",
          "after",
          "before",
          "while",
          "when",
          "what",
          "why",
          "how",
          "who",
          "senior",
          "official",
          "officials",
          "president",
          "minister",
          "secretary",
          "spokesperson",
          "spokesman",
          "monday",
          "tuesday",
          "wednesday",
          "thursday",
          "friday",
          "saturday",
          "sunday",
          "january",
          "february",
          "march",
          "april",
          "may",
          "june",
          "july",
          "august",
          "september",
          "october",
          "november",
          "december",
          "says",
          "said",
          "new",
          "breaking",
          "news",
          "update",
          "watch",
          "your",
          "take",
          "i",
          "we",
          "they",
          "he",
          "she",
          "you",
          "our",
          "there",
          "here",
          "also");

  private final int limit;

  Hashtagger(int limit) {
    if (limit < 0 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException(
          "hashtag limit must be 0.." + MAX_LIMIT + ", got " + limit);
    }
    this.limit = limit;
  }

  /** Longest hashtag kept; longer ones are not tags anyone would search for. */
  static final int MAX_TAG_LENGTH = 40;

  /** Hashtags without the '#', author's first, at most {@code limit}. */
  List<String> hashtags(Article article) {
    Map<String, String> tags = new LinkedHashMap<>();
    for (String own : article.hashtags()) {
      String t = own.replaceAll("[^\\p{L}\\p{N}_]", "");
      if (!t.isEmpty()
          && t.length()
              <= MAX_TAG_LENGTH) { // a 900-letter "tag" is noise, and would crowd out the summary
        tags.putIfAbsent(t.toLowerCase(Locale.ROOT), t);
      }
    }
    for (String candidate : ranked(article)) {
      if (tags.size() >= limit) {
        break;
      }
      if (candidate.length() <= MAX_TAG_LENGTH) {
        tags.putIfAbsent(candidate.toLowerCase(Locale.ROOT), candidate);
      }
    }
    return tags.values().stream().limit(limit).toList();
  }

  /** Candidate tags, most salient first. */
  private static List<String> ranked(Article article) {
    Map<String, Double> titleScore = new HashMap<>();
    Map<String, Double> score = new HashMap<>();
    Map<String, Integer> firstSeen = new HashMap<>();
    collectNames(Words.expandInitialisms(article.title()), 2.0, true, titleScore, firstSeen);
    for (String paragraph : article.paragraphs()) {
      for (String sentence : SentenceSplitter.split(Words.expandInitialisms(paragraph))) {
        collectNames(sentence, 1.0, false, score, firstSeen);
      }
    }
    // Headlines capitalise every word, so the title only adds weight to what the body also names:
    // "Reset Relations" in a headline is not a name unless the text writes it as one.
    score.replaceAll((name, s) -> s + titleScore.getOrDefault(name, 0.0));
    List<String> names = new ArrayList<>(score.keySet());
    names.removeIf(n -> score.get(n) < 2.0);
    names.sort(
        (a, b) -> {
          int c = Double.compare(score.get(b), score.get(a));
          return c != 0 ? c : Integer.compare(firstSeen.get(a), firstSeen.get(b));
        });
    List<String> out = new ArrayList<>();
    names.forEach(n -> out.add(camelCase(n)));
    out.addAll(keyPhrases(article));
    if (names.isEmpty()) {
      out.addAll(frequentWords(article));
    }
    return out;
  }

  /**
   * Two-word phrases of the title that the body repeats, e.g. "border crossing" → BorderCrossing.
   */
  private static List<String> keyPhrases(Article article) {
    String body =
        article.body().toLowerCase(Locale.ROOT).replaceAll("['’]s\\b", "").replaceAll("\\s+", " ");
    List<String> phrases = new ArrayList<>();
    Matcher m = TITLE_BIGRAM.matcher(article.title().toLowerCase(Locale.ROOT));
    int from = 0;
    while (from < article.title().length() && m.find(from)) {
      String first = m.group(1);
      String second = m.group(2);
      if (!Words.isStop(first)
          && !Words.isStop(second)
          && Pattern.compile("\\b" + Pattern.quote(first + " " + second) + "\\b")
              .matcher(body)
              .find()) {
        phrases.add(camelCase(first + " " + second));
      }
      from = m.start(2);
    }
    return phrases;
  }

  private static void collectNames(
      String sentence,
      double weight,
      boolean isTitle,
      Map<String, Double> score,
      Map<String, Integer> firstSeen) {
    Matcher m = CAPITALISED.matcher(sentence);
    while (m.find()) {
      List<String> words =
          new ArrayList<>(List.of(m.group().replaceAll("['’]s$", "").split("\\s+")));
      // Title Case headlines capitalise every word: there, only runs that are names elsewhere
      // count.
      boolean sentenceStart = isSentenceStart(sentence, m.start());
      while (!words.isEmpty() && NOT_NAMES.contains(words.get(0).toLowerCase(Locale.ROOT))) {
        words.remove(0);
      }
      while (!words.isEmpty()
          && Set.of("of", "de", "du", "la", "al").contains(words.get(words.size() - 1))) {
        words.remove(words.size() - 1);
      }
      if (words.isEmpty()) {
        continue;
      }
      for (String name : isTitle ? splitAtStopWords(words) : List.of(String.join(" ", words))) {
        String key = name;
        String lower = key.toLowerCase(Locale.ROOT);
        boolean single = !key.contains(" ");
        if (key.isEmpty()
            || (single
                && (NOT_NAMES.contains(lower)
                    || Words.isStop(lower)
                    || DEMONYM.matcher(lower).matches()
                    || (sentenceStart && !isTitle && key.length() < 3)))) {
          continue;
        }
        score.merge(key, weight, Double::sum);
        firstSeen.putIfAbsent(key, firstSeen.size());
      }
    }
    Matcher a = ACRONYM.matcher(sentence);
    while (a.find()) {
      score.merge(a.group(), 0.5 * weight, Double::sum);
      firstSeen.putIfAbsent(a.group(), firstSeen.size());
    }
  }

  /** Only spaces, opening quotes or brackets before {@code at}. */
  private static boolean isSentenceStart(String sentence, int at) {
    int i = at;
    while (i > 0
        && (Character.isWhitespace(sentence.charAt(i - 1))
            || "\"“‘(".indexOf(sentence.charAt(i - 1)) >= 0)) {
      i--;
    }
    return i == 0;
  }

  /**
   * In a Title Case headline, "Reset Relations with Burkina Faso" must yield "Burkina Faso" alone.
   */
  private static List<String> splitAtStopWords(List<String> words) {
    List<String> names = new ArrayList<>();
    List<String> current = new ArrayList<>();
    for (String w : words) {
      if (NOT_NAMES.contains(w.toLowerCase(Locale.ROOT))
          || Words.isStop(w.toLowerCase(Locale.ROOT))) {
        if (!current.isEmpty()) {
          names.add(String.join(" ", current));
        }
        current = new ArrayList<>();
      } else {
        current.add(w);
      }
    }
    if (!current.isEmpty()) {
      names.add(String.join(" ", current));
    }
    return names;
  }

  /** For an article that names nothing: its frequent content words (three or more mentions). */
  private static List<String> frequentWords(Article article) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    Matcher m = LOWER_WORD.matcher(article.body());
    while (m.find()) {
      if (!Words.isStop(m.group())) {
        counts.merge(Stems.light(m.group()), 1, Integer::sum);
      }
    }
    return counts.entrySet().stream()
        .filter(e -> e.getValue() >= 3)
        .sorted((x, y) -> Integer.compare(y.getValue(), x.getValue()))
        .map(e -> camelCase(e.getKey()))
        .toList();
  }

  /** "Burkina Faso" → "BurkinaFaso", "rare-earth" → "RareEarth", "Washington’s" → "Washington". */
  static String camelCase(String phrase) {
    StringBuilder out = new StringBuilder();
    for (String part : phrase.replaceAll("['’]s\\b", "").split("[^\\p{L}\\p{N}]+")) {
      if (part.isEmpty()) {
        continue;
      }
      boolean allCaps = part.equals(part.toUpperCase(Locale.ROOT));
      out.append(Character.toUpperCase(part.charAt(0)));
      out.append(
          allCaps && part.length() > 6
              ? part.substring(1).toLowerCase(Locale.ROOT)
              : part.substring(1));
    }
    return out.toString();
  }
}
