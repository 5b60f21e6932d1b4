package dev.takebot.feed;

/** A document that is no readable feed; the message is one line for a moderator. */
public final class FeedFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  FeedFormatException(String message) {
    super(message, null, false, false);
  }
}
