package dev.takebot.sentiment;

/**
 * A VADER-style analyser (lexicon plus rules) tuned for Discord takes: it reads markdown, custom and Unicode
 * emoji, masks mentions, channel links and URLs, knows the internet register ("L take", "based", "mid", "/s")
 * and reads French as well as English. A take with a clear positive and a clear negative side reads "mixed".
 *
 * <p>A reading is two passes over one {@link TokenBuffer}: the {@link Tokenizer} turns the text into tokens and the
 * {@link Scorer} applies VADER's rules to them. Instances are thread-safe: their tables are immutable and each
 * thread reuses a buffer of its own.
 */
public final class LexiconSentimentAnalyzer implements SentimentAnalyzer {
  /** Bump whenever a code change may change readings; lexicon and tuning changes are picked up on their own. */
  static final String REVISION = "2";
  /** Longer texts are read up to this many characters: a take's sentiment shows well before that. */
  static final int MAX_CHARS = 8_000;

  private final Lexicon lex;
  private final Tokenizer tokenizer;
  private final Scorer scorer;
  private final String version;
  private final ThreadLocal<TokenBuffer> buffers = ThreadLocal.withInitial(TokenBuffer::new);

  /** Loads the bundled lexicons with the default tuning. Prefer {@link #standard()}, which shares one instance. */
  public LexiconSentimentAnalyzer() {
    this(new Lexicon(LexiconSentimentAnalyzer.class.getClassLoader()), Tuning.DEFAULT);
  }

  LexiconSentimentAnalyzer(Lexicon lex, Tuning tuning) {
    this.lex = lex;
    this.tokenizer = new Tokenizer(lex);
    this.scorer = new Scorer(lex, tuning);
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
    TokenBuffer tb = buffers.get();
    tokenizer.tokenize(tb.reset(text, readLength(text)));
    if (tb.escaped) {
      // Rare: read the text again with its escapes decoded. The tokenizer notices escapes on its way, which
      // spares every other text a separate scan for '&' before it is read.
      text = unescapeHtml(text);
      tokenizer.tokenize(tb.reset(text, readLength(text)));
    }
    return scorer.score(tb);
  }

  /** How many characters of {@code text} are read: at most MAX_CHARS, never half a surrogate pair. */
  private static int readLength(String text) {
    int n = Math.min(text.length(), MAX_CHARS);
    if (n < text.length() && Character.isHighSurrogate(text.charAt(n - 1))) {
      n--;
    }
    return n;
  }

  /**
   * Bridged and scraped text arrives HTML-escaped: "&lt;3" is a heart and "&gt;:(" a frown. Only the escapes of
   * the characters that make emoticons are decoded; the tokenizer skips any other entity. Decoding a text with no
   * such escape returns it unchanged, so a text the tokenizer flags wrongly still reads the same.
   */
  private static String unescapeHtml(String text) {
    return text.replace("&lt;", "<").replace("&gt;", ">");
  }

  @Override
  public String toString() {
    return "LexiconSentimentAnalyzer[" + version + "]";
  }
}
