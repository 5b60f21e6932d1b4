package dev.takebot.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The guilds the sandbox serves, first one first. Routes and scenario steps name a channel, a role
 * or a guild id, never a guild object, so every resource finds its guild here. Confined to the
 * {@link EngineLoop}.
 */
final class Guilds {
  private final Map<String, GuildModel> byId = new LinkedHashMap<>();

  GuildModel add(GuildModel guild) {
    byId.put(guild.id, guild);
    return guild;
  }

  /** The first guild, which the single-guild API ({@code guildId()}, {@code news()}…) names. */
  GuildModel first() {
    return byId.values().iterator().next();
  }

  List<GuildModel> all() {
    return new ArrayList<>(byId.values());
  }

  /** The guild with this id, or {@code null}. */
  GuildModel byId(String id) {
    return byId.get(id);
  }

  /** The guild with this id; Discord's Unknown Guild otherwise. */
  GuildModel known(String id) {
    GuildModel g = byId.get(id);
    if (g == null) {
      throw new ApiException(404, 10004, "Unknown Guild");
    }
    return g;
  }

  /**
   * The guild a channel or thread belongs (or belonged) to; Discord's Unknown Channel otherwise. A
   * deleted thread keeps its guild, so late events about its messages still carry a guild id.
   */
  GuildModel ofChannel(String channelId) {
    for (GuildModel g : byId.values()) {
      if (g.channelIds.contains(channelId)) {
        return g;
      }
    }
    throw ApiException.unknownChannel();
  }

  /** The guild holding this role (the {@code @everyone} role's id is the guild id). */
  GuildModel ofRole(String roleId) {
    for (GuildModel g : byId.values()) {
      if (g.roles.containsKey(roleId)) {
        return g;
      }
    }
    throw new IllegalArgumentException("no role " + roleId);
  }

  /**
   * The guild a member (other than the bot, which is in all of them) belongs to; members are per
   * guild here.
   */
  GuildModel ofMember(String memberId) {
    for (GuildModel g : byId.values()) {
      if (g.members.containsKey(memberId) && !memberId.equals(g.bot.id())) {
        return g;
      }
    }
    return first();
  }

  /** The bot's user (same id in every guild; its roles differ per guild). */
  Member bot() {
    return first().bot;
  }
}
