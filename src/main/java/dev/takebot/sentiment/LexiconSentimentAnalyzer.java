package dev.takebot.sentiment;

import java.util.Arrays;
import java.util.List;

/**
 * A VADER-style analyser (lexicon plus rules) tuned for Discord takes: it reads markdown, custom and Unicode
 * emoji, masks mentions, channel links and URLs, knows the internet register ("L take", "based", "mid", "/s")
 * and reads French as well as English. A take with a clear positive and a clear negative side reads "mixed".
 *
 * <p>The scorer follows VADER's published rules (boosters, ALL CAPS, negation over three words, "but",
 * punctuation emphasis, {@code x / sqrt(x² + alpha)}) with a few fitted global numbers ({@link Tuning}).
 * It is allocation-light and regex-free on the hot path. Instances are thread-safe: their tables are immutable
 * and each thread reuses scratch space of its own.
 */
public final class LexiconSentimentAnalyzer implements SentimentAnalyzer {
  /** Bump whenever a code change may change readings; lexicon and tuning changes are picked up on their own. */
  static final String REVISION = "1";
  /** Longer texts are read up to this many characters: a take's sentiment shows well before that. */
  static final int MAX_CHARS = 8_000;
  private static final int MAX_REASONS = 5;

  private static final float B_INCR = 0.293f;
  private static final float C_INCR = 0.733f;
  private static final float[] DECAY = {1f, 0.95f, 0.9f};

  // Token flags.
  private static final int T_UPPER = 1;
  private static final int T_NT = 1 << 1;
  private static final int T_QUOTED = 1 << 2;
  private static final int T_BOLD = 1 << 3;
  private static final int T_EMOJI = 1 << 4;
  private static final int T_CUSTOM = 1 << 5;
  private static final int T_NEGATED = 1 << 6;
  private static final int T_INTERJECTION = 1 << 7;
  private static final int T_EMOTICON = 1 << 8;
  /** Faces and emoji show the writer's mood directly: negation and degree words do not change them. */
  private static final int T_FACE = T_EMOJI | T_CUSTOM | T_EMOTICON;

  // ASCII character classes (see asciiClasses).
  private static final int WORD = 1;
  private static final int UPPER = 1 << 1;
  private static final int LOWER = 1 << 2;
  private static final int SPACE = 1 << 3;
  private static final byte[] ASCII = asciiClasses();

  private final Lexicon lex;
  private final Tuning tuning;
  private final String version;
  private final float scale;
  private final ThreadLocal<Work> work = ThreadLocal.withInitial(Work::new);

  /** Loads the bundled lexicons with the default tuning. Prefer {@link #standard()}, which shares one instance. */
  public LexiconSentimentAnalyzer() {
    this(new Lexicon(LexiconSentimentAnalyzer.class.getClassLoader()), Tuning.DEFAULT);
  }

  LexiconSentimentAnalyzer(Lexicon lex, Tuning tuning) {
    this.lex = lex;
    this.tuning = tuning;
    this.scale = (float) tuning.scale();
    this.version = "lexicon-" + REVISION + "-" + Long.toHexString(lex.checksum) + "-"
        + Integer.toHexString(tuning.fingerprint().hashCode());
  }

  /** The shared analyser with the bundled lexicons and default tuning (loaded once, on first use). */
  public static SentimentAnalyzer standard() {
    return Holder.INSTANCE;
  }

  private static final class Holder {
    static final LexiconSentimentAnalyzer INSTANCE = new LexiconSentimentAnalyzer();
  }

  Lexicon lexicon() {
    return lex;
  }

  @Override
  public String version() {
    return version;
  }

  @Override
  public Sentiment analyze(String text) {
    if (text == null || text.isEmpty()) {
      return Sentiment.neutral();
    }
    int n = Math.min(text.length(), MAX_CHARS);
    if (n < text.length() && Character.isHighSurrogate(text.charAt(n - 1))) {
      n--;
    }
    Work w = work.get().reset(text, n);
    tokenize(w);
    return score(w);
  }

