package dev.takebot.discord;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who counts as a moderator: members with Manage Messages (administrators included), or with one of
 * the configured moderator roles. Discord's default command permissions only hide commands and
 * server admins can override them, so {@link InteractionRouter} checks again for every feature
 * whose {@link Access} says so.
 *
 * <p>A configured entry that is all digits is a role id and matches only the role with that id. Any
 * other entry is a role name, matched case-insensitively: a convenience only, since anyone allowed
 * to create roles can create one with that name, so {@link #warnAboutNames} tells the operator at
 * start-up.
 */
final class Moderators {
  private static final Logger log = LoggerFactory.getLogger(Moderators.class);

  private final Set<Long> ids;
  private final Set<String> names;
  private final List<String> shown;

  Moderators(List<String> roles) {
    List<String> entries =
        roles == null
            ? List.of()
            : roles.stream().map(String::strip).filter(r -> !r.isEmpty()).toList();
    this.ids =
        entries.stream()
            .filter(Moderators::isId)
            .map(Long::parseUnsignedLong)
            .collect(Collectors.toUnmodifiableSet());
    this.names =
        entries.stream()
            .filter(r -> !isId(r))
            .map(r -> r.toLowerCase(Locale.ROOT))
            .collect(Collectors.toUnmodifiableSet());
    // Ids render as role mentions (the client shows the role's name; nothing the bot sends pings).
    this.shown = entries.stream().map(r -> isId(r) ? "<@&" + r + ">" : r).toList();
  }

  /** True for an entry that is a role id (a snowflake: digits only), not a name. */
  static boolean isId(String entry) {
    String e = entry.strip();
    if (e.isEmpty() || e.length() > 20 || !e.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return false;
    }
    try {
      Long.parseUnsignedLong(e);
      return true;
    } catch (NumberFormatException tooBig) {
      return false;
    }
  }

  /**
   * Logs one warning per role configured by name, asking for its id instead; call once at start-up.
   */
  static void warnAboutNames(List<String> roles) {
    if (roles == null) {
      return;
    }
    for (String name : new LinkedHashSet<>(roles)) {
      if (!name.isBlank() && !isId(name)) {
        log.warn(
            "discord.moderatorRoles names the role '{}': anyone allowed to create roles can create one"
                + " with that name and be taken for a moderator. Configure the role's id instead (Server Settings >"
                + " Roles > right-click the role > Copy Role ID, with Developer Mode on).",
            name.strip());
      }
    }
  }

  /**
   * Logs one warning per server whose {@code @everyone} role (whose id is the server's) is
   * configured as a moderator role: taken at its word that would make every member a moderator, so
   * it is ignored, and the operator should hear why it admits no one. Call once connected, with the
   * servers the bot is in.
   */
  static void warnAboutEveryone(List<String> roles, Collection<Guild> guilds) {
    if (roles == null) {
      return;
    }
    Set<Long> configured =
        roles.stream()
            .filter(Moderators::isId)
            .map(r -> Long.parseUnsignedLong(r.strip()))
            .collect(Collectors.toSet());
    for (Guild g : guilds) {
      if (configured.contains(g.getIdLong())) {
        log.warn(
            "discord.moderatorRoles lists {}, the @everyone role of server {} ({}): that would make every"
                + " member a moderator, so it is ignored. Configure the moderators' own role instead.",
            g.getId(),
            g.getName(),
            g.getId());
      }
    }
  }

  boolean isModerator(Member member) {
    if (member == null) {
      return false;
    }
    if (member.hasPermission(Permission.MESSAGE_MANAGE)) {
      return true;
    }
    for (Role r : member.getRoles()) {
      if (r.isPublicRole()) {
        continue; // never a moderator role, see warnAboutEveryone (JDA leaves it out of getRoles
        // anyway)
      }
      if (ids.contains(r.getIdLong()) || names.contains(r.getName().toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  /** The answer to a member who may not do {@code action} (e.g. "post articles"). */
  String refusal(String action) {
    return refusal(action, dev.takebot.i18n.Texts.english());
  }

  /** The refusal in the member's language. */
  String refusal(String action, dev.takebot.i18n.Texts texts) {
    return shown.isEmpty()
        ? texts.get("access.moderators", "action", action)
        : texts.get("access.moderators.roles", "action", action, "roles", String.join(", ", shown));
  }
}
