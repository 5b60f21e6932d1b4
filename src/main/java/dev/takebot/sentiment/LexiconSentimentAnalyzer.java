package dev.takebot.sentiment;

import java.text.Normalizer;
import java.util.List;

/**
 * A VADER-style analyser (lexicon plus rules) tuned for Discord takes: it reads markdown, custom
 * and Unicode emoji, masks mentions, channel links and URLs, knows the internet register ("L take",
 * "based", "mid", "/s") and reads French as well as English. A take with a clear positive and a
 * clear negative side reads "mixed".
 *
 * <p>A reading is two passes over one {@link TokenBuffer}: the {@link Tokenizer} turns the text
 * into tokens and the {@link Scorer} applies VADER's rules to them. Instances are thread-safe:
 * their tables are immutable and each thread reuses a buffer of its own.
 */
public final class LexiconSentimentAnalyzer implements SentimentAnalyzer {
  private static final ClassLoader LOADER = LexiconSentimentAnalyzer.class.getClassLoader();

  /**
   * Bump whenever a code change may change readings; lexicon and tuning changes are picked up on
   * their own.
   */
  static final String REVISION = "11";

  /**
   * Longer texts are read up to this many characters: a take's sentiment shows well before that.
   */
  static final int MAX_CHARS = 8_000;

  /**
   * How much of a text is brought to NFKC before it is read: enough for MAX_CHARS after HTML
   * escapes shrink.
   */
  private static final int NORMALISED_CHARS = 4 * MAX_CHARS;

  private final Lexicon lex;
  private final Tokenizer tokenizer;
  private final Scorer scorer;
  private final String version;
  private final ThreadLocal<TokenBuffer> buffers = ThreadLocal.withInitial(TokenBuffer::new);

  /**
   * Loads the bundled lexicons with the default tuning. Prefer {@link #standard()}, which shares
   * one instance.
   */
  public LexiconSentimentAnalyzer() {
    this(LOADER);
  }

  /** The analyser of the resources {@code loader} finds (tests hide or spoil some). */
  static LexiconSentimentAnalyzer load(ClassLoader loader) {
    return new LexiconSentimentAnalyzer(loader);
  }

  private LexiconSentimentAnalyzer(ClassLoader loader) {
    this(
        loader,
        WordModel.loadLater(loader, WordModel.SARCASM),
        WordModel.loadLater(loader, WordModel.MIXED),
        WordModel.loadLater(loader, WordModel.CYNICISM),
        WordModel.loadLater(loader, WordModel.FACT));
  }

  /**
   * The judges start loading before the lexicons and finish while they load (the arguments are
   * evaluated in order). A corrupt judge stops start-up here, as a corrupt lexicon does: found on
   * the first reading of praise instead, it would fail that reading and every later one.
   */
  private LexiconSentimentAnalyzer(
      ClassLoader loader,
      WordModel.Judge sarcasm,
      WordModel.Judge mixed,
      WordModel.Judge cynicism,
      WordModel.Judge fact) {
    this(
        new Lexicon(loader),
        Tuning.DEFAULT,
        Calibration.load(loader),
        LabelModel.load(loader),
        new Judges(sarcasm.model(), mixed.model(), cynicism.model(), fact.model()));
  }

  /** With the shipped label model. */
  LexiconSentimentAnalyzer(Lexicon lex, Tuning tuning, Calibration calibration) {
    this(
        lex, tuning, calibration, LabelModel.load(LexiconSentimentAnalyzer.class.getClassLoader()));
  }

  /**
   * With {@code model} deciding the label, or the rules alone if it is null; the shipped learned
   * judges ({@link WordModel}) with a model, none without.
   */
  LexiconSentimentAnalyzer(Lexicon lex, Tuning tuning, Calibration calibration, LabelModel model) {
    this(lex, tuning, calibration, model, model == null ? Judges.NONE : Judges.load(LOADER));
  }

  /** With {@code sarcasm} judging the praise the rules let stand, and no judge of mixed. */
  LexiconSentimentAnalyzer(
      Lexicon lex, Tuning tuning, Calibration calibration, LabelModel model, WordModel sarcasm) {
    this(lex, tuning, calibration, model, sarcasm, null);
  }

  /**
   * With {@code sarcasm} judging the praise the rules let stand and {@code mixed} whether a text
   * that praises and blames is mixed, and no other judge; either may be null (the rules decide).
   */
  LexiconSentimentAnalyzer(
      Lexicon lex,
      Tuning tuning,
      Calibration calibration,
      LabelModel model,
      WordModel sarcasm,
      WordModel mixed) {
    this(lex, tuning, calibration, model, new Judges(sarcasm, mixed, null, null));
  }

  /** With {@code judges} weighing what the rules read; {@code model} may be null (the rules). */
  LexiconSentimentAnalyzer(
      Lexicon lex, Tuning tuning, Calibration calibration, LabelModel model, Judges judges) {
    this.lex = lex;
    this.tokenizer = new Tokenizer(lex);
    this.scorer = new Scorer(lex, tuning, calibration, model, judges);
    this.version =
        "lexicon-"
            + REVISION
            + "-"
            + Long.toHexString(lex.checksum)
            + "-"
            + Integer.toHexString(tuning.fingerprint().hashCode())
            + "-"
            + Integer.toHexString(calibration.fingerprint().hashCode())
            + (model == null ? "-rules" : "-" + Integer.toHexString(model.fingerprint().hashCode()))
            + judges.fingerprint();
  }

