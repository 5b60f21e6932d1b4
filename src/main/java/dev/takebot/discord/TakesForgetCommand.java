package dev.takebot.discord;

import dev.takebot.takes.TakeService;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/**
 * {@code /takes forget}, for anyone: deletes every take the member has in this server (their messages
 * stay on Discord; only TakeBot's copy and tags go) and confirms with the count, visible only to them.
 * The store remembers the request, so a later {@link Backfill} does not collect those messages again.
 * Cached summaries of the server's discussions are dropped through {@link TakeService}'s listeners.
 */
final class TakesForgetCommand implements SlashFeature {
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
    return new SubcommandData("forget", "Delete all of your takes in this server from TakeBot's records");
  }

  @Override
  public void execute(SlashCommandInteractionEvent event) {
    InteractionHook hook = event.deferReply(true).complete(); // a member with many takes takes a while
    // The interaction's id is a snowflake of this moment: every message they posted so far is older.
    int n = takes.forgetAuthor(event.getGuild().getIdLong(), event.getUser().getIdLong(), event.getIdLong());
    hook.editOriginal(MessageSpecs.editText(answer(n))).queue();
  }

  static String answer(int forgotten) {
    return switch (forgotten) {
      case 0 -> "TakeBot holds no takes of yours in this server, so there was nothing to forget.";
      case 1 -> "Done: TakeBot forgot your 1 take in this server. Your message itself is still on Discord.";
      default -> "Done: TakeBot forgot your " + forgotten + " takes in this server. Your messages themselves"
          + " are still on Discord.";
    };
  }
}
