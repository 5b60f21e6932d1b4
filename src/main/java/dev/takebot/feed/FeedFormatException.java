package dev.takebot.feed;

import dev.takebot.i18n.Phrase;
import dev.takebot.i18n.Phrased;

/**
 * A document that is no readable feed: one line for a moderator. {@link #getMessage()} is the
 * English line, for logs; {@link #phrase()} words it for each reader.
 */
public final class FeedFormatException extends RuntimeException implements Phrased {
  private static final long serialVersionUID = 1L;

  private final transient Phrase phrase;

  FeedFormatException(Phrase phrase) {
    this(phrase, null);
  }

  FeedFormatException(Phrase phrase, Throwable cause) {
    super(phrase.english(), cause, false, false);
    this.phrase = phrase;
  }

  /**
   * {@link #FeedFormatException(Phrase)} for the message {@code key} with its arguments as name,
   * value pairs.
   */
  static FeedFormatException of(String key, Object... namesAndValues) {
    return new FeedFormatException(Phrase.of(key, namesAndValues));
  }

  @Override
  public Phrase phrase() {
    return phrase;
  }
}