  /**
   * Per-call scratch: the text, its folded copy and the token arrays. One per thread, reused from call to call:
   * allocating and zeroing fresh arrays for every text cost about a tenth of the reading. Every field is
   * reset or overwritten before it is read, so nothing carries over from one text to the next.
   */
  private static final class Work {
    /** The text, folded in place word by word as the tokenizer passes (case is noted before folding). */
    char[] src = new char[256];
    final char[] scratch = new char[16];
    int n;
    int[] start = new int[64];
    int[] term = new int[64];
    int[] flags = new int[64];
    float[] val = new float[64];
    /** Sentence number of each token: negation and boosters do not reach across sentences. */
    int[] sentence = new int[64];
    /** Each token's valence after the rules, filled by the scorer. */
    float[] sent = new float[64];
    /** Names of custom emoji, by token; read only for tokens flagged as custom emoji. */
    String[] customNames = new String[64];
    /** The strongest tokens, strongest first, while the reasons are picked. */
    final int[] top = new int[MAX_REASONS];
    /** The first contrast word ("but", "mais"), or -1. */
    int contrastAt;
    int currentSentence;
    int count;
    int upperWords;
    int excl;
    int quest;
    int frWords;
    int enWords;
    boolean sarcasm;

    Work reset(String text, int n) {
      this.n = n;
      if (src.length < n) {
        src = new char[Math.max(n, 2 * src.length)];
      }
      text.getChars(0, n, src, 0);
      currentSentence = 0;
      count = 0;
      upperWords = 0;
      excl = 0;
      quest = 0;
      frWords = 0;
      enWords = 0;
      sarcasm = false;
      contrastAt = -1;
      return this;
    }

    void add(int s, int id, int f, float v) {
      if (count == start.length) {
        grow();
      }
      start[count] = s;
      term[count] = id;
      flags[count] = f;
      val[count] = v;
      sentence[count] = currentSentence;
      count++;
    }

    void grow() {
      int cap = start.length * 2;
      start = Arrays.copyOf(start, cap);
      term = Arrays.copyOf(term, cap);
      flags = Arrays.copyOf(flags, cap);
      val = Arrays.copyOf(val, cap);
      sentence = Arrays.copyOf(sentence, cap);
      sent = new float[cap];
      customNames = Arrays.copyOf(customNames, cap);
    }
  }

  // ---------------------------------------------------------------- tokenizer

  private void tokenize(Work w) {
    final char[] src = w.src;
    final int n = w.n;
    int i = 0;
    boolean lineStart = true;
    boolean quoteLine = false;
    boolean quoteAll = false;
    boolean bold = false;
    while (i < n) {
      char c = src[i];
      if (c == '\n') {
        lineStart = true;
        quoteLine = false;
        w.currentSentence++;
        i++;
        continue;
      }
      if (isSpace(c)) {
        i++;
        continue;
      }
      if (lineStart) {
        lineStart = false;
        if (c == '>' && i + 1 < n && (src[i + 1] == ' ' || src[i + 1] == '>')) {
          if (i + 3 < n && src[i + 1] == '>' && src[i + 2] == '>' && src[i + 3] == ' ') {
            quoteAll = true;
            i += 4;
          } else {
            quoteLine = true;
            i += src[i + 1] == ' ' ? 2 : 1;
          }
          continue;
        }
      }
      int ctx = (quoteLine || quoteAll ? T_QUOTED : 0) | (bold ? T_BOLD : 0);
      boolean chunkStart = i == 0 || isSpace(src[i - 1]);
      if (isWordChar(c)) {
        if (chunkStart) {
          int e = chunkStartScan(src, i, n);
          if (e < 0) {
            i = chunkEnd(src, i, n); // a link
            continue;
          }
          // Emoticons that start with a letter or digit: "o_O", "xD", "D:", "8)".
          if (e - i >= 2 && e - i <= 4 && !allWordChars(src, i, e) && emoticon(w, i, e, ctx)) {
            i = e;
            continue;
          }
        }
        i = word(w, i, ctx);
        continue;
      }
      if (c == '<') {
        int e = discordEntity(w, i, ctx);
        if (e > i) {
          i = e;
          continue;
        }
      }
      if (chunkStart && c != '*' && c != '`') {
        int e = chunkEnd(src, i, n);
        if (e - i >= 2 && e - i <= 12 && emoticon(w, i, e, ctx)) {
          i = e;
          continue;
        }
      }
      switch (c) {
        case '!' -> {
          w.excl++;
          w.currentSentence++;
          i++;
        }
        case '?' -> {
          w.quest++;
          w.currentSentence++;
          i++;
        }
        case '.', ';' -> {
          w.currentSentence++;
          i++;
        }
        case '@' -> {
          // Mentions are names, not sentiment: "@united" must not read as the word "united".
          i++;
          while (i < n && (isWordChar(src[i]) || src[i] == '_' || src[i] == '.')) {
            i++;
          }
        }
        case '`' -> i = code(src, i, n);
        case '&' -> i = entity(src, i, n);
        case '*' -> {
          int r = 0;
          while (i < n && src[i] == '*') {
            i++;
            r++;
          }
          if (r >= 2) {
            bold = !bold;
          }
        }
        default -> {
          if (Character.isHighSurrogate(c) && i + 1 < n) {
            int cp = Character.toCodePoint(c, src[i + 1]);
            float v = lex.emoji(cp);
            if (v == v) {
              w.add(i, -1, T_EMOJI | ctx, v);
            }
            i += 2;
          } else {
            if (c >= 0x2100 && c < 0x2C00) {
              float v = lex.emoji(c);
              if (v == v) {
                w.add(i, -1, T_EMOJI | ctx, v);
              }
            }
            i++;
          }
        }
      }
    }
  }

