package dev.takebot.feed;

/** A {@code /feed} request the rules refuse; the message is one line for the moderator. */
public final class FeedRefusal extends RuntimeException {
  private static final long serialVersionUID = 1L;

  FeedRefusal(String message) {
    super(message, null, false, false);
  }
}
