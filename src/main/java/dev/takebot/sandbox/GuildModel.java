package dev.takebot.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One guild the sandbox serves: roles, members, channels, threads and the permission arithmetic.
 * Each guild has its own; the bot's user is the same in all. Confined to the {@link EngineLoop}
 * like the rest of the sandbox's state.
 */
final class GuildModel {
  /**
   * The server's community language, as Discord names it (en-US, fr…); set by {@link GuildChanges}.
   */
  String preferredLocale = "en-US";

  /** Mutable per-channel state next to the immutable {@link Channel} view. */
  static final class ChannelData {
    Channel channel;
    final int position;
    final String topic;
    final List<Overwrite> overwrites = new ArrayList<>();
    final Instant createdAt;
    String lastMessageId;
    int messageCount;
    int totalMessageSent;
    int autoArchiveDuration = 1440;
    boolean archived;
    boolean locked;
    Instant archiveTimestamp;
    final Set<String> threadMembers = new LinkedHashSet<>();
    final Map<String, Instant> threadJoinedAt = new LinkedHashMap<>();

    ChannelData(Channel channel, int position, String topic, Instant createdAt) {
      this.channel = channel;
      this.position = position;
      this.topic = topic;
      this.createdAt = createdAt;
      this.archiveTimestamp = createdAt;
    }
  }

  /** A permission overwrite; type 0 = role, 1 = member. */
  record Overwrite(String id, int type, long allow, long deny) {}

  final String id;
  final String name;
  final Instant createdAt;
  final Map<String, Role> roles = new LinkedHashMap<>();
  final Map<String, Member> members = new LinkedHashMap<>();
  final Map<String, ChannelData> channels = new LinkedHashMap<>();

  /** Every channel and thread ever created here, deleted ones too, to route late events. */
  final Set<String> channelIds = new HashSet<>();

  /** Members in time-out, with when it ends; a time-out counts until it is lifted. */
  final Map<String, Instant> timeouts = new LinkedHashMap<>();

  final Member bot;
  final Member owner;
  final Role everyone;
  final Role moderator;
  final Role botRole;
  final Channel news;
  final Channel general;
  final Channel readOnly;

  GuildModel(String id, String name, Snowflakes ids, String botId, String botName, Instant now) {
    this.id = id;
    this.name = name;
    this.createdAt = now;
    this.everyone = putRole(new Role(id, "@everyone", 0, Permissions.EVERYONE_DEFAULT, 0, false));
    this.moderator =
        putRole(
            new Role(
                ids.next(),
                "Moderator",
                2,
                Permissions.EVERYONE_DEFAULT
                    | Permissions.MANAGE_MESSAGES
                    | Permissions.MANAGE_THREADS,
                0x3498DB,
                false));
    this.botRole = putRole(new Role(ids.next(), botName, 1, Permissions.BOT_DEFAULT, 0, true));
    this.owner = putMember(new Member(ids.next(), "owner", List.of(moderator.id()), false, now));
    this.bot = putMember(new Member(botId, botName, List.of(botRole.id()), true, now));
    this.news =
        putChannel(
            new Channel(ids.next(), "news", Channel.GUILD_TEXT, null, null),
            0,
            "Articles posted by the bot",
            now);
    this.general =
        putChannel(
            new Channel(ids.next(), "general", Channel.GUILD_TEXT, null, null),
            1,
            "Anything goes",
            now);
    this.readOnly =
        putChannel(
            new Channel(ids.next(), "read-only", Channel.GUILD_TEXT, null, null),
            2,
            "Announcements; only moderators write here",
            now);
    long noWriting =
        Permissions.SEND_MESSAGES
            | Permissions.SEND_MESSAGES_IN_THREADS
            | Permissions.CREATE_PUBLIC_THREADS
            | Permissions.CREATE_PRIVATE_THREADS;
    ChannelData ro = channels.get(readOnly.id());
    ro.overwrites.add(new Overwrite(everyone.id(), 0, 0, noWriting));
    ro.overwrites.add(new Overwrite(moderator.id(), 0, noWriting, 0));
  }