  /** Scans a word from {@code i}, folding it into {@code low}; returns the index after it. */
  private int word(Work w, int i, int ctx) {
    final char[] src = w.src;
    final char[] low = w.src;
    final int n = w.n;
    int s = i;
    int h = 0;
    int upper = 0;
    int lower = 0;
    boolean stretched = false;
    while (i < n) {
      char c = src[i];
      int k = c < 128 ? ASCII[c] : 0;
      if ((k & WORD) != 0 || (c >= 128 && Character.isLetterOrDigit(c))) {
        char f;
        if (c < 128) {
          f = (k & UPPER) != 0 ? (char) (c + ('a' - 'A')) : c;
          upper += (k & UPPER) != 0 ? 1 : 0;
          lower += (k & LOWER) != 0 ? 1 : 0;
        } else {
          f = Fold.fold(c);
          if (Character.isUpperCase(c)) {
            upper++;
          } else if (Character.isLowerCase(c)) {
            lower++;
          }
        }
        low[i] = f;
        h = 31 * h + f;
        if (i - s >= 2 && low[i - 1] == f && low[i - 2] == f) {
          stretched = true;
        }
        i++;
      } else if ((c == '\'' || c == '\u2019' || c == '-') && i > s && i + 1 < n && isWordChar(src[i + 1])) {
        char f = c == '-' ? '-' : '\'';
        low[i] = f;
        h = 31 * h + f;
        i++;
        if (f == '\'' && isElision(low, s, i - s - 1)) {
          break; // French elision: "n'est" reads as "n'" + "est", "c'est" as "c'" + "est".
        }
      } else {
        break;
      }
    }
    int l = i - s;
    int id = lex.table.find(low, s, l, h);
    if (l == 1 && id >= 0 && (upper == 0 || (i < n && (src[i] == '/' || src[i] == '&' || src[i] == '.')))) {
      // A lone letter is a sentiment word only as the capital W / L of internet register, never in "w/o".
      id = singleLetterFallback(id);
    }
    int f = ctx;
    if (upper > 0 && lower == 0) {
      w.upperWords++;
      if (upper >= 2) {
        f |= T_UPPER;
      }
    }
    if (l >= 3 && low[i - 1] == 't' && low[i - 2] == '\'' && low[i - 3] == 'n') {
      f |= T_NT;
    }
    if (id < 0 && stretched && l >= 4) {
      id = elongated(low, s, l);
      if (id >= 0) {
        f |= T_BOLD; // "soooo good", "yesss": stretched words are emphatic
      }
    }
    if (id >= 0 && (lex.flags(id) & Lexicon.DISCOURSE) != 0 && i < n && src[i] == ',' && opensSentence(src, s)) {
      f |= T_INTERJECTION; // "well, ...", "yeah, ..." open a sentence rather than judge
    }
    if (id >= 0 && (lex.flags(id) & Lexicon.NO) != 0 && i < n && (src[i] == ',' || src[i] == '.')) {
      f |= T_INTERJECTION; // "no, I had not..." answers a question; it does not judge
    }
    if (id >= 0) {
      int lf = lex.flags(id);
      if ((lf & Lexicon.FUNC_FR) != 0) {
        w.frWords++;
      }
      if ((lf & Lexicon.FUNC_EN) != 0) {
        w.enWords++;
      }
    }
    noteContrast(w, id);
    w.add(s, id, f, Float.NaN);
    return i;
  }

