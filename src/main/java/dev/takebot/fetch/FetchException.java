package dev.takebot.fetch;

import dev.takebot.i18n.Phrase;
import dev.takebot.i18n.Phrased;

/**
 * A page or feed that could not or must not be fetched: one line for a moderator, e.g. "that
 * address is on a private network". {@link #getMessage()} is the English line, for logs; {@link
 * #phrase()} words it for each reader.
 */
public final class FetchException extends RuntimeException implements Phrased {
  private static final long serialVersionUID = 1L;

  private final transient Phrase phrase;

  public FetchException(Phrase phrase) {
    this(phrase, null);
  }

  public FetchException(Phrase phrase, Throwable cause) {
    super(phrase.english(), cause, false, false);
    this.phrase = phrase;
  }

  /**
   * {@link #FetchException(Phrase)} for the message {@code key} with its arguments as name, value
   * pairs.
   */
  public static FetchException of(String key, Object... namesAndValues) {
    return new FetchException(Phrase.of(key, namesAndValues));
  }

  @Override
  public Phrase phrase() {
    return phrase;
  }
}
