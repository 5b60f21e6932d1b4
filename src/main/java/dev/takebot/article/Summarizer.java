package dev.takebot.article;

import dev.takebot.message.SafeText;
import dev.takebot.text.Stems;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Extractive summary: two or three whole sentences of the article, in their original order.
 *
 * <p>Each sentence is scored by TF-IDF cosine similarity to the article's centroid (what the
 * article is about) and to its title (what the author says it is about), plus a gentle position
 * prior (news puts the essentials first) and a bonus for sentences carrying the author's own
 * hashtags (the author marked those words as the point). Sentences are then picked greedily by
 * maximal marginal relevance, so a second sentence repeating the first loses to one that adds the
 * next fact; title words already said by a chosen sentence stop counting, and near-duplicates are
 * never picked.
 */
final class Summarizer {
  static final int DEFAULT_BUDGET = 700;
  private static final double CENTROID_WEIGHT = 0.55;
  private static final double TITLE_WEIGHT = 0.45;
  private static final double POSITION_WEIGHT = 0.5;
  private static final double HASHTAG_BONUS = 0.08;
  private static final double REDUNDANCY = 0.5;

  /** A third sentence must score at least this, relative to the best, to be worth the space. */
  private static final double MIN_THIRD = 0.35;

  /** Cosine above which a sentence says again what a chosen one said. */
  private static final double NEAR_DUPLICATE = 0.7;

  private static final double ANAPHORA_PENALTY = 0.15;
  private static final Pattern PRONOUN_START =
      Pattern.compile("^(?:It|Its|They|Their|He|She|His|Her|This|These|Those|Such)\\b");
  private static final Pattern DEFINITE_START =
      Pattern.compile("^(?:The|This|That|These|Those|Such)\\s+(\\p{Ll}+)");

  private final int budget;

  Summarizer(int budget) {
    if (budget < 80) {
      throw new IllegalArgumentException("summary budget must be at least 80 chars, got " + budget);
    }
    this.budget = budget;
  }

  /**
   * The chosen sentences in article order; never empty for an article, never longer than the
   * budget.
   */
  List<String> summarize(Article article) {
    List<String> sentences = new ArrayList<>();
    for (String paragraph : article.paragraphs()) {
      sentences.addAll(SentenceSplitter.split(paragraph));
    }
    int n = sentences.size();
    List<Map<String, Double>> vectors = tfidf(sentences, article.title());
    Map<String, Double> centroid = new HashMap<>();
    for (int i = 0; i < n; i++) {
      vectors.get(i).forEach((t, w) -> centroid.merge(t, w, Double::sum));
    }
    Map<String, Double> title = vectors.get(n);
    List<Pattern> tags =
        article.hashtags().stream()
            .map(
                t ->
                    Pattern.compile(
                        "\\b" + Pattern.quote(t) + "\\b",
                        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE))
            .toList();
    Scores scores =
        new Scores(vectors.subList(0, n), title, new double[n], new double[n], new double[n]);
    for (int i = 0; i < n; i++) {
      String s = sentences.get(i);
      int words = s.split("\\s+").length;
      boolean tagged = tags.stream().anyMatch(t -> t.matcher(s).find());
      scores.centroid()[i] = cosine(vectors.get(i), centroid);
      // The position prior scales relevance rather than adding to it: an early sentence about
      // nothing
      // ("It was a cold morning.") must not beat a later one about the story.
      scores.prior()[i] = 1 + POSITION_WEIGHT / (1 + 0.35 * i);
      scores.adjust()[i] =
          (tagged ? HASHTAG_BONUS : 0)
              - (i > 0 && leansOnPrevious(s, sentences.get(i - 1)) ? ANAPHORA_PENALTY : 0)
              - (words < 6 ? 0.25 : 0)
              - (words > 50 ? 0.10 : 0);
    }
    List<Integer> chosen = pick(sentences, scores);
    if (chosen.isEmpty()) {
      // Not one sentence fits: the only place a cut is allowed, at a word boundary with "…".
      int best = 0;
      for (int i = 1; i < n; i++) {
        best = scores.of(i, Set.of()) > scores.of(best, Set.of()) ? i : best;
      }
      return List.of(SafeText.truncate(sentences.get(best), budget));
    }
    return chosen.stream().sorted().map(sentences::get).toList();
  }

