package dev.takebot.discord;

import dev.takebot.i18n.Texts;
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
    Texts texts = Readers.privately(event);
    hook.editOriginal(MessageSpecs.editText(answer(n, reposts.size(), -1, texts))).queue();
    if (!reposts.isEmpty()) {
      deleteInTurn(event.getJDA(), reposts)
          .thenAccept(
              removed ->
                  hook.editOriginal(
                          MessageSpecs.editText(answer(n, reposts.size(), removed, texts)))
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

  static String answer(int forgotten, int shared, int removed) {
    return answer(forgotten, shared, removed, Texts.english());
  }

  /**
   * @param shared how many of the forgotten takes were the bot's "Share your take" posts
   * @param removed how many of those are deleted from Discord, or -1 while that is under way
   */
  static String answer(int forgotten, int shared, int removed, Texts texts) {
    if (forgotten == 0) {
      return texts.get("forget.none");
    }
    String count = texts.get("forget.done", "count", forgotten);
    if (shared == 0) {
      return count + " " + texts.get("forget.stillOnDiscord", "count", forgotten);
    }
    String posts = texts.get("forget.posts", "shared", shared);
    String own = forgotten > shared ? " " + texts.get("forget.own") : "";
    if (removed < 0) {
      return count + " " + texts.get("forget.deleting", "posts", posts) + own;
    }
    if (removed == shared) {
      return count + " " + texts.get("forget.deleted", "shared", shared) + own;
    }
    if (shared == 1) {
      return count + " " + texts.get("forget.notDeleted") + own;
    }
    return count + " " + texts.get("forget.partly", "removed", removed, "posts", posts) + own;
  }
}
