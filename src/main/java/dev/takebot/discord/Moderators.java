package dev.takebot.discord;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Role;

/**
 * Who counts as a moderator: members with Manage Messages (administrators included), or with one of the
 * configured moderator roles (by name, case-insensitive, or by id). Discord's default command permissions
 * only hide commands and server admins can override them, so the bot checks again.
 */
final class Moderators {
  private final Set<String> roles;

  Moderators(List<String> roles) {
    this.roles = roles == null ? Set.of()
        : roles.stream().map(r -> r.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
  }

  boolean isModerator(Member member) {
    if (member == null) {
      return false;
    }
    if (member.hasPermission(Permission.MESSAGE_MANAGE)) {
      return true;
    }
    for (Role r : member.getRoles()) {
      if (roles.contains(r.getName().toLowerCase(Locale.ROOT)) || roles.contains(r.getId())) {
        return true;
      }
    }
    return false;
  }

  /** The answer to a member who may not do {@code action} (e.g. "post articles"). */
  String refusal(String action) {
    return roles.isEmpty()
        ? "Only moderators can " + action + ": you need the Manage Messages permission."
        : "Only moderators can " + action + ": you need the Manage Messages permission or one of the roles "
            + String.join(", ", roles) + ".";
  }
}
