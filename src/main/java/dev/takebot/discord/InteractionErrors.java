package dev.takebot.discord;

import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.interactions.Interaction;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.restaction.interactions.InteractionCallbackAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that answers a failed interaction: a {@link UserError} with its own message,
 * anything else (a bug, an outage) with a polite ephemeral answer and a log line carrying the
 * interaction id, so a member's report can be matched with the log.
 *
 * <p>Failures are the member's business only. A handler that deferred publicly (a public {@code
 * /takes summary}) left a loading message the whole channel sees: it is deleted and the error goes
 * to the member as an ephemeral follow-up, in their language. Should the deletion fail, the loading
 * message gets a neutral line instead, never the error. Should it be gone already (a moderator
 * deleted it), Discord makes the follow-up a new message too, and the member still gets the error.
 */
final class InteractionErrors {
  private static final Logger log = LoggerFactory.getLogger(InteractionErrors.class);

  /** The answer to a failure that is no {@link UserError}; it names the interaction's id. */
  static final String MESSAGE_KEY = "error.unexpected";

  /**
   * What the channel reads where a public loading message could not be deleted: no error, no
   * reference, only that no answer came.
   */
  static final String WITHDRAWN_KEY = "error.noAnswer";

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
      if (!callback.isAcknowledged()) {
        callback
            .reply(MessageSpecs.text(text))
            .setEphemeral(true)
            .queue(null, e -> couldNotReport(interaction, e));
        return;
      }
      InteractionHook hook = callback.getHook();
      // The original's flags say who sees it and whether it is still the loading message.
      hook.retrieveOriginal()
          .queue(
              original -> answerAfter(interaction, hook, original, text),
              e -> {
                if (gone(e)) {
                  // Someone (a moderator) deleted it: nothing is left in the channel to withdraw.
                  privately(interaction, hook, text);
                } else {
                  answerAfter(interaction, hook, null, text);
                }
              });
    } catch (Throwable e) {
      couldNotReport(interaction, e);
    }
  }

  /**
   * Answers an acknowledged interaction privately, whatever its acknowledgement showed the channel.
   *
   * @param original the original response as Discord has it now; {@code null} when unknown
   */
  private static void answerAfter(
      Interaction interaction, InteractionHook hook, Message original, String text) {
    if (original != null && original.isEphemeral()) {
      // Only the member sees it: the loading message (or private answer) becomes the error.
      hook.editOriginal(MessageSpecs.editText(text))
          .queue(null, e -> couldNotReport(interaction, e));
      return;
    }
    boolean publicLoading =
        original != null
            ? original.getFlags().contains(Message.MessageFlag.LOADING)
            : deferredReply(hook); // unknown: a deferred reply may still be loading publicly
    if (!publicLoading) {
      // A public answer already given (or the message a button is on) stays as it is.
      privately(interaction, hook, text);
      return;
    }
    // Filling the public loading message would show the error to the whole channel. Once it is
    // deleted, Discord makes the next follow-up a new message, which may be ephemeral.
    hook.deleteOriginal()
        .queue(
            done -> privately(interaction, hook, text),
            e -> {
              if (gone(e)) {
                // Deleted meanwhile by someone else: withdrawn all the same.
                privately(interaction, hook, text);
                return;
              }
              log.debug(
                  "Could not delete the loading answer of interaction {}", interaction.getId(), e);
              // Still there: a neutral word for the channel, then the member's own answer.
              hook.editOriginal(
                      MessageSpecs.editText(Readers.guildDiscord(interaction).get(WITHDRAWN_KEY)))
                  .queue(
                      edited -> privately(interaction, hook, text),
                      f -> couldNotReport(interaction, f));
            });
  }

  /** Whether {@code e} says the original response no longer exists (10008 Unknown Message). */
  private static boolean gone(Throwable e) {
    return e instanceof ErrorResponseException r
        && r.getErrorResponse() == ErrorResponse.UNKNOWN_MESSAGE;
  }

  private static boolean deferredReply(InteractionHook hook) {
    return hook.hasCallbackResponse()
        && hook.getCallbackResponse().getResponseType()
            == InteractionCallbackAction.ResponseType.DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE;
  }

  /** A new ephemeral follow-up: only the member sees it. */
  private static void privately(Interaction interaction, InteractionHook hook, String text) {
    hook.sendMessage(MessageSpecs.text(text))
        .setEphemeral(true)
        .queue(null, e -> couldNotReport(interaction, e));
  }

  private static void couldNotReport(Interaction interaction, Throwable e) {
    log.debug("Could not report failure of interaction {}", interaction.getId(), e);
  }
}
