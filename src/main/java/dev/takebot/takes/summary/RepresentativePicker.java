package dev.takebot.takes.summary;

import dev.takebot.sentiment.Label;
import dev.takebot.takes.summary.Tokenizer.Token;
import dev.takebot.text.Stems;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chooses the takes that best stand for each sentiment group: TF-IDF vectors of the sampled takes,
 * the centroid of each group's substantive takes, and the takes nearest to it by cosine — skipping
 * near-duplicates of a take already chosen and a second take by the same member.
 */
final class RepresentativePicker {
  /** Cosine above which two takes count as saying the same thing. */
  static final double NEAR_DUPLICATE = 0.6;

  private final int perLabel;

  RepresentativePicker(int perLabel) {
    this.perLabel = perLabel;
  }

  Map<Label, List<Representative>> pick(List<Representative> docs, List<List<Token>> tokens) {
    Map<String, Integer> vocabulary = new HashMap<>();
    List<int[]> termIds = new ArrayList<>(docs.size());
    List<int[]> termCounts = new ArrayList<>(docs.size());
    int[] df = new int[16];
    for (List<Token> ts : tokens) {
      Map<Integer, Integer> tf = new HashMap<>();
      for (Token t : ts) {
        String term = term(t);
        if (term != null) {
          int id = vocabulary.computeIfAbsent(term, k -> vocabulary.size());
          tf.merge(id, 1, Integer::sum);
        }
      }
      int[] ids = tf.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
      int[] counts = new int[ids.length];
      for (int i = 0; i < ids.length; i++) {
        counts[i] = tf.get(ids[i]);
        if (ids[i] >= df.length) {
          df = Arrays.copyOf(df, Math.max(df.length * 2, ids[i] + 1));
        }
        df[ids[i]]++;
      }
      termIds.add(ids);
      termCounts.add(counts);
    }
    int n = docs.size();
    float[][] weights = new float[n][];
    for (int d = 0; d < n; d++) {
      int[] ids = termIds.get(d);
      int[] counts = termCounts.get(d);
      float[] w = new float[ids.length];
      double norm = 0;
      for (int i = 0; i < ids.length; i++) {
        double idf = Math.log((n + 1.0) / (df[ids[i]] + 1.0)) + 1;
        w[i] = (float) ((1 + Math.log(counts[i])) * idf);
        norm += w[i] * w[i];
      }
      norm = Math.sqrt(norm);
      for (int i = 0; i < w.length; i++) {
        w[i] /= (float) norm;
      }
      weights[d] = w;
    }

    Map<Label, List<Representative>> result = new EnumMap<>(Label.class);
    for (Label label : Label.values()) {
      List<Integer> group = new ArrayList<>();
      Set<String> seenTexts = new HashSet<>();
      for (int d = 0; d < n; d++) {
        Representative r = docs.get(d);
        // identical copies count once, so a copy-paste campaign cannot drag the centre towards
        // itself
        if (r.label() == label
            && termIds.get(d).length > 0
            && Substance.isSubstantive(r.text(), tokens.get(d))
            && seenTexts.add(r.text())) {
          group.add(d);
        }
      }
      double[] centroid = new double[vocabulary.size()];
      for (int d : group) {
        int[] ids = termIds.get(d);
        for (int i = 0; i < ids.length; i++) {
          centroid[ids[i]] += weights[d][i];
        }
      }
      double[] score = new double[n];
      for (int d : group) {
        int[] ids = termIds.get(d);
        double s = 0;
        for (int i = 0; i < ids.length; i++) {
          s += weights[d][i] * centroid[ids[i]];
        }
        score[d] = s;
      }
      group.sort(
          Comparator.<Integer>comparingDouble(d -> -score[d])
              .thenComparingLong(d -> docs.get(d).messageId()));
      List<Integer> chosen = new ArrayList<>();
      Set<Long> authors = new HashSet<>();
      for (int d : group) {
        if (chosen.size() == perLabel) {
          break;
        }
        if (authors.contains(docs.get(d).authorId())) {
          continue;
        }
        boolean duplicate = false;
        for (int c : chosen) {
          duplicate |=
              cosine(termIds.get(d), weights[d], termIds.get(c), weights[c]) >= NEAR_DUPLICATE;
        }
        if (!duplicate) {
          chosen.add(d);
          authors.add(docs.get(d).authorId());
        }
      }
      List<Representative> reps = new ArrayList<>();
      for (int c : chosen) {
        reps.add(docs.get(c));
      }
      result.put(label, List.copyOf(reps));
    }
    return result;
  }

  /** The content word a token contributes to a take's vector, or {@code null}. */
  private static String term(Token t) {
    String lower = t.lower();
    if (t.acronym() && Words.alias(lower) != null) {
      return Words.lower(Words.alias(lower));
    }
    if (lower.length() < 3 || Words.isStop(lower)) {
      return null;
    }
    String alias = Words.alias(lower);
    return alias != null ? Words.lower(alias) : Stems.singular(lower);
  }

  static double cosine(int[] ia, float[] wa, int[] ib, float[] wb) {
    double s = 0;
    int a = 0;
    int b = 0;
    while (a < ia.length && b < ib.length) {
      if (ia[a] == ib[b]) {
        s += wa[a++] * wb[b++];
      } else if (ia[a] < ib[b]) {
        a++;
      } else {
        b++;
      }
    }
    return s;
  }
}
