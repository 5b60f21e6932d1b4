package dev.takebot.discord;

import dev.takebot.takes.settings.GuildSettings;
import dev.takebot.takes.settings.SettingsService;
import java.util.List;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.events.role.RoleDeleteEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import org.jetbrains.annotations.NotNull;

/**
 * Who counts as a moderator in each server, kept free of deleted roles: a server's own moderator
 * roles (chosen in {@code /takebot settings}, by id) when some still exist, else the configured
 * ones. A deleted role is dropped from the server's settings when Discord says so
 * (GUILD_ROLE_DELETE), and on the next read for roles deleted while the bot was offline (its
 * GUILD_CREATE no longer lists them). Without this, a server whose chosen roles were all deleted
 * kept their stale ids, and its moderators lost access.
 */
final class ServerModerators extends ListenerAdapter {
  private final SettingsService settings;
  private final Moderators configured;

  ServerModerators(SettingsService settings) {
    this.settings = settings;
    this.configured = new Moderators(settings.defaults().moderatorRoles());
  }

  /** Who counts as a moderator in {@code guild} ({@code null}: outside a server). */
  Moderators of(Guild guild) {
    if (guild == null) {
      return configured;
    }
    List<String> roles = current(guild).moderatorRoles();
    return roles.equals(settings.defaults().moderatorRoles()) ? configured : new Moderators(roles);
  }

  /**
   * The server's settings in effect, after dropping chosen moderator roles that no longer exist.
   */
  GuildSettings current(Guild guild) {
    GuildSettings s = settings.get(guild.getIdLong());
    if (s.moderatorRoles().equals(settings.defaults().moderatorRoles())) {
      return s; // the configured roles: not the server's to drop
    }
    List<Long> gone =
        s.moderatorRoles().stream()
            .filter(Moderators::isId)
            .map(id -> Long.parseUnsignedLong(id.strip()))
            .filter(id -> guild.getRoleById(id) == null)
            .toList();
    if (gone.isEmpty() || !settings.forgetModeratorRoles(guild.getIdLong(), gone)) {
      return s;
    }
    return settings.get(guild.getIdLong());
  }

  /**
   * Whether the configured roles apply because every role the server chose was deleted, for the
   * settings view to say so.
   */
  boolean chosenRolesDeleted(Guild guild) {
    return settings.moderatorRolesDeleted(guild.getIdLong());
  }

  @Override
  public void onRoleDelete(@NotNull RoleDeleteEvent event) {
    long guild = event.getGuild().getIdLong();
    // One cached read for any role; a write only for a role the server chose (a rare, short one).
    if (settings.get(guild).moderatorRoles().contains(event.getRole().getId())) {
      settings.forgetModeratorRoles(guild, List.of(event.getRole().getIdLong()));
    }
  }
}
