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
 * Finds what takes talk about: named entities (capitalised names, merged with their demonyms and
 * spellings), and frequent content words and word pairs, each counted once per take. Redundant
 * themes (a word that mostly appears inside a phrase already chosen) are dropped.
 */
final class ThemeExtractor {
  static final int MAX_THEMES = 8;

  /** Weight of a theme that the article's title already names. */
  static final double TITLE_PENALTY = 0.4;

  private final int maxThemes;

  ThemeExtractor(int maxThemes) {
    this.maxThemes = maxThemes;
  }

  /**
   * @param docs the sampled takes
   * @param tokens their tokens, same order
   * @param weight how many takes of each label (by ordinal) one sampled take stands for
   * @param title the article title: its own subjects are known already, so they rank lower
   */
  List<Theme> extract(
      List<Representative> docs, List<List<Token>> tokens, double[] weight, String title) {
    Map<String, Term> titleTerms = new HashMap<>();
    if (title != null) {
      List<Token> titleTokens = Tokenizer.tokenize(title);
      Set<String> titleWords = new HashSet<>();
      for (Token t : titleTokens) {
        titleWords.add(t.lower()); // titles are title case: every capitalised word may be a name
        titleTerms.put(Stems.singular(t.lower()), null);
      }
      collect(titleTokens, 0, titleWords, titleTerms);
    }
    Set<String> midCaps = new HashSet<>();
    for (List<Token> ts : tokens) {
      for (Token t : ts) {
        if (t.capitalised() && !t.sentenceStart() && !shouted(t)) {
          midCaps.add(t.lower());
        }
      }
    }
    Map<String, Term> terms = new HashMap<>();
    for (int d = 0; d < docs.size(); d++) {
      collect(tokens.get(d), d, midCaps, terms);
    }
    int minDf = Math.max(2, docs.size() / 200);
    List<Term> candidates = new ArrayList<>();
    for (Term t : terms.values()) {
      if (t.df >= minDf) {
        t.weighted = 0;
        t.inTitle = titleTerms.containsKey(t.key);
        for (int i = 0; i < t.df; i++) {
          t.weighted += weight[docs.get(t.docs[i]).label().ordinal()];
        }
        candidates.add(t);
      }
    }
    candidates.sort(Comparator.comparingDouble(Term::score).reversed().thenComparing(t -> t.key));
    List<Term> picked = new ArrayList<>();
    for (Term c : candidates) {
      if (picked.size() == maxThemes) {
        break;
      }
      if (picked.stream().noneMatch(p -> redundant(c, p))) {
        picked.add(c);
      }
    }
    List<Theme> themes = new ArrayList<>();
    for (Term t : picked) {
      long[] perLabel = new long[Label.values().length];
      for (int i = 0; i < t.df; i++) {
        perLabel[docs.get(t.docs[i]).label().ordinal()]++;
      }
      Map<Label, Long> byLabel = new EnumMap<>(Label.class);
      long mentions = 0;
      for (Label l : Label.values()) {
        long est = Math.round(perLabel[l.ordinal()] * weight[l.ordinal()]);
        byLabel.put(l, est);
        mentions += est;
      }
      themes.add(new Theme(t.display(), mentions, byLabel, t.isEntity()));
    }
    themes.sort(Comparator.comparingLong(Theme::mentions).reversed().thenComparing(Theme::name));
    return themes;
  }

  private static void collect(
      List<Token> ts, int doc, Set<String> midCaps, Map<String, Term> terms) {
    Token prev = null;
    int i = 0;
    int n = ts.size();
    while (i < n) {
      Token t = ts.get(i);
      if (entityWord(t, midCaps)) {
        int j = i + 1;
        while (j < n && !ts.get(j).breakBefore()) {
          if (entityWord(ts.get(j), midCaps)) {
            j++;
          } else if (Words.CONNECTORS.contains(ts.get(j).lower())
              && j + 1 < n
              && !ts.get(j + 1).breakBefore()
              && entityWord(ts.get(j + 1), midCaps)) {
            j += 2;
          } else {
            break;
          }
        }
        entitySequence(ts.subList(i, j), doc, terms);
        prev = null;
        i = j;
        continue;
      }
      String lower = t.lower();
      String alias = Words.isStop(lower) ? null : Words.alias(lower);
      if (alias != null) {
        term(terms, Words.lower(alias), alias).add(doc, alias, true);
        prev = null;
      } else if (content(t)) {
        if (lower.length() >= 4 && nounish(lower)) {
          term(terms, Stems.singular(lower), null).add(doc, lower, false);
        }
        if (prev != null && !t.breakBefore()) {
          String key = Stems.singular(prev.lower()) + " " + Stems.singular(lower);
          term(terms, key, null).add(doc, prev.lower() + " " + lower, false);
        }
        prev = t;
      } else {
        prev = null;
      }
      i++;
    }
  }