  /** Notes the first contrast word while tokens are added, so the scorer need not search for it. */
  private void noteContrast(Work w, int id) {
    if (id >= 0 && w.contrastAt < 0 && (lex.flags(id) & Lexicon.CONTRAST) != 0) {
      w.contrastAt = w.count;
    }
  }

  /** Looks a stretched word up with its letter runs cut to two, then to one ("sooo" -> "soo", "so"). */
  private int elongated(char[] low, int s, int l) {
    char[] buf = new char[l];
    for (int keep = 2; keep >= 1; keep--) {
      int m = 0;
      int h = 0;
      int run = 0;
      for (int k = s; k < s + l; k++) {
        char c = low[k];
        run = k > s && c == low[k - 1] ? run + 1 : 1;
        if (run <= keep) {
          buf[m++] = c;
          h = 31 * h + c;
        }
      }
      int id = lex.table.find(buf, 0, m, h);
      if (id >= 0) {
        return id;
      }
    }
    return -1;
  }

  /** Whether the word at {@code s} opens a sentence (after start, . ! ? : or a masked mention). */
  private static boolean opensSentence(char[] src, int s) {
    int k = s - 1;
    while (k >= 0 && isSpace(src[k])) {
      k--;
    }
    if (k < 0) {
      return true;
    }
    char c = src[k];
    if (c == '.' || c == '!' || c == '?' || c == ':' || c == '>' || c == ')') {
      return true;
    }
    while (k >= 0 && !isSpace(src[k])) {
      k--;
    }
    return src[k + 1] == '@';
  }

  /** Single lowercase letters keep their modifier role (none today) but lose any valence. */
  private int singleLetterFallback(int id) {
    return (lex.flags(id) & Lexicon.VALENCE) != 0 ? -1 : id;
  }

  private static boolean isElision(char[] low, int s, int l) {
    if (l == 1) {
      char c = low[s];
      return c == 'n' || c == 'c' || c == 'l' || c == 'j' || c == 'd' || c == 's' || c == 'm' || c == 't';
    }
    return l == 2 && low[s] == 'q' && low[s + 1] == 'u';
  }

  /** A whitespace-delimited chunk that is a lexicon emoticon (":)", "<3", ":-(") or a sarcasm marker. */
  private boolean emoticon(Work w, int s, int e, int ctx) {
    if (e - s > w.scratch.length) {
      return false;
    }
    // Folded into scratch, not in place: if this is no emoticon the chunk is read again as words.
    int h = 0;
    for (int k = s; k < e; k++) {
      char f = Fold.fold(w.src[k]);
      w.scratch[k - s] = f;
      h = 31 * h + f;
    }
    // The chunk holds a symbol and folding keeps symbols symbols (FoldTest), so only symbolic terms can match.
    int id = lex.symbolic.find(w.scratch, 0, e - s, h);
    if (id < 0) {
      return false;
    }
    if ((lex.flags(id) & Lexicon.SARCASM) != 0) {
      w.sarcasm = true;
      return true;
    }
    if (lex.en(id) == lex.en(id)) {
      for (int k = s; k < e; k++) {
        if (w.src[k] == '!') {
          w.excl++;
        } else if (w.src[k] == '?') {
          w.quest++;
        }
      }
      noteContrast(w, id);
      w.add(s, id, ctx | T_EMOTICON, Float.NaN);
      return true;
    }
    return false;
  }

