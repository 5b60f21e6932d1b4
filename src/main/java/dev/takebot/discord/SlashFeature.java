package dev.takebot.discord;

import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/**
 * One slash subcommand, e.g. {@code /article post}. Runs on the bot's interaction pool, so it may
 * block.
 */
interface SlashFeature extends Feature {

  /** The top-level command it belongs to, see {@link CommandGroup}. */
  CommandGroup group();

  SubcommandData subcommand();

  void execute(SlashCommandInteractionEvent event);

  default void autoComplete(CommandAutoCompleteInteractionEvent event) {
    event.replyChoices().queue();
  }

  default String fullName() {
    return group().commandName() + " " + subcommand().getName();
  }
}