  /**
   * Splits a run of capitalised words into known aliases (longest first) and the names between
   * them.
   */
  private static void entitySequence(List<Token> seq, int doc, Map<String, Term> terms) {
    List<Token> run = new ArrayList<>();
    int k = 0;
    while (k < seq.size()) {
      String alias = null;
      int len = Math.min(3, seq.size() - k);
      for (; len >= 1; len--) {
        StringBuilder phrase = new StringBuilder();
        for (int m = k; m < k + len; m++) {
          phrase.append(m == k ? "" : " ").append(seq.get(m).lower());
        }
        alias = Words.alias(phrase.toString());
        if (alias != null) {
          break;
        }
      }
      if (alias != null) {
        flush(run, doc, terms);
        term(terms, Words.lower(alias), alias).add(doc, alias, true);
        k += len;
      } else {
        run.add(seq.get(k));
        k++;
      }
    }
    flush(run, doc, terms);
  }

  private static void flush(List<Token> run, int doc, Map<String, Term> terms) {
    while (!run.isEmpty() && Words.CONNECTORS.contains(run.get(0).lower())) {
      run.remove(0);
    }
    while (!run.isEmpty() && Words.CONNECTORS.contains(run.get(run.size() - 1).lower())) {
      run.remove(run.size() - 1);
    }
    if (run.isEmpty()) {
      return;
    }
    if (run.size() <= 4) {
      StringBuilder key = new StringBuilder();
      StringBuilder display = new StringBuilder();
      for (Token t : run) {
        key.append(key.length() == 0 ? "" : " ").append(Stems.singular(t.lower()));
        display.append(display.length() == 0 ? "" : " ").append(t.surface());
      }
      term(terms, key.toString(), null).add(doc, display.toString(), true);
    } else {
      for (Token t : run) {
        if (!Words.CONNECTORS.contains(t.lower())) {
          term(terms, Stems.singular(t.lower()), null).add(doc, t.surface(), true);
        }
      }
    }
    run.clear();
  }

  private static Term term(Map<String, Term> terms, String key, String alias) {
    return terms.computeIfAbsent(key, k -> new Term(k, alias));
  }

  private static boolean entityWord(Token t, Set<String> midCaps) {
    if (t.acronym() && Words.alias(t.lower()) != null) {
      return true; // "US" is an entity even though "us" is a stopword
    }
    return t.capitalised()
        && !Words.isStop(t.lower())
        && !shouted(t)
        && t.lower().length() >= 2
        && (!t.sentenceStart() || midCaps.contains(t.lower()) || Words.alias(t.lower()) != null);
  }

  private static boolean shouted(Token t) {
    return !t.acronym()
        && t.surface().length() > 1
        && t.surface().equals(t.surface().toUpperCase());
  }

  private static boolean content(Token t) {
    String s = t.lower();
    if (s.length() < 3 || Words.isStop(s)) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (Character.isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Cheap noun filter: adverbs (-ly) and, for longer words, gerunds and past forms rarely name a
   * topic.
   */
  private static boolean nounish(String lower) {
    if (lower.endsWith("ly")) {
      return false;
    }
    return lower.length() <= 6 || !(lower.endsWith("ing") || lower.endsWith("ed"));
  }

  /**
   * A candidate adds nothing when it shares a word with a chosen theme and mostly co-occurs with
   * it.
   */
  private static boolean redundant(Term c, Term p) {
    Set<String> pw = new HashSet<>(Arrays.asList(p.key.split(" ")));
    boolean shares = false;
    for (String w : c.key.split(" ")) {
      shares |= pw.contains(w);
    }
    if (!shares) {
      return false;
    }
    int common = 0;
    int a = 0;
    int b = 0;
    while (a < c.df && b < p.df) {
      if (c.docs[a] == p.docs[b]) {
        common++;
        a++;
        b++;
      } else if (c.docs[a] < p.docs[b]) {
        a++;
      } else {
        b++;
      }
    }
    return common * 2 >= c.df;
  }

  /** Counts for one candidate theme, keyed by its folded lower-case form. */
  private static final class Term {
    final String key;
    final String alias;
    int[] docs = new int[4];
    int df;
    int capitalised;
    int total;
    double weighted;
    boolean inTitle;
    final Map<String, Integer> surfaces = new HashMap<>();

    Term(String key, String alias) {
      this.key = key;
      this.alias = alias;
    }

    void add(int doc, String surface, boolean cap) {
      if (df > 0 && docs[df - 1] == doc) {
        return; // once per take
      }
      if (df == docs.length) {
        docs = Arrays.copyOf(docs, df * 2);
      }
      docs[df++] = doc;
      total++;
      if (cap) {
        capitalised++;
      }
      if (alias == null) {
        surfaces.merge(surface, 1, Integer::sum);
      }
    }

    boolean isEntity() {
      return alias != null || capitalised * 2 > total;
    }

    double score() {
      double boost = isEntity() ? 1.3 : key.indexOf(' ') > 0 ? 1.2 : 1.0;
      return weighted * boost * (inTitle ? TITLE_PENALTY : 1);
    }

    String display() {
      if (alias != null) {
        return alias;
      }
      boolean entity = isEntity();
      return surfaces.entrySet().stream()
          .filter(e -> !entity || Character.isUpperCase(e.getKey().charAt(0)))
          .max(
              Map.Entry.<String, Integer>comparingByValue()
                  .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
          .map(Map.Entry::getKey)
          .orElse(key);
    }
  }
}
