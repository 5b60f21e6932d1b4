package dev.takebot.sentiment;

/** Tags a text. Implementations are thread-safe and fast enough to run on every message. */
public interface SentimentAnalyzer {
  Sentiment analyze(String text);

  /**
   * Changes whenever the readings may change; stored takes tagged by an older version get
   * re-tagged.
   */
  String version();
}