  /**
   * The shared analyser with the bundled lexicons and default tuning (loaded once, on first use).
   */
  public static SentimentAnalyzer standard() {
    if (Holder.FAILURE != null) {
      // Each caller gets the reason (a class initialiser's error would reach the first as an
      // ExceptionInInitializerError, a stack trace to the user, and the others without it).
      throw new IllegalStateException(Holder.FAILURE.getMessage(), Holder.FAILURE);
    }
    return Holder.INSTANCE;
  }

  private static final class Holder {
    static final RuntimeException FAILURE;
    static final LexiconSentimentAnalyzer INSTANCE;

    static {
      LexiconSentimentAnalyzer loaded = null;
      RuntimeException failure = null;
      try {
        loaded = new LexiconSentimentAnalyzer();
      } catch (RuntimeException e) {
        failure = e; // a resource missing or corrupt
      }
      INSTANCE = loaded;
      FAILURE = failure;
    }
  }

  Lexicon lexicon() {
    return lex;
  }

  /**
   * This thread's token buffer as the last {@link #analyze} on it left it: for fitting commands.
   */
  TokenBuffer lastBuffer() {
    return buffers.get();
  }

  @Override
  public String version() {
    return version;
  }

  @Override
  public Sentiment analyze(String text) {
    return analyze(text, Context.ANY);
  }

  /**
   * The least share of a batch's texts that name an actor or topic of the news for the batch to
   * read as a thread of takes on the news. Measured: every hand-labelled take set 37–74%, the
   * public sets 0.2–8.3% (news sentences 8.3%, tweets 1.1%, reviews 0.2–0.9%, Reddit 1.4%).
   */
  static final double NEWS_SHARE = 0.30;

  /** How many texts of a batch are read to tell its context. */
  static final int CONTEXT_SAMPLE = 1_000;

  /**
   * {@link Context#NEWS} when at least {@link #NEWS_SHARE} of the first {@link #CONTEXT_SAMPLE}
   * non-blank texts name an actor or topic of the news; the texts are tokenized, not scored.
   */
  @Override
  public Context contextOf(List<String> texts) {
    int read = 0;
    int naming = 0;
    for (String text : texts) {
      if (read == CONTEXT_SAMPLE) {
        break;
      }
      if (text == null || text.isBlank()) {
        continue;
      }
      read++;
      naming += tokenized(text).namesActor ? 1 : 0;
    }
    return read > 0 && naming >= NEWS_SHARE * read ? Context.NEWS : Context.ANY;
  }

  @Override
  public Sentiment analyze(String text, Context context) {
    if (text == null || text.isEmpty()) {
      return Sentiment.neutral();
    }
    TokenBuffer tb = tokenized(text);
    tb.onTheNews = context == Context.NEWS;
    return scorer.score(tb);
  }

  /** This thread's buffer holding the tokens of non-empty {@code text}. */
  private TokenBuffer tokenized(String text) {
    text = compatible(text);
    TokenBuffer tb = buffers.get();
    tokenizer.tokenize(tb.reset(text, readLength(text)));
    if (tb.escaped) {
      // Rare: read the text again with its escapes decoded. The tokenizer notices escapes on its
      // way, which spares every other text a separate scan for '&' before it is read.
      text = unescapeHtml(text);
      tokenizer.tokenize(tb.reset(text, readLength(text)));
    }
    return tb;
  }

  /**
   * The text in NFKC, so that decomposed accents ("ge\u0301nial", as macOS and some keyboards send
   * them) and fullwidth or styled letters read as the words they spell. Most takes are ASCII or
   * already composed: those are returned as they are after a scan that stops at the first non-ASCII
   * character and a quick check.
   */
  static String compatible(String text) {
    int n = Math.min(text.length(), NORMALISED_CHARS);
    int i = 0;
    while (i < n && text.charAt(i) < 128) {
      i++;
    }
    if (i == n) {
      return text;
    }
    // Only what can be read is normalised, so a 100 KB paste costs no more than a long take. HTML
    // escapes are
    // decoded after this and shrink at most 4 to 1, hence the margin over MAX_CHARS.
    String head = n < text.length() ? text.substring(0, n) : text;
    return Normalizer.isNormalized(head, Normalizer.Form.NFKC)
        ? text
        : Normalizer.normalize(head, Normalizer.Form.NFKC);
  }

  /**
   * How many characters of {@code text} are read: at most MAX_CHARS, never half a surrogate pair.
   */
  private static int readLength(String text) {
    int n = Math.min(text.length(), MAX_CHARS);
    if (n < text.length() && Character.isHighSurrogate(text.charAt(n - 1))) {
      n--;
    }
    return n;
  }

  /**
   * Bridged and scraped text arrives HTML-escaped: "&lt;3" is a heart and "&gt;:(" a frown. Only
   * the escapes of the characters that make emoticons are decoded; the tokenizer skips any other
   * entity. Decoding a text with no such escape returns it unchanged, so a text the tokenizer flags
   * wrongly still reads the same.
   */
  private static String unescapeHtml(String text) {
    return text.replace("&lt;", "<").replace("&gt;", ">");
  }

  @Override
  public String toString() {
    return "LexiconSentimentAnalyzer[" + version + "]";
  }
}
