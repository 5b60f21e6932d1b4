package dev.takebot.discord;

import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.events.interaction.command.MessageContextInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.Commands;

/**
 * A message context-menu command (right click a message, Apps), e.g. "Explain sentiment". Runs on
 * the bot's interaction pool, so it may block.
 */
interface MessageMenuFeature extends Feature {

  /** The name shown in the menu; also how interactions are routed here. */
  String name();

  void execute(MessageContextInteractionEvent event);

  default CommandData command() {
    return Commands.message(name())
        .setContexts(InteractionContextType.GUILD)
        // Discord offers a moderator-only entry only to members with Manage Messages; the router
        // checks again.
        .setDefaultPermissions(
            access().moderatorsOnly()
                ? DefaultMemberPermissions.enabledFor(Permission.MESSAGE_MANAGE)
                : DefaultMemberPermissions.ENABLED);
  }
}
