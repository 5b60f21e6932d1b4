package dev.takebot.sentiment;

/** Tags a text. Implementations are thread-safe and fast enough to run on every message. */
public interface SentimentAnalyzer {
  /** The reading of {@code text}, written where nothing is known ({@link Context#ANY}). */
  Sentiment analyze(String text);

  /**
   * The reading of {@code text}, written in {@code context}; an analyser that knows no context
   * reads it as {@link #analyze(String)} does.
   */
  default Sentiment analyze(String text, Context context) {
    return analyze(text);
  }

  /**
   * Changes whenever the readings may change; stored takes tagged by an older version get
   * re-tagged.
   */
  String version();
}
