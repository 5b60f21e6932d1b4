package dev.takebot.sentiment;

import java.util.List;

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
   * The context {@code texts} read together suggest, for a batch of texts whose origin nobody said
   * (a file on the command line): {@link Context#NEWS} when they read as a thread of takes on the
   * news, else {@link Context#ANY}. An analyser that knows no context says {@link Context#ANY}.
   */
  default Context contextOf(List<String> texts) {
    return Context.ANY;
  }

  /**
   * Changes whenever the readings may change; stored takes tagged by an older version get
   * re-tagged.
   */
  String version();
}