  Role putRole(Role role) {
    roles.put(role.id(), role);
    return role;
  }

  Member putMember(Member member) {
    members.put(member.id(), member);
    return member;
  }

  Channel putChannel(Channel channel, int position, String topic, Instant now) {
    channels.put(channel.id(), new ChannelData(channel, position, topic, now));
    channelIds.add(channel.id());
    return channel;
  }

  /**
   * Guild-wide permissions: {@code @everyone} plus every held role; administrators and the owner
   * get all.
   */
  long basePermissions(Member member) {
    if (member.id().equals(owner.id())) {
      return Permissions.ALL;
    }
    long p = everyone.permissions();
    for (String roleId : member.roleIds()) {
      Role r = roles.get(roleId);
      if (r != null) {
        p |= r.permissions();
      }
    }
    return Permissions.has(p, Permissions.ADMINISTRATOR) ? Permissions.ALL : p;
  }

  /**
   * Effective permissions in a channel, following Discord's overwrite order; threads inherit their
   * parent's.
   */
  long permissions(Member member, String channelId) {
    ChannelData c = channels.get(channelId);
    if (c == null) {
      return 0;
    }
    if (c.channel.isThread()) {
      c = channels.get(c.channel.parentId());
    }
    long p = basePermissions(member);
    if (Permissions.has(p, Permissions.ADMINISTRATOR)) {
      return Permissions.ALL;
    }
    long roleAllow = 0;
    long roleDeny = 0;
    Overwrite memberOverwrite = null;
    for (Overwrite o : c.overwrites) {
      if (o.type() == 0 && o.id().equals(id)) {
        p = (p & ~o.deny()) | o.allow();
      } else if (o.type() == 0 && member.roleIds().contains(o.id())) {
        roleAllow |= o.allow();
        roleDeny |= o.deny();
      } else if (o.type() == 1 && o.id().equals(member.id())) {
        memberOverwrite = o;
      }
    }
    p = (p & ~roleDeny) | roleAllow;
    if (memberOverwrite != null) {
      p = (p & ~memberOverwrite.deny()) | memberOverwrite.allow();
    }
    if (!Permissions.has(p, Permissions.VIEW_CHANNEL)) {
      return 0;
    }
    if (timeouts.containsKey(member.id())) {
      // Discord: a timed-out member keeps only View Channel and Read Message History.
      p &= Permissions.VIEW_CHANNEL | Permissions.READ_MESSAGE_HISTORY;
    }
    if (!Permissions.has(p, Permissions.SEND_MESSAGES)) {
      // Discord: without Send Messages the dependent text permissions are void too.
      p &= ~(Permissions.MENTION_EVERYONE | Permissions.EMBED_LINKS | Permissions.ATTACH_FILES);
    }
    return p;
  }

  /** The channel or thread; Discord's Unknown Channel otherwise. */
  ChannelData channelData(String channelId) {
    ChannelData c = channels.get(channelId);
    if (c == null) {
      throw ApiException.unknownChannel();
    }
    return c;
  }

  /**
   * Discord's refusal when the bot lacks {@code permission} in the channel: 50001 unseen, 50013
   * otherwise.
   */
  void requireBot(String channelId, long permission) {
    long p = permissions(bot, channelId);
    if (!Permissions.has(p, Permissions.VIEW_CHANNEL)) {
      throw ApiException.missingAccess();
    }
    if (!Permissions.has(p, permission)) {
      throw ApiException.missingPermissions();
    }
  }

  /**
   * The permission a member needs to post in the channel: Send Messages, or Send Messages in
   * Threads.
   */
  long sendPermission(String channelId) {
    ChannelData c = channels.get(channelId);
    return c != null && c.channel.isThread()
        ? Permissions.SEND_MESSAGES_IN_THREADS
        : Permissions.SEND_MESSAGES;
  }

  List<Role> sortedRoles() {
    return roles.values().stream()
        .sorted((a, b) -> Integer.compare(a.position(), b.position()))
        .toList();
  }

  // ---- JSON ----

