package dev.takebot.discord;

import dev.takebot.i18n.Phrase;
import dev.takebot.i18n.Phrased;
import dev.takebot.i18n.Texts;

/**
 * A problem the member can fix (a bad option, a file that is no article, a missing permission),
 * worded for them: {@link InteractionErrors} shows its message as is and logs nothing alarming.
 * Everything else a feature throws is a bug or an outage, answered with a reference to the log; so
 * an invariant failure (an {@link IllegalArgumentException} deep in the code) never reaches a
 * member dressed as advice.
 */
public final class UserError extends RuntimeException implements Phrased {
  private static final long serialVersionUID = 1L;

  /** The message's key in the bundles, or null when it was given as text. */
  private final String key;

  private final transient Object[] args;

  public UserError(String message) {
    this(message, null);
  }

  /**
   * @param cause kept for debugging; its message is not shown unless {@code message} includes it
   */
  public UserError(String message, Throwable cause) {
    super(message, cause, false, false); // expected: no stack trace to fill
    this.key = null;
    this.args = new Object[0];
  }

  private UserError(String key, Object[] args, Throwable cause) {
    super(Texts.english().get(key, resolved(args, Texts.english())), cause, false, false);
    this.key = key;
    this.args = args.clone();
  }

  /**
   * A problem worded in the message bundles, shown in the member's language; {@link #getMessage()}
   * is the English text, for logs.
   *
   * @param namesAndValues the message's arguments as name, value pairs
   */
  static UserError of(String key, Object... namesAndValues) {
    return new UserError(key, namesAndValues, null);
  }

  /** {@link #of} keeping what caused it, for debugging. */
  static UserError caused(Throwable cause, String key, Object... namesAndValues) {
    return new UserError(key, namesAndValues, cause);
  }

  /** The message in the reader's language (the text as given for one made from text). */
  String message(Texts texts) {
    return key == null ? getMessage() : texts.get(key, resolved(args, texts));
  }

  /**
   * The message as a phrase, for code outside this package (a feed's stored error); an argument
   * with its own words in each language is given in English there.
   */
  @Override
  public Phrase phrase() {
    return key == null
        ? Phrase.text(getMessage())
        : Phrase.of(key, resolved(args, Texts.english()));
  }

  /** An argument that has its own words in each language, e.g. a permission's name. */
  @FunctionalInterface
  interface Term {
    String in(Texts texts);
  }

  private static Object[] resolved(Object[] args, Texts texts) {
    Object[] out = args.clone();
    for (int i = 0; i < out.length; i++) {
      if (out[i] instanceof Term t) {
        out[i] = t.in(texts);
      }
    }
    return out;
  }
}
