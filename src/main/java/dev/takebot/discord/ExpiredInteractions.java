package dev.takebot.discord;

import java.util.function.Consumer;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.RestAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An interaction answered after its 3 s window (a lagging gateway, a slow handler) is refused by
 * Discord as unknown, and its member has already seen "This interaction failed". {@link
 * RestObserver} counts it and logs one warning naming it; everywhere else the refusal is expected,
 * not an error: JDA's default failure handler and {@link InteractionErrors} would otherwise log a
 * stack trace that tells the operator to reset the bot's token.
 */
final class ExpiredInteractions {
  private static final Logger log = LoggerFactory.getLogger(ExpiredInteractions.class);

  private ExpiredInteractions() {}

  /** Whether {@code error} (or what it wraps) is Discord's refusal of an expired interaction. */
  static boolean isExpired(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof ErrorResponseException e
          && e.getErrorResponse() == ErrorResponse.UNKNOWN_INTERACTION) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  /**
   * Makes JDA's default failure handler (for {@code queue()} without one, e.g. a reply) pass over
   * expired interactions, which {@link RestObserver} has already reported. JDA keeps that handler
   * process-wide; installing it twice (several bots in one test JVM) wraps it once.
   */
  static void quietInJdaDefaultFailure() {
    Consumer<? super Throwable> current = RestAction.getDefaultFailure();
    if (!(current instanceof Quiet)) {
      RestAction.setDefaultFailure(new Quiet(current));
    }
  }

  private record Quiet(Consumer<? super Throwable> delegate) implements Consumer<Throwable> {
    @Override
    public void accept(Throwable t) {
      if (isExpired(t)) {
        log.debug("Answer to an expired interaction refused: {}", t.toString());
      } else {
        delegate.accept(t);
      }
    }
  }
}
