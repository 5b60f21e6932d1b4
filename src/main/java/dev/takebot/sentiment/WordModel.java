package dev.takebot.sentiment;

import static dev.takebot.sentiment.TokenBuffer.T_EMOJI;
import static dev.takebot.sentiment.TokenBuffer.T_FACE;
import static dev.takebot.sentiment.TokenBuffer.T_SENTENCE;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A learned judge over the words and word pairs of a text: a logistic model whose log-odds, against
 * a threshold, decide one question the rules answer poorly. Two are shipped, both fitted by the
 * test-scope {@code SarcasmFit} command on hand-labelled Discord takes (the first also on the
 * fitting halves of the shared dev sets), their weights with their provenance in {@link #SARCASM}
 * and {@link #MIXED}:
 *
 * <ul>
 *   <li>whether praise the rules let stand is meant as scorn ("thank god the State Dept is here to
 *       save the Sahel 🙏 just like they saved Libya"): {@link Scorer} then turns it around as the
 *       irony pass does, and the reading says "irony" and "learned";
 *   <li>whether a text that both praises and blames is mixed ("decent idea, awful execution") or
 *       leans one way with a concession ("respect the effort, but they burned every bridge").
 * </ul>
 *
 * <p>The phrase rules fix the phrasings they were read from; a model over many labelled takes
 * weighs the small signs people use ("now?", "lmao", "they", a closing emoji) together.
 *
 * <p>Features are counted, not looked up by name: each word hashes to an int (FNV-1a over its
 * folded characters), a pair combines its words' hashes, and the weights are kept in an open
 * addressing table keyed by the same hashes of their names, so reading a text allocates nothing. A
 * feature counts once however often the text repeats it.
 */
final class WordModel {
  static final String SARCASM = "sentiment/sarcasm-model.tsv";
  static final String MIXED = "sentiment/mixed-model.tsv";

  /** The word that stands before a sentence's first word and after its last, in pair names. */
  static final String EDGE = "<s>";

  // Flags of the whole text, as features: they weigh with the words.
  static final String QUESTION = "<?>";
  static final String EXCLAIM = "<!>";
  static final String QUOTE = "<quote>";
  static final String IRONIC = "<ironic>";
  static final String NEGATIVE = "<negative>";
  static final String CONTRAST = "<contrast>";

  /**
   * The words read, from the start: a take's signs of scorn are in its first words, and a flood of
   * one phrase ("très réussi " × 5,000) must not outweigh them.
   */
  static final int MAX_TOKENS = 64;

  private static final int EDGE_HASH = hash(EDGE);
  private static final int[] FLAG_HASHES = {
    hash(QUESTION), hash(EXCLAIM), hash(QUOTE), hash(IRONIC), hash(NEGATIVE), hash(CONTRAST)
  };

  private final int[] keys;
  private final float[] weights;
  private final float bias;
  private final float threshold;
  private final float elsewhere;
  private final String fingerprint;

  private WordModel(
      int[] keys, float[] weights, float bias, float threshold, float elsewhere, String print) {
    this.keys = keys;
    this.weights = weights;
    this.bias = bias;
    this.threshold = threshold;
    this.elsewhere = elsewhere;
    this.fingerprint = print;
  }

  /** A model with one threshold for every text. */
  static WordModel of(List<String> names, float[] values, float bias, float threshold) {
    return of(names, values, bias, threshold, threshold);
  }

  /**
   * A model with {@code names} weighing {@code values} (pairs are named "first second"), judging
   * texts that name an actor of the news against {@code threshold} and others against {@code
   * elsewhere}.
   */
  static WordModel of(
      List<String> names, float[] values, float bias, float threshold, float elsewhere) {
    int size = Integer.highestOneBit(Math.max(4, names.size() * 2)) << 1;
    int[] keys = new int[size];
    float[] weights = new float[size];
    StringBuilder print =
        new StringBuilder()
            .append(bias)
            .append('/')
            .append(threshold)
            .append('/')
            .append(elsewhere);
    for (int i = 0; i < names.size(); i++) {
      int h = nonZero(hashName(names.get(i)));
      int slot = h & (size - 1);
      while (keys[slot] != 0 && keys[slot] != h) {
        slot = (slot + 1) & (size - 1);
      }
      keys[slot] = h;
      weights[slot] += values[i];
      print.append(';').append(names.get(i)).append('=').append(values[i]);
    }
    return new WordModel(keys, weights, bias, threshold, elsewhere, print.toString());
  }

  /**
   * The shipped model, or null where the resource is missing (the analyser then reads by the rules
   * alone).
   */
  static WordModel load(ClassLoader loader, String resource) {
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        return null;
      }
      return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  static WordModel parse(BufferedReader in) throws IOException {
    List<String> names = new ArrayList<>();
    List<Float> values = new ArrayList<>();
    float bias = 0;
    float threshold = Float.POSITIVE_INFINITY;
    float elsewhere = Float.POSITIVE_INFINITY;
    for (String line; (line = in.readLine()) != null; ) {
      if (line.isBlank() || (line.startsWith("#") && line.indexOf('\t') < 0)) {
        continue; // a comment: a feature line always has a tab (and may start with "#": a hashtag)
      }
      int tab = line.lastIndexOf('\t');
      if (tab <= 0) {
        throw new IOException("expected 'feature<TAB>weight', got: " + line);
      }
      String name = line.substring(0, tab);
      float value = Float.parseFloat(line.substring(tab + 1));
      switch (name) {
        case "<bias>" -> bias = value;
        case "<threshold>" -> threshold = value;
        case "<threshold-elsewhere>" -> elsewhere = value;
        default -> {
          names.add(name);
          values.add(value);
        }
      }
    }
    float[] v = new float[values.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = values.get(i);
    }
    return of(names, v, bias, threshold, elsewhere);
  }

  String fingerprint() {
    return fingerprint;
  }

  /** Whether the {@code m} scored tokens of {@code tb} hold praise the model could judge. */
  static boolean inScope(TokenBuffer tb, int m) {
    if (tb.sarcasm) {
      return false; // "/s" already said it
    }
    for (int r = 0; r < m; r++) {
      if (tb.sent[tb.scored[r]] > 0) {
        return true;
      }
    }
    return false;
  }

  /** Whether the {@code m} scored tokens of {@code tb} both praise and blame: a mixed candidate. */
  static boolean bothSides(TokenBuffer tb, int m) {
    boolean praise = false;
    boolean blame = false;
    for (int r = 0; r < m; r++) {
      float v = tb.sent[tb.scored[r]];
      praise |= v > 0;
      blame |= v < 0;
    }
    return praise && blame;
  }

  static boolean namesAnActor(TokenBuffer tb, Lexicon lex) {
    for (int k = 0; k < tb.count; k++) {
      int id = tb.term[k];
      if (id >= 0) {
        int c = lex.cues(id);
        if ((c & Lexicon.CUE_ACTOR) != 0
            || ((c & Lexicon.CUE_ACTOR_CAPS) != 0 && (tb.flags[k] & TokenBuffer.T_UPPER) != 0)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The model's log-odds that the praise in {@code tb} is scorn. */
  float logOdds(TokenBuffer tb, int m) {
    int count = Math.min(tb.count, MAX_TOKENS);
    Seen seen = tb.seenFeatures();
    seen.clear();
    float z = bias;
    int previous = EDGE_HASH;
    for (int k = 0; k < count; k++) {
      int w = wordHash(tb, k);
      if (k > 0 && (tb.flags[k] & T_SENTENCE) != 0) {
        z += once(seen, pair(previous, EDGE_HASH));
        previous = EDGE_HASH;
      }
      z += once(seen, w) + once(seen, pair(previous, w));
      previous = w;
    }
    z += once(seen, pair(previous, EDGE_HASH));
    int flags = flags(tb, m);
    for (int f = 0; f < FLAG_HASHES.length; f++) {
      if ((flags & (1 << f)) != 0) {
        z += weight(FLAG_HASHES[f]);
      }
    }
    return z;
  }

  /** A feature's weight the first time it is seen in a text, 0 after: presence, not count. */
  private float once(Seen seen, int h) {
    return seen.add(nonZero(h)) ? weight(h) : 0;
  }

  /**
   * The features a text has shown so far, in a small open addressing set that is emptied by moving
   * to a new generation rather than by clearing: one per token buffer.
   */
  static final class Seen {
    private final int[] keys = new int[Integer.highestOneBit(4 * (2 * MAX_TOKENS + 2))];
    private final int[] stamps = new int[keys.length];
    private int generation;

    void clear() {
      generation++;
    }

    /** Adds non-zero {@code h}; whether it was new. */
    boolean add(int h) {
      int mask = keys.length - 1;
      for (int slot = h & mask; ; slot = (slot + 1) & mask) {
        if (stamps[slot] != generation) {
          stamps[slot] = generation;
          keys[slot] = h;
          return true;
        }
        if (keys[slot] == h) {
          return false;
        }
      }
    }
  }

  /**
   * Whether the model says yes for {@code tb}. A text that names an actor of the news (a
   * government, a country, a junta, a policy) is judged against {@link #threshold}, any other (a
   * film, a phone, a friend's day) against {@link #elsewhere}: scorn is said about someone, and on
   * other texts the judge of praise would lose more sincere praise than it finds scorn.
   */
  boolean passes(TokenBuffer tb, int m, Lexicon lex) {
    float z = logOdds(tb, m);
    return z >= threshold && (z >= elsewhere || namesAnActor(tb, lex));
  }

  /**
   * The names of the features of {@code tb}, each once, as {@link #logOdds} weighs them: for the
   * fitting command and for tests (it allocates).
   */
  static List<String> featureNames(TokenBuffer tb, int m) {
    List<String> out = new ArrayList<>();
    String previous = EDGE;
    for (int k = 0; k < Math.min(tb.count, MAX_TOKENS); k++) {
      String w = word(tb, k);
      if (k > 0 && (tb.flags[k] & T_SENTENCE) != 0) {
        out.add(previous + " " + EDGE);
        previous = EDGE;
      }
      out.add(w);
      out.add(previous + " " + w);
      previous = w;
    }
    out.add(previous + " " + EDGE);
    String[] names = {QUESTION, EXCLAIM, QUOTE, IRONIC, NEGATIVE, CONTRAST};
    int flags = flags(tb, m);
    for (int f = 0; f < names.length; f++) {
      if ((flags & (1 << f)) != 0) {
        out.add(names[f]);
      }
    }
    return out.stream().distinct().toList();
  }

  /** The text's flags as bits, in the order of {@link #FLAG_HASHES}. */
  private static int flags(TokenBuffer tb, int m) {
    boolean negative = false;
    for (int r = 0; r < m && !negative; r++) {
      negative = tb.sent[tb.scored[r]] < 0;
    }
    boolean quote = false;
    for (int s = 0; s < tb.spans && !quote; s++) {
      quote =
          tb.spanKind[s] == TokenBuffer.SPAN_QUOTED
              || tb.spanKind[s] == TokenBuffer.SPAN_QUOTED_AFTER_WORD;
    }
    return (tb.quest > 0 ? 1 : 0)
        | (tb.excl > 0 ? 2 : 0)
        | (quote ? 4 : 0)
        | (tb.ironic ? 8 : 0)
        | (negative ? 16 : 0)
        | (tb.contrastAt >= 0 ? 32 : 0);
  }

  /** The folded word at token {@code k} as a string (the emoji for an emoji). */
  static String word(TokenBuffer tb, int k) {
    int from = tb.start[k];
    int to = wordEnd(tb, k);
    return new String((tb.flags[k] & T_FACE) != 0 ? tb.src : tb.low, from, to - from);
  }

  private static int wordHash(TokenBuffer tb, int k) {
    int from = tb.start[k];
    int to = wordEnd(tb, k);
    char[] chars = (tb.flags[k] & T_FACE) != 0 ? tb.src : tb.low;
    int h = 0x811c9dc5;
    for (int i = from; i < to; i++) {
      h = (h ^ chars[i]) * 0x01000193;
    }
    return h;
  }

  /** Where token {@code k}'s word ends: letters, digits and apostrophes, or one emoji. */
  private static int wordEnd(TokenBuffer tb, int k) {
    int from = tb.start[k];
    int limit = k + 1 < tb.count ? tb.start[k + 1] : tb.n;
    if ((tb.flags[k] & T_EMOJI) != 0 || !Character.isLetterOrDigit(tb.src[from])) {
      return Math.min(limit, from + Character.charCount(Character.codePointAt(tb.src, from)));
    }
    int i = from;
    while (i < limit && (Character.isLetterOrDigit(tb.src[i]) || tb.src[i] == '\'')) {
      i++;
    }
    return i;
  }

  static int hash(String s) {
    int h = 0x811c9dc5;
    for (int i = 0; i < s.length(); i++) {
      h = (h ^ s.charAt(i)) * 0x01000193;
    }
    return h;
  }

  /** The hash of a feature name: a word, a flag, or a pair "first second". */
  static int hashName(String name) {
    int space = name.indexOf(' ');
    return space < 0
        ? hash(name)
        : pair(hash(name.substring(0, space)), hash(name.substring(space + 1)));
  }

  private static int pair(int first, int second) {
    return (first * 0x9E3779B1) ^ Integer.rotateLeft(second, 16) ^ 0x5bd1e995;
  }

  private static int nonZero(int h) {
    return h == 0 ? 1 : h;
  }

  private float weight(int h) {
    h = nonZero(h);
    int mask = keys.length - 1;
    for (int slot = h & mask; ; slot = (slot + 1) & mask) {
      int key = keys[slot];
      if (key == h) {
        return weights[slot];
      }
      if (key == 0) {
        return 0;
      }
    }
  }
}