  ObjectNode userJson(ObjectMapper json, Member m) {
    ObjectNode u = json.createObjectNode();
    u.put("id", m.id());
    u.put("username", m.name());
    u.put("discriminator", "0");
    u.put("global_name", m.name());
    u.putNull("avatar");
    if (m.bot()) {
      u.put("bot", true);
    }
    u.put("public_flags", 0);
    return u;
  }

  ObjectNode memberJson(ObjectMapper json, Member m, boolean withUser) {
    ObjectNode n = json.createObjectNode();
    if (withUser) {
      n.set("user", userJson(json, m));
    }
    ArrayNode roleIds = n.putArray("roles");
    m.roleIds().forEach(roleIds::add);
    n.put("joined_at", Timestamps.format(m.joinedAt()));
    n.putNull("nick");
    n.putNull("avatar");
    n.putNull("premium_since");
    n.put("deaf", false);
    n.put("mute", false);
    n.put("flags", 0);
    n.put("pending", false);
    Instant timedOutUntil = timeouts.get(m.id());
    if (timedOutUntil == null) {
      n.putNull("communication_disabled_until");
    } else {
      n.put("communication_disabled_until", Timestamps.format(timedOutUntil));
    }
    return n;
  }

  ObjectNode roleJson(ObjectMapper json, Role r) {
    ObjectNode n = json.createObjectNode();
    n.put("id", r.id());
    n.put("name", r.name());
    n.put("color", r.color());
    ObjectNode colors = n.putObject("colors");
    colors.put("primary_color", r.color());
    colors.putNull("secondary_color");
    colors.putNull("tertiary_color");
    n.put("hoist", false);
    n.put("position", r.position());
    n.put("permissions", Long.toString(r.permissions()));
    n.put("managed", r.managed());
    n.put("mentionable", false);
    n.put("flags", 0);
    if (r.managed()) {
      n.putObject("tags").put("bot_id", bot.id());
    }
    return n;
  }

  ObjectNode channelJson(ObjectMapper json, ChannelData c, boolean withGuildId) {
    ObjectNode n = json.createObjectNode();
    Channel ch = c.channel;
    n.put("id", ch.id());
    n.put("type", ch.type());
    if (withGuildId) {
      n.put("guild_id", id);
    }
    n.put("name", ch.name());
    n.put("flags", 0);
    n.put("rate_limit_per_user", 0);
    if (c.lastMessageId != null) {
      n.put("last_message_id", c.lastMessageId);
    }
    if (ch.isThread()) {
      n.put("parent_id", ch.parentId());
      n.put("owner_id", ch.ownerId());
      n.put("message_count", c.messageCount);
      n.put("total_message_sent", c.totalMessageSent);
      n.put("member_count", Math.min(50, c.threadMembers.size()));
      ObjectNode meta = n.putObject("thread_metadata");
      meta.put("archived", c.archived);
      meta.put("auto_archive_duration", c.autoArchiveDuration);
      meta.put("archive_timestamp", Timestamps.format(c.archiveTimestamp));
      meta.put("locked", c.locked);
      meta.put("create_timestamp", Timestamps.format(c.createdAt));
      Instant joined = c.threadJoinedAt.get(bot.id());
      if (joined != null) {
        ObjectNode member = n.putObject("member");
        member.put("id", ch.id());
        member.put("user_id", bot.id());
        member.put("join_timestamp", Timestamps.format(joined));
        member.put("flags", 1);
      }
    } else {
      n.put("position", c.position);
      n.put("topic", c.topic);
      n.put("nsfw", false);
      if (ch.parentId() != null) {
        n.put("parent_id", ch.parentId());
      }
      ArrayNode ows = n.putArray("permission_overwrites");
      for (Overwrite o : c.overwrites) {
        ObjectNode on = ows.addObject();
        on.put("id", o.id());
        on.put("type", o.type());
        on.put("allow", Long.toString(o.allow()));
        on.put("deny", Long.toString(o.deny()));
      }
    }
    return n;
  }

