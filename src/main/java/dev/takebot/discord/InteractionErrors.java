package dev.takebot.discord;

import net.dv8tion.jda.api.interactions.Interaction;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that answers a failed interaction: a {@link UserError} with its own message,
 * anything else (a bug, an outage) with a polite ephemeral answer and a log line carrying the
 * interaction id, so a member's report can be matched with the log.
 */
final class InteractionErrors {
  private static final Logger log = LoggerFactory.getLogger(InteractionErrors.class);

  /** The answer to a failure that is no {@link UserError}; it names the interaction's id. */
  static final String MESSAGE_KEY = "error.unexpected";

  private InteractionErrors() {}

  static void handle(Interaction interaction, Throwable error) {
    if (ExpiredInteractions.isExpired(error)) {
      // Too late to answer at all: RestObserver counted it and warned, naming the interaction.
      log.debug("Interaction {} expired before it could be answered", interaction.getId());
      return;
    }
    if (error instanceof UserError userError) {
      log.debug("Interaction {} refused: {}", interaction.getId(), userError.getMessage());
      answer(interaction, userError.message(Readers.privately(interaction)));
      return;
    }
    log.error(
        "Interaction {} (type {}, user {}, guild {}) failed",
        interaction.getId(),
        interaction.getType(),
        interaction.getUser().getId(),
        interaction.getGuild() == null ? "-" : interaction.getGuild().getId(),
        error);
    answer(
        interaction,
        Readers.privately(interaction).get(MESSAGE_KEY, "reference", interaction.getId()));
  }

  private static void answer(Interaction interaction, String text) {
    if (!(interaction instanceof IReplyCallback callback)) {
      return; // autocomplete: nothing to answer
    }
    try {
      if (callback.isAcknowledged()) {
        // Every handler acknowledges by deferring, so the original response is the loading message.
        callback
            .getHook()
            .editOriginal(MessageSpecs.editText(text))
            .queue(
                null,
                e ->
                    log.debug(
                        "Could not report failure of interaction {}", interaction.getId(), e));
      } else {
        callback
            .reply(MessageSpecs.text(text))
            .setEphemeral(true)
            .queue(
                null,
                e ->
                    log.debug(
                        "Could not report failure of interaction {}", interaction.getId(), e));
      }
    } catch (Throwable e) {
      log.debug("Could not report failure of interaction {}", interaction.getId(), e);
    }
  }
}
