package dev.takebot.discord;

import net.dv8tion.jda.api.interactions.Interaction;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that turns an unexpected failure in an interaction into a polite ephemeral answer and a
 * log line carrying the interaction id, so a member's report can be matched with the log.
 */
final class InteractionErrors {
  private static final Logger log = LoggerFactory.getLogger(InteractionErrors.class);
  static final String MESSAGE = "Something went wrong while handling this. It has been logged (reference %s).";

  private InteractionErrors() {}

  static void handle(Interaction interaction, Throwable error) {
    log.error("Interaction {} (type {}, user {}, guild {}) failed", interaction.getId(),
        interaction.getType(), interaction.getUser().getId(),
        interaction.getGuild() == null ? "-" : interaction.getGuild().getId(), error);
    if (!(interaction instanceof IReplyCallback callback)) {
      return; // autocomplete: nothing to answer
    }
    String text = String.format(MESSAGE, interaction.getId());
    try {
      if (callback.isAcknowledged()) {
        // Every handler acknowledges by deferring, so the original response is the loading message.
        callback.getHook().editOriginal(MessageSpecs.editText(text))
            .queue(null, e -> log.debug("Could not report failure of interaction {}", interaction.getId(), e));
      } else {
        callback.reply(MessageSpecs.text(text)).setEphemeral(true)
            .queue(null, e -> log.debug("Could not report failure of interaction {}", interaction.getId(), e));
      }
    } catch (Throwable e) {
      log.debug("Could not report failure of interaction {}", interaction.getId(), e);
    }
  }
}
