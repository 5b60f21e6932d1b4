package dev.takebot.discord;

/**
 * A problem the member can fix (a bad option, a file that is no article, a missing permission),
 * worded for them: {@link InteractionErrors} shows its message as is and logs nothing alarming.
 * Everything else a feature throws is a bug or an outage, answered with a reference to the log; so
 * an invariant failure (an {@link IllegalArgumentException} deep in the code) never reaches a
 * member dressed as advice.
 */
public final class UserError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UserError(String message) {
    super(message, null, false, false); // expected: no stack trace to fill
  }

  /**
   * @param cause kept for debugging; its message is not shown unless {@code message} includes it
   */
  public UserError(String message, Throwable cause) {
    super(message, cause, false, false);
  }
}
