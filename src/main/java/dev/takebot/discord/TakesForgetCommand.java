package dev.takebot.discord;

import dev.takebot.takes.ForgetResult;
import dev.takebot.takes.TakeService;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.requests.ErrorResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /takes forget}, for anyone: deletes every take the member has in this server (their
 * messages stay on Discord; only TakeBot's copy and tags go) and confirms with the count, visible
 * only to them. The store remembers the request, so a later {@link Backfill} does not collect those
 * messages again. Cached summaries of the server's discussions are dropped through {@link
 * TakeService}'s listeners.
 *
 * <p>The posts the bot made for the member through "Share your take" are the bot's messages, which
 * the member cannot delete, so this deletes them too: one request at a time (JDA waits out rate
 * limits), after the answer, which is then edited to say how many went.
 */
final class TakesForgetCommand implements SlashFeature {
  private static final Logger log = LoggerFactory.getLogger(TakesForgetCommand.class);

  private final TakeService takes;

  TakesForgetCommand(BotContext ctx) {
    this.takes = ctx.takes();
  }

  @Override
  public CommandGroup group() {
    return CommandGroup.TAKES;
  }

  @Override
  public SubcommandData subcommand() {
    return new SubcommandData(
        "forget", "Delete all of your takes in this server from TakeBot's records");
  }

  @Override
  public void execute(SlashCommandInteractionEvent event) {
    InteractionHook hook =
        event.deferReply(true).complete(); // a member with many takes takes a while
    // The interaction's id is a snowflake of this moment: every message they posted so far is
    // older.
    ForgetResult result =
        takes
            .privacy()
            .forget(event.getGuild().getIdLong(), event.getUser().getIdLong(), event.getIdLong());
    int n = result.takes();
    List<ForgetResult.Repost> reposts = result.reposts();
    hook.editOriginal(MessageSpecs.editText(answer(n, reposts.size(), -1))).queue();
    if (!reposts.isEmpty()) {
      deleteInTurn(event.getJDA(), reposts)
          .thenAccept(
              removed ->
                  hook.editOriginal(MessageSpecs.editText(answer(n, reposts.size(), removed)))
                      .queue(
                          null,
                          failure ->
                              log.debug(
                                  "Could not update the forget answer: {}", failure.toString())));
    }
  }

  /**
   * Deletes the bot's reposts one after the other, never more than one request in flight.
   *
   * @return how many are gone from Discord (an already deleted one counts)
   */
  static CompletableFuture<Integer> deleteInTurn(JDA jda, List<ForgetResult.Repost> reposts) {
    CompletableFuture<Integer> chain = CompletableFuture.completedFuture(0);
    for (ForgetResult.Repost r : reposts) {
      chain =
          chain.thenCompose(
              removed -> delete(jda, r).thenApply(gone -> gone ? removed + 1 : removed));
    }
    return chain;
  }

  private static CompletableFuture<Boolean> delete(JDA jda, ForgetResult.Repost repost) {
    GuildMessageChannel channel = jda.getChannelById(GuildMessageChannel.class, repost.channelId());
    if (channel == null) {
      log.info(
          "Shared take {} not deleted: channel {} is not visible to the bot",
          repost.messageId(),
          repost.channelId());
      return CompletableFuture.completedFuture(false);
    }
    try {
      return channel
          .deleteMessageById(repost.messageId())
          .submit()
          .handle(
              (ok, failure) -> {
                if (failure == null
                    || failure instanceof ErrorResponseException e
                        && e.getErrorResponse() == ErrorResponse.UNKNOWN_MESSAGE) {
                  return true;
                }
                log.info("Shared take {} not deleted: {}", repost.messageId(), failure.toString());
                return false;
              });
    } catch (RuntimeException e) { // e.g. a permission JDA checks before sending
      log.info("Shared take {} not deleted: {}", repost.messageId(), e.toString());
      return CompletableFuture.completedFuture(false);
    }
  }

  static String answer(int forgotten) {
    return answer(forgotten, 0, 0);
  }

  /**
   * @param shared how many of the forgotten takes were the bot's "Share your take" posts
   * @param removed how many of those are deleted from Discord, or -1 while that is under way
   */
  static String answer(int forgotten, int shared, int removed) {
    String count =
        switch (forgotten) {
          case 0 ->
              "TakeBot holds no takes of yours in this server, so there was nothing to forget.";
          case 1 -> "Done: TakeBot forgot your 1 take in this server.";
          default -> "Done: TakeBot forgot your " + forgotten + " takes in this server.";
        };
    if (forgotten == 0) {
      return count;
    }
    if (shared == 0) {
      return count
          + (forgotten == 1
              ? " Your message itself is still on Discord."
              : " Your messages themselves are still on Discord.");
    }
    String posts =
        shared == 1
            ? "the post TakeBot made for you with \"Share your take\""
            : "the " + shared + " posts TakeBot made for you with \"Share your take\"";
    String own = forgotten > shared ? " Messages you wrote yourself are still on Discord." : "";
    if (removed < 0) {
      return count + " Deleting " + posts + "…" + own;
    }
    if (removed == shared) {
      return count
          + " "
          + (shared == 1 ? "The post" : "All " + shared + " posts")
          + " TakeBot made for you"
          + " with \"Share your take\" "
          + (shared == 1 ? "was" : "were")
          + " deleted."
          + own;
    }
    if (shared == 1) {
      return count
          + " The post TakeBot made for you with \"Share your take\" could not be deleted; ask a"
          + " moderator to remove it."
          + own;
    }
    return count
        + " "
        + removed
        + " of "
        + posts
        + " could be deleted; ask a moderator to remove the"
        + " rest."
        + own;
  }
}
