package dev.takebot.feed;

import dev.takebot.i18n.Phrase;
import dev.takebot.i18n.Phrased;

/**
 * A {@code /feed} request the rules refuse: one line for the moderator. {@link #getMessage()} is
 * the English line, for logs; {@link #phrase()} words it for each reader.
 */
public final class FeedRefusal extends RuntimeException implements Phrased {
  private static final long serialVersionUID = 1L;

  private final transient Phrase phrase;

  FeedRefusal(Phrase phrase) {
    this(phrase, null);
  }

  FeedRefusal(Phrase phrase, Throwable cause) {
    super(phrase.english(), cause, false, false);
    this.phrase = phrase;
  }

  /**
   * {@link #FeedRefusal(Phrase)} for the message {@code key} with its arguments as name, value
   * pairs.
   */
  static FeedRefusal of(String key, Object... namesAndValues) {
    return new FeedRefusal(Phrase.of(key, namesAndValues));
  }

  @Override
  public Phrase phrase() {
    return phrase;
  }
}
