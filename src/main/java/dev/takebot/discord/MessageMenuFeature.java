package dev.takebot.discord;

import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.events.interaction.command.MessageContextInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.Commands;

/**
 * A message context-menu command (right click a message, Apps), e.g. "Explain sentiment". Runs on the
 * bot's interaction pool, so it may block.
 */
interface MessageMenuFeature {

  /** The name shown in the menu; also how interactions are routed here. */
  String name();

  /** Whether Discord should offer it only to members with Manage Messages (the bot checks again). */
  boolean moderatorsOnly();

  void execute(MessageContextInteractionEvent event);

  default CommandData command() {
    return Commands.message(name())
        .setContexts(InteractionContextType.GUILD)
        .setDefaultPermissions(moderatorsOnly() ? DefaultMemberPermissions.enabledFor(Permission.MESSAGE_MANAGE)
            : DefaultMemberPermissions.ENABLED);
  }
}