  /**
   * Discord's angle-bracket syntax: user, role and channel mentions and slash-command links are masked;
   * custom emoji read by their name; {@code <https://...>} links are skipped. Returns the index after the
   * entity, or {@code i} when there is none.
   */
  private int discordEntity(Work w, int i, int ctx) {
    final char[] src = w.src;
    final int n = w.n;
    int close = -1;
    for (int k = i + 1; k < n && k < i + 120; k++) {
      char c = src[k];
      if (c == '>') {
        close = k;
        break;
      }
      if (isSpace(c) || c == '<') {
        return i;
      }
    }
    if (close < 0 || close == i + 1) {
      return i;
    }
    char c1 = src[i + 1];
    if (c1 == '@' || c1 == '#' || c1 == '/' || (c1 == 't' && src[i + 2] == ':') || isUrl(src, i + 1, close)) {
      return close + 1;
    }
    int nameStart;
    if (c1 == ':') {
      nameStart = i + 2;
    } else if (c1 == 'a' && i + 2 < close && src[i + 2] == ':') {
      nameStart = i + 3;
    } else {
      return i;
    }
    int nameEnd = nameStart;
    while (nameEnd < close && src[nameEnd] != ':') {
      nameEnd++;
    }
    if (nameEnd >= close || nameEnd == nameStart) {
      return i;
    }
    customEmoji(w, nameStart, nameEnd, ctx);
    return close + 1;
  }

  /** Reads a custom emoji by its name: the whole name if known ("sadge"), else its most polar part ("pepe_sad"). */
  private void customEmoji(Work w, int s, int e, int ctx) {
    final char[] orig = Arrays.copyOfRange(w.src, s, e); // original case, for camelCase and display
    final char[] low = w.src;
    int h = 0;
    for (int k = s; k < e; k++) {
      char f = Fold.fold(orig[k - s]);
      low[k] = f;
      h = 31 * h + f;
    }
    float best = polarity(lex.table.find(low, s, e - s, h));
    if (best != best) {
      int ps = s;
      for (int k = s; k <= e; k++) {
        boolean boundary = k == e || orig[k - s] == '_' || orig[k - s] == '-' || (k > ps
            && Character.isUpperCase(orig[k - s]) && Character.isLowerCase(orig[k - s - 1]));
        if (!boundary) {
          continue;
        }
        if (k > ps) {
          int ph = 0;
          for (int q = ps; q < k; q++) {
            ph = 31 * ph + low[q];
          }
          float v = polarity(lex.table.find(low, ps, k - ps, ph));
          if (v == v && (best != best || Math.abs(v) > Math.abs(best))) {
            best = v;
          }
        }
        ps = (k < e && (orig[k - s] == '_' || orig[k - s] == '-')) ? k + 1 : k;
      }
    }
    if (best == best) {
      if (w.count == w.start.length) {
        w.grow();
      }
      w.customNames[w.count] = ":" + new String(orig) + ":";
      w.add(s, -1, T_CUSTOM | ctx, best);
    }
  }

  private float polarity(int id) {
    if (id < 0) {
      return Float.NaN;
    }
    float v = lex.en(id);
    return v == v ? v : lex.fr(id);
  }

  /** Skips an HTML entity such as {@code &amp;} or {@code &gt;} (common in scraped and bridged text). */
  private static int entity(char[] src, int i, int n) {
    int k = i + 1;
    while (k < n && k < i + 10 && (isWordChar(src[k]) || src[k] == '#')) {
      k++;
    }
    return k < n && src[k] == ';' && k > i + 1 ? k + 1 : i + 1;
  }

  private static int code(char[] src, int i, int n) {
    if (i + 2 < n && src[i + 1] == '`' && src[i + 2] == '`') {
      for (int k = i + 3; k + 2 < n; k++) {
        if (src[k] == '`' && src[k + 1] == '`' && src[k + 2] == '`') {
          return k + 3;
        }
      }
      return i + 3;
    }
    for (int k = i + 1; k < n && src[k] != '\n'; k++) {
      if (src[k] == '`') {
        return k + 1;
      }
    }
    return i + 1;
  }

  /**
   * One pass over a chunk that starts with a letter or digit: returns -1 when it is a link, else its end,
   * looking no further than needed (links need a "://", a "www." or a dot followed later by a slash).
   */
  private static int chunkStartScan(char[] src, int i, int n) {
    char c0 = src[i];
    if ((c0 == 'h' || c0 == 'H' || c0 == 'w' || c0 == 'W')
        && (starts(src, i, n, "http://") || starts(src, i, n, "https://") || starts(src, i, n, "www."))) {
      return -1;
    }
    boolean dot = false;
    int k = i;
    for (; k < n; k++) {
      char c = src[k];
      if (c < 128 && (ASCII[c] & WORD) != 0) {
        continue;
      }
      if (isSpace(c)) {
        break;
      }
      if (c == '.' && k > i && k + 1 < n && isWordChar(src[k + 1])) {
        dot = true;
      } else if (c == '/' && dot && k + 1 < n && isWordChar(src[k + 1])) {
        return -1;
      }
    }
    return k;
  }

