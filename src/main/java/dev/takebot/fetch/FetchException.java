package dev.takebot.fetch;

/**
 * A page or feed that could not or must not be fetched. The message is one line for a moderator,
 * e.g. "that address is on a private network".
 */
public final class FetchException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public FetchException(String message) {
    super(message, null, false, false);
  }

  public FetchException(String message, Throwable cause) {
    super(message, cause, false, false);
  }
}
