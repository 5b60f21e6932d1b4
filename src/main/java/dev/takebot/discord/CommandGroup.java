package dev.takebot.discord;

import java.util.Collection;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/**
 * TakeBot's top-level slash commands. Discord sets default permissions per top-level command, so
 * the moderator-only subcommands live under {@code /article} and the managers' ones under {@code
 * /takebot}.
 */
enum CommandGroup {
  ARTICLE(
      "article",
      "Post news articles for discussion (moderators)",
      DefaultMemberPermissions.enabledFor(Permission.MESSAGE_MANAGE)),
  FEED(
      "feed",
      "Follow news feeds and post their new items (moderators)",
      DefaultMemberPermissions.enabledFor(Permission.MESSAGE_MANAGE)),
  TAKES("takes", "Members' takes on posted articles", DefaultMemberPermissions.ENABLED),
  TAKEBOT(
      "takebot",
      "TakeBot's settings for this server (Manage Server)",
      DefaultMemberPermissions.enabledFor(Permission.MANAGE_SERVER));

  private final String commandName;
  private final String description;
  private final DefaultMemberPermissions permissions;

  CommandGroup(String commandName, String description, DefaultMemberPermissions permissions) {
    this.commandName = commandName;
    this.description = description;
    this.permissions = permissions;
  }

  String commandName() {
    return commandName;
  }

  SlashCommandData build(Collection<SubcommandData> subcommands) {
    return Commands.slash(commandName, description)
        .setContexts(InteractionContextType.GUILD)
        .setDefaultPermissions(permissions)
        .addSubcommands(subcommands);
  }
}
