package dev.takebot.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What moderators and Discord change in the guild during a test — members, roles, channels,
 * overwrites, time-outs, the bot's removal — with the dispatches the bot sees. Confined to the
 * {@link EngineLoop}.
 */
final class GuildChanges {
  private final ObjectMapper json;
  private final Clock clock;
  private final Snowflakes ids;
  private final Guilds guilds;
  private final Gateway gateway;

  GuildChanges(ObjectMapper json, Clock clock, Snowflakes ids, Guilds guilds, Gateway gateway) {
    this.json = json;
    this.clock = clock;
    this.ids = ids;
    this.guilds = guilds;
    this.gateway = gateway;
  }

  Member addMember(GuildModel guild, String name, Role... roles) {
    List<String> roleIds = new ArrayList<>();
    for (Role r : roles) {
      if (!guild.roles.containsKey(r.id())) {
        throw new IllegalArgumentException("unknown role " + r.name());
      }
      if (!r.id().equals(guild.id)) {
        roleIds.add(r.id());
      }
    }
    Member m = guild.putMember(new Member(ids.next(), name, roleIds, false, clock.instant()));
    ObjectNode d = guild.memberJson(json, m, true);
    d.put("guild_id", guild.id);
    gateway.dispatch("GUILD_MEMBER_ADD", d, Gateway.GUILD_MEMBERS);
    return m;
  }

  /** The server's community language changes (GUILD_UPDATE, as Discord sends it). */
  void setPreferredLocale(GuildModel guild, String locale) {
    guild.preferredLocale = java.util.Objects.requireNonNull(locale, "locale");
    gateway.dispatch("GUILD_UPDATE", guild.guildCreateJson(json), Gateway.GUILDS);
  }

  Role addRole(GuildModel guild, String name, long permissions) {
    int position = guild.roles.values().stream().mapToInt(Role::position).max().orElse(0) + 1;
    Role r = guild.putRole(new Role(ids.next(), name, position, permissions, 0, false));
    return announceRole("GUILD_ROLE_CREATE", r);
  }

  Role setRolePermissions(Role role, long permissions) {
    GuildModel guild = guilds.ofRole(role.id());
    Role old = guild.roles.get(role.id());
    if (old == null) {
      throw new IllegalArgumentException("unknown role " + role.name());
    }
    return announceRole(
        "GUILD_ROLE_UPDATE",
        guild.putRole(
            new Role(
                old.id(), old.name(), old.position(), permissions, old.color(), old.managed())));
  }

  /**
   * Deletes a role as Discord does: members lose it, channels lose its overwrites, and the bot gets
   * GUILD_ROLE_DELETE with only the ids (no member or channel updates: clients drop it themselves).
   */
  void deleteRole(Role role) {
    GuildModel guild = guilds.ofRole(role.id());
    if (role.id().equals(guild.id) || role.managed()) {
      throw new IllegalArgumentException("Discord refuses to delete " + role.name());
    }
    if (guild.roles.remove(role.id()) == null) {
      throw new IllegalArgumentException("unknown role " + role.name());
    }
    for (Member m : List.copyOf(guild.members.values())) {
      if (m.roleIds().contains(role.id())) {
        List<String> kept = new ArrayList<>(m.roleIds());
        kept.remove(role.id());
        guild.putMember(new Member(m.id(), m.name(), kept, m.bot(), m.joinedAt()));
      }
    }
    for (GuildModel.ChannelData c : guild.channels.values()) {
      c.overwrites.removeIf(o -> o.type() == 0 && o.id().equals(role.id()));
    }
    ObjectNode d = json.createObjectNode();
    d.put("guild_id", guild.id);
    d.put("role_id", role.id());
    gateway.dispatch("GUILD_ROLE_DELETE", d, Gateway.GUILDS);
  }

  private Role announceRole(String event, Role r) {
    GuildModel guild = guilds.ofRole(r.id());
    ObjectNode d = json.createObjectNode();
    d.put("guild_id", guild.id);
    d.set("role", guild.roleJson(json, r));
    gateway.dispatch(event, d, Gateway.GUILDS);
    return r;
  }

  /**
   * Adds a text channel with the given overwrites (CHANNEL_CREATE, with them, as Discord sends it).
   */
  Channel addTextChannel(GuildModel guild, String name, List<GuildModel.Overwrite> overwrites) {
    int position =
        guild.channels.values().stream()
                .filter(c -> !c.channel.isThread())
                .mapToInt(c -> c.position)
                .max()
                .orElse(0)
            + 1;
    Channel ch =
        guild.putChannel(
            new Channel(ids.next(), name, Channel.GUILD_TEXT, null, null),
            position,
            "",
            clock.instant());
    GuildModel.ChannelData data = guild.channels.get(ch.id());
    data.overwrites.addAll(overwrites);
    gateway.dispatch("CHANNEL_CREATE", guild.channelJson(json, data, true), Gateway.GUILDS);
    return ch;
  }

  /**
   * Times a member out until {@code until}, or lifts the time-out when it is null
   * (GUILD_MEMBER_UPDATE).
   */
  void timeOut(Member member, Instant until) {
    GuildModel guild = guilds.ofMember(member.id());
    Member m = guild.members.get(member.id());
    if (m == null) {
      throw new IllegalArgumentException("not a member: " + member.name());
    }
    if (until == null) {
      guild.timeouts.remove(m.id());
    } else {
      guild.timeouts.put(m.id(), until);
    }
    ObjectNode d = guild.memberJson(json, m, true);
    d.put("guild_id", guild.id);
    gateway.dispatch("GUILD_MEMBER_UPDATE", d, Gateway.GUILD_MEMBERS);
  }

  /** Sets (replaces) one member's permission overwrite on a channel (CHANNEL_UPDATE). */
  void setMemberOverwrite(String channelId, Member member, long allow, long deny) {
    GuildModel guild = guilds.ofChannel(channelId);
    GuildModel.ChannelData c = guild.channelData(channelId);
    if (c.channel.isThread()) {
      throw new IllegalArgumentException(
          "threads have no overwrites of their own; use the parent channel");
    }
    c.overwrites.removeIf(o -> o.type() == 1 && o.id().equals(member.id()));
    c.overwrites.add(new GuildModel.Overwrite(member.id(), 1, allow, deny));
    gateway.dispatch("CHANNEL_UPDATE", guild.channelJson(json, c, true), Gateway.GUILDS);
  }

  /**
   * GUILD_DELETE without {@code unavailable}: Discord's word that the bot was removed from the
   * guild (or the guild deleted). Only the dispatch: the sandbox's REST side goes on answering as
   * before.
   */
  void removeBot(GuildModel guild) {
    ObjectNode d = json.createObjectNode();
    d.put("id", guild.id);
    gateway.dispatch("GUILD_DELETE", d, Gateway.GUILDS);
  }

  /** GUILD_CREATE for a guild the client had left: the bot was added back. */
  void addBotBack(GuildModel guild) {
    gateway.dispatch("GUILD_CREATE", guild.guildCreateJson(json), Gateway.GUILDS);
  }

  /** {@code GET channels/{c}} as the bot sees it. */
  ObjectNode channelJson(String channelId) {
    GuildModel guild = guilds.ofChannel(channelId);
    GuildModel.ChannelData c = guild.channelData(channelId);
    if (!Permissions.has(guild.permissions(guild.bot, channelId), Permissions.VIEW_CHANNEL)) {
      throw ApiException.missingAccess();
    }
    return guild.channelJson(json, c, true);
  }
}
