package dev.takebot.sentiment;

import java.util.Arrays;

/**
 * Per-call scratch: the text, its folded copy and the token arrays. One per thread, reused from
 * call to call: allocating and zeroing fresh arrays for every text cost about a tenth of the
 * reading. Every field is reset or overwritten before it is read, so nothing carries over from one
 * text to the next.
 */
final class TokenBuffer {
  // Token flags. A token's int also holds the flags of its term (Lexicon.NEGATOR...), in the bits
  // above these.
  static final int T_UPPER = 1;
  static final int T_NT = 1 << 1;
  static final int T_QUOTED = 1 << 2;
  static final int T_BOLD = 1 << 3;
  static final int T_EMOJI = 1 << 4;
  static final int T_CUSTOM = 1 << 5;
  static final int T_NEGATED = 1 << 6;
  static final int T_INTERJECTION = 1 << 7;
  static final int T_EMOTICON = 1 << 8;

  /** The token's sentence ends in a question mark. */
  static final int T_QUESTION = 1 << 9;

  /** The token opens a clause: a comma comes between it and the token before. */
  static final int T_CLAUSE = 1 << 10;

  /**
   * The token opens a sentence: a break (. ! ? ; or a new line) comes between it and the token
   * before. Negation and boosters do not reach across sentences; the scorer walks tokens one by
   * one, so a flag on the token it already reads tells it as much as a sentence number per token
   * would, without the extra store and load.
   */
  static final int T_SENTENCE = 1 << 11;

  /**
   * Faces and emoji show the writer's mood directly: negation and degree words do not change them.
   */
  static final int T_FACE = T_EMOJI | T_CUSTOM | T_EMOTICON;

  /** The bits the token flags use; the term flags start above them. */
  static final int TOKEN_FLAG_BITS = 12;

  /** The text as written. */
  char[] src = new char[256];

  /**
   * The words of the text, folded (case noted before folding), at the same indexes as in {@code
   * src}; other indexes hold stale characters. Kept apart from {@code src} so that a chunk read as
   * a word can still be looked at as written (as a link or emoticon) without being read twice.
   */
  char[] low = new char[256];

  final char[] scratch = new char[16];
  // What Tokenizer.mixedWord read besides where the word ends, so that every word ends through one
  // call site: inlined twice, endWord made the JIT's compilation of the word loop twice as big.
  int wordHash;
  int wordCases;
  boolean wordJoined;
  int n;
  int[] start = new int[64];
  int[] term = new int[64];

  /**
   * Token flags (T_*) and the term flags of the token's term (none for emoji and words not in the
   * lexicon).
   */
  int[] flags = new int[64];

  float[] val = new float[64];

  /** Each token's valence after the rules, filled by the scorer. */
  float[] sent = new float[64];

  /** Names of custom emoji, by token; read only for tokens flagged as custom emoji. */
  String[] customNames = new String[64];

  /** The tokens the scorer gave a valence, in order; the rest count for nothing. */
  int[] scored = new int[64];

  // Spans of tokens the irony pass looks at (kinds below): [spanFrom, spanTo) each.
  static final int SPAN_QUOTED = 1;
  static final int SPAN_ITALIC = 2;
  static final int SPAN_RHETORICAL = 3;
  static final int SPAN_INQUIRY = 4;

  /** A quote right after a word, as in nice "diplomacy". */
  static final int SPAN_QUOTED_AFTER_WORD = 5;

  int[] spanFrom = new int[8];
  int[] spanTo = new int[8];
  int[] spanKind = new int[8];
  int spans;

  /** The token an open quote or italic mark precedes, or -1. */
  int quoteOpen;

  int italicOpen;

  /** The open quote follows a word directly (one space between). */
  boolean quoteAfterWord;

  /** Irony cue words seen (terms flagged Lexicon.IRONY): the irony pass runs only when some are. */
  int cues;

  /** An eye-roll emoji (🙄, 🙃, 🤡...) was seen: praise next to it is ironic. */
  boolean eyeRoll;

  /** The irony pass found the text ironic: its reasons say so. */
  boolean ironic;

  /** The learned judge of praise ({@link WordModel}) turned the text's praise around. */
  boolean learnedIrony;

  /** The features a judge has seen in this text. */
  final WordModel.Seen seen = new WordModel.Seen();

  /**
   * The distinct word and pair features of this text in the order the first judge met them, once
   * {@code wordsHashed} is set: a later judge of the same text only looks them up.
   */
  final int[] judgedFeatures = new int[WordModel.MAX_FEATURES];

  int judgedFeatureCount;

  boolean wordsHashed;

  /**
   * A word names an actor or topic of the news (a government, a country, a junta, sanctions), or an
   * actor written in capitals ("US"): noted as the words are looked up, for the judges.
   */
  boolean namesActor;

  /** The text is a take in a discussion of a news article ({@link Context#NEWS}). */
  boolean onTheNews;

  /** The strongest tokens, strongest first, while the reasons are picked. */
  final int[] top = new int[Scorer.MAX_REASONS];

  /** The reasons' names while they are picked, and "irony", "/s" and "learned" after them. */
  final String[] reasons = new String[Scorer.MAX_REASONS + 3];

  /** The features of the reading, for the learned label decision: filled anew for each reading. */
  final double[] features = new double[LabelModel.FEATURES];