  /** A channel in an interaction's {@code resolved}, with the viewer's permissions in it. */
  ObjectNode resolvedChannelJson(ObjectMapper json, Channel c, Member viewer) {
    ObjectNode n = json.createObjectNode();
    n.put("id", c.id());
    n.put("name", c.name());
    n.put("type", c.type());
    n.put("permissions", Long.toString(permissions(viewer, c.id())));
    if (c.parentId() != null) {
      n.put("parent_id", c.parentId());
    }
    return n;
  }

  /**
   * GUILD_MEMBERS_CHUNK for op 8: by user ids, or by name prefix; one chunk, as the sandbox's guild
   * is small.
   */
  ObjectNode membersChunkJson(ObjectMapper json, JsonNode request) {
    ObjectNode d = json.createObjectNode();
    d.put("guild_id", id);
    Set<String> wanted = new HashSet<>();
    request.path("user_ids").forEach(n -> wanted.add(n.asText()));
    if (request.path("user_ids").isTextual()) {
      wanted.add(request.path("user_ids").asText());
    }
    String query = request.path("query").asText("").toLowerCase(Locale.ROOT);
    ArrayNode found = d.putArray("members");
    ArrayNode notFound = d.putArray("not_found");
    for (Member m : members.values()) {
      if (wanted.isEmpty()
          ? m.name().toLowerCase(Locale.ROOT).startsWith(query)
          : wanted.contains(m.id())) {
        found.add(memberJson(json, m, true));
      }
    }
    for (String userId : wanted) {
      if (!members.containsKey(userId)) {
        notFound.add(userId);
      }
    }
    d.put("chunk_index", 0);
    d.put("chunk_count", 1);
    if (request.hasNonNull("nonce")) {
      d.put("nonce", request.get("nonce").asText());
    }
    return d;
  }

  /** The shard that receives this guild: {@code (guild_id >> 22) % num_shards}, as on Discord. */
  int shard(int numShards) {
    return (int) ((Long.parseUnsignedLong(id) >>> 22) % numShards);
  }

  ObjectNode guildCreateJson(ObjectMapper json) {
    ObjectNode g = json.createObjectNode();
    g.put("id", id);
    g.put("name", name);
    g.putNull("icon");
    g.putNull("splash");
    g.putNull("discovery_splash");
    g.putNull("banner");
    g.putNull("description");
    g.put("owner_id", owner.id());
    g.putNull("afk_channel_id");
    g.put("afk_timeout", 300);
    g.put("verification_level", 1);
    g.put("default_message_notifications", 1);
    g.put("explicit_content_filter", 0);
    g.put("mfa_level", 0);
    g.put("nsfw_level", 0);
    g.put("premium_tier", 0);
    g.put("premium_subscription_count", 0);
    g.put("premium_progress_bar_enabled", false);
    g.put("system_channel_id", general.id());
    g.put("system_channel_flags", 0);
    g.putNull("rules_channel_id");
    g.putNull("public_updates_channel_id");
    g.putNull("safety_alerts_channel_id");
    g.putNull("vanity_url_code");
    g.put("preferred_locale", preferredLocale);
    g.put("max_members", 500000);
    g.put("max_video_channel_users", 25);
    g.put("joined_at", Timestamps.format(bot.joinedAt()));
    g.put("large", false);
    g.put("unavailable", false);
    g.put("lazy", true);
    g.put("member_count", members.size());
    g.putArray("features");
    g.putArray("emojis");
    g.putArray("stickers");
    g.putArray("voice_states");
    g.putArray("presences");
    g.putArray("stage_instances");
    g.putArray("guild_scheduled_events");
    g.putArray("soundboard_sounds");
    g.putArray("embedded_activities");
    ArrayNode roleArray = g.putArray("roles");
    sortedRoles().forEach(r -> roleArray.add(roleJson(json, r)));
    // Like Discord without the presence intent: only the bot's own member is sent.
    g.putArray("members").add(memberJson(json, bot, true));
    ArrayNode channelArray = g.putArray("channels");
    ArrayNode threadArray = g.putArray("threads");
    for (ChannelData c : channels.values()) {
      if (c.channel.isThread()) {
        if (!c.archived) {
          threadArray.add(channelJson(json, c, true));
        }
      } else {
        channelArray.add(channelJson(json, c, false));
      }
    }
    return g;
  }
}