  /**
   * Per-sentence scoring inputs. A sentence's title similarity counts only title terms that the
   * chosen sentences have not covered yet: once the lead has said "United States … Burkina Faso,
   * Mali, Niger", restating those names earns nothing and the next pick must add a new fact.
   */
  private record Scores(
      List<Map<String, Double>> vectors,
      Map<String, Double> title,
      double[] centroid,
      double[] prior,
      double[] adjust) {

    double of(int i, Set<String> covered) {
      Map<String, Double> uncovered = new HashMap<>(title);
      uncovered.keySet().removeAll(covered);
      return (CENTROID_WEIGHT * centroid[i] + TITLE_WEIGHT * cosine(vectors.get(i), uncovered))
              * prior[i]
          + adjust[i];
    }
  }

  /**
   * Whether the sentence only makes sense after the one before it ("It…", "The alliance…" right
   * after "the Alliance of Sahel States"): quoted alone, such a sentence leaves the reader asking
   * "which?".
   */
  static boolean leansOnPrevious(String sentence, String previous) {
    if (PRONOUN_START.matcher(sentence).find()) {
      return true;
    }
    Matcher m = DEFINITE_START.matcher(sentence);
    return m.find() && Words.terms(previous).contains(Stems.light(m.group(1)));
  }

  private List<Integer> pick(List<String> sentences, Scores scores) {
    List<Integer> chosen = new ArrayList<>();
    Set<String> covered = new HashSet<>();
    int used = 0;
    double top = 1e-9;
    for (int i = 0; i < sentences.size(); i++) {
      top = Math.max(top, scores.of(i, covered));
    }
    while (chosen.size() < 3) {
      int best = -1;
      double bestValue = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < sentences.size(); i++) {
        if (chosen.contains(i) || used + sentences.get(i).length() + 1 > budget) {
          continue;
        }
        double redundancy = 0;
        for (int j : chosen) {
          redundancy =
              Math.max(redundancy, cosine(scores.vectors().get(i), scores.vectors().get(j)));
        }
        if (redundancy > NEAR_DUPLICATE) {
          continue;
        }
        double value = scores.of(i, covered) / top - REDUNDANCY * redundancy;
        if (value > bestValue) {
          bestValue = value;
          best = i;
        }
      }
      // A third sentence only when it still says something of weight; two good ones beat three.
      if (best < 0 || (chosen.size() == 2 && bestValue < MIN_THIRD)) {
        break;
      }
      chosen.add(best);
      covered.addAll(scores.vectors().get(best).keySet());
      used += sentences.get(best).length() + 1;
    }
    return chosen;
  }

  /** TF-IDF vectors of each sentence, with the title's vector appended last. */
  private static List<Map<String, Double>> tfidf(List<String> sentences, String title) {
    List<List<String>> docs = new ArrayList<>();
    sentences.forEach(s -> docs.add(Words.terms(s)));
    docs.add(Words.terms(title));
    Map<String, Integer> df = new HashMap<>();
    for (List<String> d : docs) {
      d.stream().distinct().forEach(t -> df.merge(t, 1, Integer::sum));
    }
    int n = docs.size();
    List<Map<String, Double>> vectors = new ArrayList<>();
    for (List<String> d : docs) {
      Map<String, Double> v = new HashMap<>();
      d.forEach(t -> v.merge(t, 1.0, Double::sum));
      v.replaceAll((t, tf) -> (1 + Math.log(tf)) * (Math.log((double) n / df.get(t)) + 1));
      vectors.add(v);
    }
    return vectors;
  }

  static double cosine(Map<String, Double> a, Map<String, Double> b) {
    double dot = 0;
    for (Map.Entry<String, Double> e : a.entrySet()) {
      dot += e.getValue() * b.getOrDefault(e.getKey(), 0.0);
    }
    double na = norm(a);
    double nb = norm(b);
    return na == 0 || nb == 0 ? 0 : dot / (na * nb);
  }

  private static double norm(Map<String, Double> v) {
    return Math.sqrt(v.values().stream().mapToDouble(x -> x * x).sum());
  }
}