  /** The first French "quand" or "lorsque", or -1: FrenchIrony reads the texts that have one. */
  int whenAt;

  /** The first contrast word ("but", "mais"), or -1. */
  int contrastAt;

  /**
   * T_CLAUSE if a comma, T_SENTENCE if a sentence break has passed since the last token: or-ed into
   * the next.
   */
  int pending;

  int count;

  /**
   * What the scorer's last polar reading rested on, before {@link Calibration} set its strength:
   * the rules' score, the positive and negative evidence and the punctuation emphasis. Read by the
   * calibration's fitting command only.
   */
  double ruleScore;

  double positive;
  double negative;
  double emphasis;
  int length;

  /**
   * How many tokens the scorer's last reading listed in {@code scored}; zero when nothing was
   * scored (the evidence above is then stale).
   */
  int scoredCount;

  int upperWords;
  int excl;
  int quest;
  int frWords;
  int enWords;
  boolean sarcasm;

  /**
   * The text may hold "&lt;" or "&gt;" within the characters read: it must be read again decoded.
   * Also set for an '&' too close to the cut to tell, since decoding a text without escapes changes
   * nothing.
   */
  boolean escaped;

  TokenBuffer reset(String text, int n) {
    this.n = n;
    if (src.length < n) {
      src = new char[Math.max(n, 2 * src.length)];
      low = new char[src.length];
    }
    text.getChars(0, n, src, 0);
    pending = 0;
    count = 0;
    scoredCount = 0;
    upperWords = 0;
    excl = 0;
    quest = 0;
    frWords = 0;
    enWords = 0;
    sarcasm = false;
    escaped = false;
    contrastAt = -1;
    whenAt = -1;
    spans = 0;
    quoteOpen = -1;
    italicOpen = -1;
    cues = 0;
    eyeRoll = false;
    ironic = false;
    wordsHashed = false;
    namesActor = false;
    onTheNews = false;
    return this;
  }

  /** Adds a token of term {@code id} (-1 for none); its valence, if any, is the term's. */
  void add(int s, int id, int f) {
    if (count == start.length) {
      grow();
    }
    start[count] = s;
    term[count] = id;
    flags[count] = f | pending;
    pending = 0;
    count++;
  }

  /**
   * Adds an emoji token (T_EMOJI or T_CUSTOM in {@code f}) with its valence. Only these tokens have
   * {@code val} written, and the scorer reads it only for them, so words do not pay for the store.
   */
  void addEmoji(int s, int f, float v) {
    if (count == start.length) {
      grow();
    }
    val[count] = v;
    add(s, -1, f);
  }

  /** Notes a sentence break: the next token opens a sentence. */
  void endSentence() {
    pending |= T_SENTENCE;
  }

  /**
   * Flags the tokens of the current sentence as asked rather than stated: it has just ended in '?'.
   */
  void markQuestion() {
    if ((pending & T_SENTENCE) != 0) {
      return; // no token since the last break
    }
    for (int k = count - 1; k >= 0; k--) {
      flags[k] |= T_QUESTION;
      if ((flags[k] & T_SENTENCE) != 0) {
        break;
      }
    }
  }

  /** Notes the tokens [from, to) as a span of this kind. */
  void addSpan(int kind, int from, int to) {
    if (spans == spanFrom.length) {
      spanFrom = Arrays.copyOf(spanFrom, 2 * spans);
      spanTo = Arrays.copyOf(spanTo, 2 * spans);
      spanKind = Arrays.copyOf(spanKind, 2 * spans);
    }
    spanFrom[spans] = from;
    spanTo[spans] = to;
    spanKind[spans] = kind;
    spans++;
  }

  /**
   * The first r with {@code scored[r] >= k} among the {@code m} scored tokens, or m: they are in
   * text order, so a range of them is found without walking every one (floods of cues stay linear).
   */
  int firstScored(int m, int k) {
    int lo = 0;
    int hi = m;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (scored[mid] < k) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Whether token {@code k} is among the {@code m} scored tokens. */
  boolean isScored(int m, int k) {
    int r = firstScored(m, k);
    return r < m && scored[r] == k;
  }

  /**
   * Gives token {@code k} valence {@code v}, adding it to the {@code m} scored tokens in order if
   * needed; returns the new number of scored tokens.
   */
  int setValence(int m, int k, float v) {
    int r = firstScored(m, k);
    sent[k] = v;
    if (r < m && scored[r] == k) {
      return m;
    }
    System.arraycopy(scored, r, scored, r + 1, m - r);
    scored[r] = k;
    return m + 1;
  }

  /** The first token of the sentence token {@code k} is in. */
  int sentenceStart(int k) {
    while (k > 0 && (flags[k] & T_SENTENCE) == 0) {
      k--;
    }
    return k;
  }

  /** The token after the last of the sentence token {@code k} is in. */
  int sentenceEnd(int k) {
    k++;
    while (k < count && (flags[k] & T_SENTENCE) == 0) {
      k++;
    }
    return k;
  }

  void grow() {
    int cap = start.length * 2;
    start = Arrays.copyOf(start, cap);
    term = Arrays.copyOf(term, cap);
    flags = Arrays.copyOf(flags, cap);
    val = Arrays.copyOf(val, cap);
    sent = new float[cap];
    scored = new int[cap];
    customNames = Arrays.copyOf(customNames, cap);
  }
}