  private static boolean isUrl(char[] src, int i, int n) {
    if (starts(src, i, n, "http://") || starts(src, i, n, "https://") || starts(src, i, n, "www.")) {
      return true;
    }
    // Bare links such as "ow.ly/6QZ9Q" or "youtu.be/x": a dot then a slash inside one chunk.
    int dot = -1;
    for (int k = i; k < n && !isSpace(src[k]); k++) {
      char c = src[k];
      if (c == '.' && dot < 0 && k + 1 < n && isWordChar(src[k + 1])) {
        dot = k;
      } else if (c == '/' && dot > i && k + 1 < n && isWordChar(src[k + 1])) {
        return true;
      }
    }
    return false;
  }

  private static boolean starts(char[] src, int i, int n, String p) {
    if (n - i < p.length()) {
      return false;
    }
    for (int k = 0; k < p.length(); k++) {
      if (Fold.fold(src[i + k]) != p.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private static boolean allWordChars(char[] src, int s, int e) {
    for (int k = s; k < e; k++) {
      if (!isWordChar(src[k])) {
        return false;
      }
    }
    return true;
  }

  private static int chunkEnd(char[] src, int i, int n) {
    while (i < n && !isSpace(src[i])) {
      i++;
    }
    return i;
  }

  private static boolean isSpace(char c) {
    if (c < 128) {
      return (ASCII[c] & SPACE) != 0;
    }
    return Character.isWhitespace(c) || c == '\u00A0' || c == '\u200B';
  }

  static boolean isWordChar(char c) {
    if (c < 128) {
      return (ASCII[c] & WORD) != 0;
    }
    return Character.isLetterOrDigit(c);
  }

  /** Classes of the ASCII characters: one table load is cheaper than a chain of range tests per character. */
  private static byte[] asciiClasses() {
    byte[] t = new byte[128];
    for (char c = '0'; c <= '9'; c++) {
      t[c] = WORD;
    }
    for (char c = 'a'; c <= 'z'; c++) {
      t[c] = WORD | LOWER;
      t[c - ('a' - 'A')] = WORD | UPPER;
    }
    for (char c : new char[] {' ', '\n', '\t', '\r'}) {
      t[c] = SPACE;
    }
    return t;
  }

  // ---------------------------------------------------------------- scorer

  private Sentiment score(Work w) {
    final int count = w.count;
    if (count == 0) {
      return Sentiment.neutral();
    }
    final int[] term = w.term;
    final int[] tf = w.flags;
    final Lexicon lex = this.lex;
    final boolean french = w.frWords >= 2 && w.frWords > w.enWords;
    final boolean frFallback = w.enWords == 0;
    final boolean capDiff = w.upperWords > 0 && w.upperWords < count;
    final float negation = (float) tuning.negation();
    final float[] sent = w.sent; // reused: every token's slot is cleared as the loop reaches it
    boolean any = false;
    for (int i = 0; i < count; i++) {
      sent[i] = 0;
      int id = term[i];
      int f = tf[i];
      float base;
      int firstModifier = 0;
      if ((f & (T_EMOJI | T_CUSTOM)) != 0) {
        base = w.val[i];
      } else {
        if (id < 0) {
          continue;
        }
        int flags = lex.flags(id);
        if (lex.boost(id) != 0) {
          continue; // VADER: degree adverbs modify their neighbour and carry no valence of their own
        }
        if ((flags & Lexicon.NEGATOR) != 0 && w.quest == 0 && !valenceAhead(w, i)) {
          // A negation with nothing to negate ("it does not work", "didn't last") leans negative.
          sent[i] = (float) tuning.bareNegation();
          any = true;
          continue;
        }
        if ((flags & Lexicon.KIND) != 0 && i + 1 < count && term[i + 1] >= 0
            && (lex.flags(term[i + 1]) & Lexicon.OF) != 0) {
          continue;
        }
        // French readings apply to French texts, and to texts with no English function word at all ("génial").
        base = french ? pick(lex.fr(id), lex.en(id)) : frFallback ? pick(lex.en(id), lex.fr(id)) : lex.en(id);
        if ((flags & Lexicon.PHRASE_HEAD) != 0 && i > 0 && term[i - 1] >= 0 && (tf[i - 1] & T_EMOJI) == 0) {
          float p = lex.phrase(term[i - 1], id);
          if (p == p) {
            base = p;
            firstModifier = 1;
            sent[i - 1] = 0;
          }
        }
        if (base != base) {
          continue;
        }
        if ((flags & Lexicon.LIKE) != 0 && !(i > 0 && term[i - 1] >= 0
            && (lex.flags(term[i - 1]) & Lexicon.LIKE_SUBJECT) != 0)) {
          continue; // "like" as a verb ("I like it") carries sentiment; "looks like", "like a" do not
        }
        if ((f & T_INTERJECTION) != 0) {
          continue;
        }
        if ((flags & Lexicon.SOFT_BOOSTER) != 0 && i + 1 < count && hasValence(w, i + 1)) {
          continue; // "pretty good", "damn good": an intensifier here, not a word of its own
        }
        if ((flags & Lexicon.NO) != 0 && i + 1 < count && hasValence(w, i + 1) && !isNo(w, i + 1)) {
          continue; // "no" negates the next word rather than carrying its own valence
        }
      }
      float v = base * scale;
      final int[] sid = w.sentence;
      int reach = 0; // how many preceding tokens share this sentence (at most 3)
      while (reach < 3 && i - reach - 1 >= 0 && sid[i - reach - 1] == sid[i]) {
        reach++;
      }
      if ((f & T_FACE) != 0) {
        reach = 0;
      }
      if ((reach >= 1 && isNo(w, i - 1)) || (reach >= 2 && isNo(w, i - 2))
          || (reach >= 3 && isNo(w, i - 3) && term[i - 1] >= 0 && (lex.flags(term[i - 1]) & Lexicon.OR_NOR) != 0)) {
        v = base * scale * negation;
        f |= T_NEGATED;
      }
      if ((f & T_UPPER) != 0 && capDiff) {
        v += v > 0 ? C_INCR : -C_INCR;
      }
      if ((f & T_BOLD) != 0) {
        v += v > 0 ? C_INCR / 2 : -C_INCR / 2;
      }
      boolean frenchPair = false;
      boolean lastWasNe = false;
      for (int k = firstModifier; k < reach; k++) {
        int j = i - k - 1;
        if (hasValence(w, j)) {
          break; // a modifier reaches only the nearest sentiment word: "don't care don't care" is not a double negation
        }
        int jid = term[j];
        if (jid >= 0) {
          float s = k == 0 && (lex.flags(jid) & Lexicon.SOFT_BOOSTER) != 0 ? B_INCR : lex.boost(jid);
          if (s != 0) {
            if (v < 0) {
              s = -s;
            }
            if ((tf[j] & T_UPPER) != 0 && capDiff) {
              s += v > 0 ? C_INCR : -C_INCR;
            }
            v += s * DECAY[k];
          }
        }
        if ((jid >= 0 && (lex.flags(jid) & Lexicon.NEGATOR) != 0) || (tf[j] & T_NT) != 0) {
          // French "ne ... pas" is one negation in two words: the second of the pair does not flip again.
          boolean pair = french && jid >= 0 && frenchPair && ((lex.flags(jid) & Lexicon.NE) != 0) != lastWasNe;
          if (!pair) {
            v *= negation;
            f ^= T_NEGATED;
          }
          frenchPair = !pair;
          lastWasNe = jid >= 0 && (lex.flags(jid) & Lexicon.NE) != 0;
        }
      }
      if (reach > 0 && term[i - 1] >= 0 && (lex.flags(term[i - 1]) & Lexicon.LEAST) != 0
          && !(i > 1 && term[i - 2] >= 0 && (lex.flags(term[i - 2]) & Lexicon.AT_VERY) != 0)) {
        v *= negation;
      }
      if ((f & T_QUOTED) != 0) {
        v *= (float) tuning.quoted();
      }
      tf[i] = f;
      sent[i] = v;
      any = true;
    }
    if (!any) {
      return Sentiment.neutral();
    }
    // Mixed is judged on the words as written, before contrast shifts the weight towards one side.
    double pos = 0;
    double neg = 0;
    for (int i = 0; i < count; i++) {
      float v = sent[i];
      if (v > 0) {
        pos += v;
      } else {
        neg -= v;
      }
    }
    // Contrast: the part after "but"/"mais" carries the writer's point.
    int c = w.contrastAt;
    if (c >= 0) {
      float before = (float) tuning.beforeContrast();
      float after = (float) tuning.afterContrast();
      for (int k = 0; k < c; k++) {
        sent[k] *= before;
      }
      for (int k = c + 1; k < count; k++) {
        sent[k] *= after;
      }
    }
    if (w.sarcasm) {
      float s = (float) tuning.sarcasm();
      for (int i = 0; i < count; i++) {
        sent[i] *= s;
      }
    }
    double sum = 0;
    for (int i = 0; i < count; i++) {
      sum += sent[i];
    }
    double amp = Math.min(w.excl, 4) * 0.292;
    if (w.quest > 1) {
      amp += w.quest <= 3 ? w.quest * 0.18 : 0.96;
    }
    if (sum > 0) {
      sum += amp;
    } else if (sum < 0) {
      sum -= amp;
    }
    double dz = tuning.deadZone();
    if (Math.abs(sum) <= dz) {
      sum = 0;
    } else {
      sum -= Math.signum(sum) * dz;
    }
    double score = sum / Math.sqrt(sum * sum + tuning.alpha());
    score = Math.max(-1, Math.min(1, score));
    double strong = Math.max(pos, neg);
    double weak = Math.min(pos, neg);
    boolean mixed = weak >= tuning.mixedMin() && weak >= tuning.mixedRatio() * strong;
    Label label = mixed ? Label.MIXED : Label.threeClass(score);
    return new Sentiment(label, score, reasons(w, sent));
  }

  private static float pick(float first, float second) {
    return first == first ? first : second;
  }

  private boolean valenceAhead(Work w, int i) {
    for (int k = i + 1; k < w.count && k <= i + 3 && w.sentence[k] == w.sentence[i]; k++) {
      if (hasValence(w, k)) {
        return true;
      }
    }
    return false;
  }

  private boolean isNo(Work w, int j) {
    return j >= 0 && w.term[j] >= 0 && (w.flags[j] & (T_EMOJI | T_CUSTOM)) == 0
        && (lex.flags(w.term[j]) & Lexicon.NO) != 0;
  }

  private boolean hasValence(Work w, int j) {
    if ((w.flags[j] & (T_EMOJI | T_CUSTOM)) != 0) {
      return true;
    }
    int id = w.term[j];
    return id >= 0 && (lex.flags(id) & Lexicon.VALENCE) != 0;
  }

  private List<String> reasons(Work w, float[] sent) {
    // Collected in an array and handed over as an immutable list, which Sentiment keeps without copying.
    // One pass keeps the strongest few in order: the larger |valence| first, the earlier token on a tie.
    final int[] top = w.top;
    int kept = 0;
    int limit = Math.min(w.count, 64);
    for (int i = 0; i < limit; i++) {
      float a = Math.abs(sent[i]);
      if (a == 0 || (kept == MAX_REASONS && a <= Math.abs(sent[top[kept - 1]]))) {
        continue;
      }
      int k = kept < MAX_REASONS ? kept++ : MAX_REASONS - 1;
      while (k > 0 && Math.abs(sent[top[k - 1]]) < a) {
        top[k] = top[k - 1];
        k--;
      }
      top[k] = i;
    }
    String[] out = new String[kept + 1];
    int size = 0;
    for (int r = 0; r < kept; r++) {
      out[size++] = name(w, top[r]);
    }
    if (w.sarcasm) {
      out[size++] = "/s";
    }
    return switch (size) {
      case 0 -> List.of();
      case 1 -> List.of(out[0]);
      case 2 -> List.of(out[0], out[1]);
      default -> List.of(Arrays.copyOf(out, size));
    };
  }

  private String name(Work w, int i) {
    int f = w.flags[i];
    if ((f & (T_CUSTOM | T_EMOJI)) == 0) {
      int id = w.term[i];
      return (f & T_NEGATED) != 0 ? lex.negatedNames[id] : lex.names[id];
    }
    String name = (f & T_CUSTOM) != 0 ? w.customNames[i] : lex.emojiName(Character.codePointAt(w.src, w.start[i]));
    return (f & T_NEGATED) != 0 ? "not " + name : name;
  }

  @Override
  public String toString() {
    return "LexiconSentimentAnalyzer[" + version + "]";
  }
}
