package dev.takebot.sentiment;

import static dev.takebot.sentiment.TokenBuffer.T_EMOJI;
import static dev.takebot.sentiment.TokenBuffer.T_FACE;
import static dev.takebot.sentiment.TokenBuffer.T_SENTENCE;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A learned judge over the words and word pairs of a text: a logistic model whose log-odds, against
 * a threshold, decide one question the rules answer poorly. Four are shipped ({@link Judges}), all
 * fitted by the test-scope {@code SarcasmFit} command on hand-labelled Discord takes and the
 * fitting halves of the shared dev sets, their weights with their provenance in {@link #SARCASM},
 * {@link #MIXED}, {@link #CYNICISM} and {@link #FACT}:
 *
 * <ul>
 *   <li>whether praise the rules let stand is meant as scorn ("thank god the State Dept is here to
 *       save the Sahel 🙏 just like they saved Libya"): {@link Scorer} then turns it around as the
 *       irony pass does, and the reading says "irony" and "learned";
 *   <li>whether a text that both praises and blames, or takes one side in two parts, is mixed
 *       ("decent idea, awful execution", "nice tone, thin substance"), and whether a take on the
 *       news the rules read mixed leans one way ("finally a reset, after years of failed policy");
 *   <li>whether a take on the news read neutral scorns without a word that judges ("new course,
 *       same mines"): it then reads negative, and the reading says "cynicism" and "learned";
 *   <li>whether a take on the news read positive or negative only states a fact ("the coup in Niger
 *       was in July 2023"): it then reads neutral.
 * </ul>
 *
 * <p>The phrase rules fix the phrasings they were read from; a model over many labelled takes
 * weighs the small signs people use ("now?", "lmao", "they", a closing emoji) together.
 *
 * <p>Features are weighed by hash, not looked up by name: each word hashes to an int (FNV-1a over
 * the lexicon's name for a word it knows, made once with the lexicon, else over the folded
 * characters), a pair combines its words' hashes, and the weights are kept in a {@link WeightTable}
 * keyed by the same hashes of their names, so reading a text allocates nothing. A feature counts
 * once however often the text repeats it. Which texts a judge reads, and what it does with its
 * answer, is {@link Scorer}'s business.
 */
final class WordModel {
  static final String SARCASM = "sentiment/sarcasm-model.tsv";
  static final String MIXED = "sentiment/mixed-model.tsv";
  static final String CYNICISM = "sentiment/cynicism-model.tsv";
  static final String FACT = "sentiment/fact-model.tsv";

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

  /**
   * Where praise stands, as features: opening the text ("great, another summit"), closing it ("they
   * finally listened. cool."), or inside it. Scorn puts its praise at the edges more often.
   */
  static final String[] PRAISE_AT = {"<praise-first>", "<praise-mid>", "<praise-last>"};

  private static final int[] PRAISE_AT_HASHES = {
    hash(PRAISE_AT[0]), hash(PRAISE_AT[1]), hash(PRAISE_AT[2])
  };

  /**
   * Where praise at token {@code k} stands: 0 among the first two tokens, 2 the last two, 1
   * between.
   */
  private static int praiseAt(TokenBuffer tb, int k) {
    return k < 2 ? 0 : k >= tb.count - 2 ? 2 : 1;
  }

  private static final int[] FLAG_HASHES = {
    hash(QUESTION), hash(EXCLAIM), hash(QUOTE), hash(IRONIC), hash(NEGATIVE), hash(CONTRAST)
  };

  /** The weights by feature hash. */
  private final WeightTable weights;

  private final float bias;
  private final float threshold;
  private final float elsewhere;

  /**
   * Below these log-odds the judge says no with confidence enough to undo the rules' yes (the judge
   * of mixed: a take the rules read mixed for words of both signs that praise a remedy to a failure
   * is one-sided). Minus infinity: the judge only ever adds.
   */
  private final float rejectBelow;

  private final String fingerprint;

  private WordModel(
      int[] table, float bias, float threshold, float elsewhere, float rejectBelow, String print) {
    this.weights = weightTable(table);
    this.bias = bias;
    this.threshold = threshold;
    this.elsewhere = elsewhere;
    this.rejectBelow = rejectBelow;
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
    int[] hashes = new int[names.size()];
    StringBuilder print = new StringBuilder();
    for (int i = 0; i < hashes.length; i++) {
      String name = names.get(i);
      hashes[i] = hashName(name, 0, name.length());
      print.append(';').append(name).append('=').append(values[i]);
    }
    return new WordModel(
        table(hashes, values, hashes.length),
        bias,
        threshold,
        elsewhere,
        Float.NEGATIVE_INFINITY,
        bias + "/" + threshold + "/" + elsewhere + print);
  }

  /** The features of {@code table} (pairs of hash and weight bits, 0 for a free slot). */
  private static WeightTable weightTable(int[] table) {
    int[] keys = new int[table.length / 2];
    int[] bits = new int[keys.length];
    int n = 0;
    for (int slot = 0; slot < table.length; slot += 2) {
      if (table[slot] != 0) {
        keys[n] = table[slot];
        bits[n++] = table[slot + 1];
      }
    }
    return WeightTable.of(keys, bits, n);
  }

  /**
   * The weights keyed by hash, in pairs of hash and weight bits (a hash seen twice adds up, in the
   * order of the model's lines).
   */
  private static int[] table(int[] hashes, float[] values, int n) {
    int size = Integer.highestOneBit(Math.max(4, n * 2)) << 1;
    int[] table = new int[2 * size];
    for (int i = 0; i < n; i++) {
      int h = nonZero(hashes[i]);
      int slot = h & (size - 1);
      while (table[2 * slot] != 0 && table[2 * slot] != h) {
        slot = (slot + 1) & (size - 1);
      }
      table[2 * slot] = h;
      float sum = Float.intBitsToFloat(table[2 * slot + 1]) + values[i];
      table[2 * slot + 1] = Float.floatToRawIntBits(sum);
    }
    return table;
  }

  /**
   * The shipped model in {@code resource}, or null where it is missing (the analyser then reads by
   * the rules alone).
   */
  static WordModel load(ClassLoader loader, String resource) {
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        return null;
      }
      byte[] bytes = in.readAllBytes();
      java.util.zip.CRC32 crc = new java.util.zip.CRC32();
      crc.update(bytes);
      return parse(new String(bytes, StandardCharsets.UTF_8), crc.getValue());
    } catch (IOException e) {
      throw new UncheckedIOException("sentiment resource " + resource + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads a model: comment lines start with "#" and have no tab; every other line is
   * "feature&lt;TAB&gt;weight", with {@code <bias>}, {@code <threshold>} (required) and {@code
   * <threshold-elsewhere>} among them. Read without a string per line: the shipped model has some
   * 16,000 lines, and a one-off {@code sentiment FILE} run reads it before its first text.
   */
  static WordModel parse(String text) throws IOException {
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(text.getBytes(StandardCharsets.UTF_8));
    return parse(text, crc.getValue());
  }

  /** {@link #parse(String)} of a text whose UTF-8 bytes have CRC-32 {@code crc}. */
  private static WordModel parse(String text, long crc) throws IOException {
    int[] hashes = new int[1024];
    float[] values = new float[1024];
    int n = 0;
    float bias = 0;
    float threshold = Float.POSITIVE_INFINITY;
    float elsewhere = Float.POSITIVE_INFINITY;
    float rejectBelow = Float.NEGATIVE_INFINITY;
    boolean hasThreshold = false;
    for (int from = 0; from < text.length(); ) {
      int eol = text.indexOf('\n', from);
      int to = eol < 0 ? text.length() : eol;
      int end = to > from && text.charAt(to - 1) == '\r' ? to - 1 : to;
      int tab = text.lastIndexOf('\t', end - 1);
      if (tab < from) {
        // A comment (a feature line always has a tab, and may start with "#": a hashtag) or blank.
        if (end > from && text.charAt(from) != '#' && !text.substring(from, end).isBlank()) {
          throw new IOException("expected 'feature<TAB>weight', got: " + text.substring(from, end));
        }
      } else {
        if (tab == from) {
          throw new IOException("expected 'feature<TAB>weight', got: " + text.substring(from, end));
        }
        float value = decimal(text, tab + 1, end);
        if (text.startsWith("<bias>\t", from)) {
          bias = value;
        } else if (text.startsWith("<threshold>\t", from)) {
          threshold = value;
          hasThreshold = true;
        } else if (text.startsWith("<threshold-elsewhere>\t", from)) {
          elsewhere = value;
        } else if (text.startsWith("<reject-below>\t", from)) {
          rejectBelow = value;
        } else {
          if (n == hashes.length) {
            hashes = java.util.Arrays.copyOf(hashes, 2 * n);
            values = java.util.Arrays.copyOf(values, 2 * n);
          }
          hashes[n] = hashName(text, from, tab);
          values[n++] = value;
        }
      }
      from = to + 1;
    }
    if (!hasThreshold) {
      // Every fitted model has one: without it the judge would never say yes, a spoilt file (empty,
      // cut short) passing for a judge while the analyser's version changes.
      throw new IOException("no <threshold> line: the file is empty or cut short");
    }
    return new WordModel(
        table(hashes, values, n), bias, threshold, elsewhere, rejectBelow, crcPrint(crc));
  }

  private static final double[] TENS = {
    1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15
  };

  /**
   * The fingerprint of a model read from a resource: its bytes' CRC-32, known before it is read.
   */
  static String crcPrint(long crc) {
    return "crc32:" + Long.toHexString(crc);
  }

  /**
   * The shipped model in {@code resource}, read on a background thread: its 23,000 lines are parsed
   * while the lexicons load. The model is null where the resource is missing.
   */
  static Judge loadLater(ClassLoader loader, String resource) {
    return new Judge(
        java.util.concurrent.CompletableFuture.supplyAsync(() -> load(loader, resource)));
  }

  /** A judge whose model may still be loading: the model (or null) when asked. */
  record Judge(java.util.concurrent.Future<WordModel> loading) {
    /**
     * The model, waiting for it if it is still loading. An interrupt does not stop the wait (it is
     * kept for the caller): the load is short, and giving up would lose the reading a bot thread is
     * making (its take with it).
     */
    WordModel model() {
      boolean interrupted = false;
      try {
        while (true) {
          try {
            return loading.get();
          } catch (InterruptedException e) {
            interrupted = true;
          }
        }
      } catch (java.util.concurrent.ExecutionException e) {
        Throwable cause = e.getCause();
        throw new IllegalStateException(
            cause.getMessage() != null ? cause.getMessage() : "cannot load a sentiment judge",
            cause);
      } finally {
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  /** A decimal like "-0.1234" read without a string; anything else goes to Float.parseFloat. */
  private static float decimal(String text, int from, int to) throws IOException {
    int i = from;
    boolean negative = i < to && text.charAt(i) == '-';
    if (negative) {
      i++;
    }
    long digits = 0;
    int scale = -1;
    int count = 0;
    for (; i < to; i++) {
      char c = text.charAt(i);
      if (c == '.' && scale < 0) {
        scale = 0;
      } else if (c >= '0' && c <= '9' && count < 15) {
        digits = 10 * digits + (c - '0');
        count++;
        scale += scale >= 0 ? 1 : 0;
      } else {
        try {
          return Float.parseFloat(text.substring(from, to));
        } catch (NumberFormatException e) {
          throw new IOException("not a number: " + text.substring(from, to), e);
        }
      }
    }
    if (count == 0) {
      throw new IOException("not a number: " + text.substring(from, to));
    }
    double v = scale <= 0 ? digits : digits / TENS[Math.min(scale, TENS.length - 1)];
    return (float) (negative ? -v : v);
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

  /**
   * Whether the judge of cynicism reads {@code tb}, which the rest read as {@code reading}: a
   * neutral reading of a text that names an actor or topic of the news, with no "/s" ("local
   * superpower discovers africa for the fourth time this century"). Chatter ("is the stream live?")
   * names none.
   */
  static boolean inCynicismScope(Sentiment reading, TokenBuffer tb) {
    return reading.label() == Label.NEUTRAL && !tb.sarcasm && namesAnActor(tb);
  }

  /**
   * Whether the judge of fact reads {@code tb}, which the rest read as {@code reading}: a positive
   * or negative reading of a text that names an actor or topic of the news, with no irony found and
   * no "/s" ("the coup in Niger was in July 2023", "Wagner moved in after the French left").
   */
  static boolean inFactScope(Sentiment reading, TokenBuffer tb) {
    return (reading.label() == Label.POSITIVE || reading.label() == Label.NEGATIVE)
        && !tb.sarcasm
        && !tb.ironic
        && !tb.learnedIrony
        && namesAnActor(tb);
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

  /**
   * Whether the judge of mixed reads {@code tb}: its words praise and blame, or the words of one
   * side stand in a text of two parts (a contrast, a second clause or sentence), where the other
   * side may go unsaid by any word of the lexicon ("nice tone, thin substance").
   */
  static boolean mixedCandidate(TokenBuffer tb, int m) {
    if (m == 0 || tb.sarcasm) {
      return false;
    }
    if (tb.contrastAt >= 0 || bothSides(tb, m)) {
      return true;
    }
    for (int k = 1; k < tb.count; k++) {
      if ((tb.flags[k] & (TokenBuffer.T_CLAUSE | TokenBuffer.T_SENTENCE)) != 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code tb} is about the news: a take in a discussion of a news article ({@link
   * Context#NEWS}), or a text that names an actor or topic of the news, as the tokenizer noted
   * while it looked the words up (the judges ask for every reading, and a walk over the tokens each
   * time cost ~4%).
   */
  static boolean namesAnActor(TokenBuffer tb) {
    return tb.namesActor || tb.onTheNews;
  }

  /** The model's log-odds that the praise in {@code tb} is scorn. */
  float logOdds(TokenBuffer tb, int m, Lexicon lex) {
    float z = bias;
    int[] features = tb.judgedFeatures;
    if (!tb.wordsHashed) {
      listFeatures(tb, lex);
    }
    for (int i = 0, n = tb.judgedFeatureCount; i < n; i++) {
      z += weight(features[i]);
    }
    int positions = 0;
    for (int r = 0; r < m; r++) {
      int k = tb.scored[r];
      if (tb.sent[k] > 0) {
        positions |= 1 << praiseAt(tb, k);
      }
    }
    for (int p = 0; p < PRAISE_AT_HASHES.length; p++) {
      if ((positions & (1 << p)) != 0) {
        z += weight(PRAISE_AT_HASHES[p]);
      }
    }
    int flags = flags(tb, m);
    for (int f = 0; f < FLAG_HASHES.length; f++) {
      if ((flags & (1 << f)) != 0) {
        z += weight(FLAG_HASHES[f]);
      }
    }
    return z;
  }

  /**
   * Lists the distinct word and pair features of {@code tb} once per text, for every judge: the
   * words are hashed and the pairs formed and told apart only by the first judge that reads it.
   */
  private static void listFeatures(TokenBuffer tb, Lexicon lex) {
    int count = Math.min(tb.count, MAX_TOKENS);
    Seen seen = tb.seen;
    seen.clear();
    int[] features = tb.judgedFeatures;
    int n = 0;
    int previous = EDGE_HASH;
    for (int k = 0; k < count; k++) {
      int w = wordHash(tb, k, lex);
      if (k > 0 && (tb.flags[k] & T_SENTENCE) != 0) {
        n = listOnce(seen, features, n, pair(previous, EDGE_HASH));
        previous = EDGE_HASH;
      }
      n = listOnce(seen, features, n, w);
      n = listOnce(seen, features, n, pair(previous, w));
      previous = w;
    }
    n = listOnce(seen, features, n, pair(previous, EDGE_HASH));
    tb.judgedFeatureCount = n;
    tb.wordsHashed = true;
  }

  /**
   * The most word and pair features a text can show: each token a word and a pair, and a pair with
   * the sentence edge before it where a sentence starts, plus the closing edge.
   */
  static final int MAX_FEATURES = 3 * MAX_TOKENS + 1;

  private static int listOnce(Seen seen, int[] features, int n, int h) {
    if (seen.add(nonZero(h))) {
      features[n++] = h;
    }
    return n;
  }

  /**
   * The features a text has shown so far, in a small open addressing set that is emptied by moving
   * to a new generation rather than by clearing: one per token buffer.
   */
  static final class Seen {
    private final int[] keys = new int[Integer.highestOneBit(4 * MAX_FEATURES)];
    private final int[] stamps = new int[keys.length];
    private int generation;

    Seen() {}

    /**
     * A set whose next {@link #clear} moves on from {@code generation} (tests start near a wrap).
     */
    Seen(int generation) {
      this.generation = generation;
    }

    void clear() {
      if (++generation == 0) {
        // After 2^32 texts on one thread the stamps come round: every slot never stamped (0) would
        // read as full, and one stamped 2^32 texts ago as holding its stale key. Start afresh.
        java.util.Arrays.fill(stamps, 0);
        generation = 1;
      }
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
    float z = logOdds(tb, m, lex);
    return z >= threshold && (z >= elsewhere || namesAnActor(tb));
  }

  /**
   * Whether the judge of mixed says yes for {@code tb}: a text whose words praise and blame is
   * judged against {@link #threshold}, one whose words take one side against {@link #elsewhere},
   * since far fewer of those are mixed ("ok thanks, that helps a lot").
   */
  boolean findsMixed(TokenBuffer tb, int m, Lexicon lex) {
    float z = logOdds(tb, m, lex);
    return z >= threshold && (z >= elsewhere || bothSides(tb, m));
  }

  /**
   * Whether the model says no for {@code tb} below its {@link #rejectBelow} log-odds, for a text
   * that names an actor or topic of the news: the judges learn from takes on the news, and a Reddit
   * comment that praises and blames is more often mixed than such a take.
   */
  boolean rejects(TokenBuffer tb, int m, Lexicon lex) {
    return rejectBelow != Float.NEGATIVE_INFINITY
        && namesAnActor(tb)
        && logOdds(tb, m, lex) < rejectBelow;
  }

  /**
   * The names of the features of {@code tb}, each once, as {@link #logOdds} weighs them: for the
   * fitting command and for tests (it allocates).
   */
  static List<String> featureNames(TokenBuffer tb, int m, Lexicon lex) {
    List<String> out = new ArrayList<>();
    String previous = EDGE;
    for (int k = 0; k < Math.min(tb.count, MAX_TOKENS); k++) {
      String w = word(tb, k, lex);
      if (k > 0 && (tb.flags[k] & T_SENTENCE) != 0) {
        out.add(previous + " " + EDGE);
        previous = EDGE;
      }
      out.add(w);
      out.add(previous + " " + w);
      previous = w;
    }
    out.add(previous + " " + EDGE);
    for (int r = 0; r < m; r++) {
      int k = tb.scored[r];
      if (tb.sent[k] > 0) {
        out.add(PRAISE_AT[praiseAt(tb, k)]);
      }
    }
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

  /**
   * The word at token {@code k} as the judges name it: the lexicon's name for a word it knows
   * (folded, accents and stretching undone: "génial" is "genial", "sooo" is "so"), else the folded
   * characters (the emoji for an emoji).
   */
  static String word(TokenBuffer tb, int k, Lexicon lex) {
    if (knownWord(tb, k)) {
      return lex.names[tb.term[k]];
    }
    return word(tb, k);
  }

  private static boolean knownWord(TokenBuffer tb, int k) {
    return tb.term[k] >= 0 && (tb.flags[k] & (T_FACE | T_EMOJI)) == 0;
  }

  /** The folded characters of token {@code k} as a string (the emoji for an emoji). */
  static String word(TokenBuffer tb, int k) {
    int from = tb.start[k];
    int to = wordEnd(tb, k);
    return new String((tb.flags[k] & T_FACE) != 0 ? tb.src : tb.low, from, to - from);
  }

  /** The hash of {@link #word(TokenBuffer, int, Lexicon)}: the lexicon keeps its words' hashes. */
  private static int wordHash(TokenBuffer tb, int k, Lexicon lex) {
    if (knownWord(tb, k)) {
      return lex.nameHashes[tb.term[k]];
    }
    int from = tb.start[k];
    char[] src = tb.src;
    int h = 0x811c9dc5;
    if ((tb.flags[k] & (T_FACE | T_EMOJI)) == 0 && isWordChar(src[from])) {
      // One pass over the word: where it ends and its hash, from the folded characters.
      int limit = k + 1 < tb.count ? tb.start[k + 1] : tb.n;
      char[] low = tb.low;
      for (int i = from; i < limit && isWordChar(src[i]); i++) {
        h = (h ^ low[i]) * 0x01000193;
      }
      return h;
    }
    char[] chars = (tb.flags[k] & T_FACE) != 0 ? src : tb.low;
    int to = wordEnd(tb, k);
    for (int i = from; i < to; i++) {
      h = (h ^ chars[i]) * 0x01000193;
    }
    return h;
  }

  /** Where token {@code k}'s word ends: letters, digits and apostrophes, or one emoji. */
  private static int wordEnd(TokenBuffer tb, int k) {
    int from = tb.start[k];
    int limit = k + 1 < tb.count ? tb.start[k + 1] : tb.n;
    if ((tb.flags[k] & T_EMOJI) != 0 || !isWordChar(tb.src[from])) {
      return Math.min(limit, from + Character.charCount(Character.codePointAt(tb.src, from)));
    }
    int i = from;
    while (i < limit && isWordChar(tb.src[i])) {
      i++;
    }
    return i;
  }

  private static boolean isWordChar(char c) {
    if (c < 128) {
      int lower = c | 0x20;
      return (lower >= 'a' && lower <= 'z') || (c >= '0' && c <= '9') || c == '\'';
    }
    return Character.isLetterOrDigit(c);
  }

  static int hash(String s) {
    return hash(s, 0, s.length());
  }

  /** The hash of a feature name: a word, a flag, or a pair "first second". */
  static int hashName(String name) {
    return hashName(name, 0, name.length());
  }

  /** The hash of the feature name in {@code text} from {@code from} to {@code to}. */
  private static int hashName(String text, int from, int to) {
    int space = text.indexOf(' ', from);
    if (space < 0 || space >= to) {
      return hash(text, from, to);
    }
    return pair(hash(text, from, space), hash(text, space + 1, to));
  }

  private static int hash(String s, int from, int to) {
    int h = 0x811c9dc5;
    for (int i = from; i < to; i++) {
      h = (h ^ s.charAt(i)) * 0x01000193;
    }
    return h;
  }

  private static int pair(int first, int second) {
    return (first * 0x9E3779B1) ^ Integer.rotateLeft(second, 16) ^ 0x5bd1e995;
  }

  private static int nonZero(int h) {
    return h == 0 ? 1 : h;
  }

  private float weight(int h) {
    return Float.intBitsToFloat(weights.bits(nonZero(h)));
  }
}
