package dev.takebot.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Threads: started from a message or on their own, edited, joined, archived, locked and deleted,
 * with their THREAD_* dispatches. Confined to the {@link EngineLoop}.
 */
final class Threads {
  private final ObjectMapper json;
  private final Clock clock;
  private final Snowflakes ids;
  private final Guilds guilds;
  private final Gateway gateway;
  private final Messages messages;
  private final List<String> order = new ArrayList<>();

  Threads(
      ObjectMapper json,
      Clock clock,
      Snowflakes ids,
      Guilds guilds,
      Gateway gateway,
      Messages messages) {
    this.json = json;
    this.clock = clock;
    this.ids = ids;
    this.guilds = guilds;
    this.gateway = gateway;
    this.messages = messages;
  }

  /** Threads created so far and not deleted, in creation order. */
  List<Channel> all() {
    return order.stream().map(id -> guilds.ofChannel(id).channels.get(id).channel).toList();
  }

  /** {@code POST channels/{c}/messages/{m}/threads}; members start threads this way too. */
  ObjectNode createFromMessage(Member creator, String channelId, String messageId, JsonNode body) {
    GuildModel guild = guilds.ofChannel(channelId);
    GuildModel.ChannelData parent = guild.channelData(channelId);
    if (parent.channel.isThread()) {
      throw new ApiException(400, 50024, "Cannot execute action on this channel type");
    }
    StoredMessage sm = messages.stored(channelId, messageId);
    long p = guild.permissions(creator, channelId);
    if (!Permissions.has(p, Permissions.VIEW_CHANNEL)) {
      throw ApiException.missingAccess();
    }
    if (!Permissions.has(p, Permissions.CREATE_PUBLIC_THREADS)) {
      throw ApiException.missingPermissions();
    }
    Validation.threadName(json, body);
    if (guild.channels.containsKey(messageId)) {
      throw new ApiException(400, 160004, "A thread has already been created for this message");
    }
    Channel thread =
        new Channel(
            messageId, body.get("name").asText(), Channel.PUBLIC_THREAD, channelId, creator.id());
    ObjectNode threadJson = open(thread, creator, body);
    sm.json.put("flags", sm.flags() | 1 << 5);
    sm.json.set("thread", threadJson.deepCopy());
    messages.dispatch("MESSAGE_UPDATE", sm);
    return threadJson;
  }

  /** A member starts a public thread on a message, as the scenario API offers it. */
  Channel memberCreate(Member creator, String messageId, String name) {
    StoredMessage sm = messages.current(messageId);
    ObjectNode body = json.createObjectNode();
    body.put("name", name);
    try {
      createFromMessage(creator, sm.channelId, messageId, body);
    } catch (ApiException e) {
      throw new IllegalStateException(creator.name() + " cannot create thread: " + e.getMessage());
    }
    return guilds.ofChannel(messageId).channels.get(messageId).channel;
  }

  /**
   * {@code POST channels/{c}/threads}: a thread without a starter message. Public threads leave a
   * THREAD_CREATED (type 18) system message in the parent, as on Discord.
   */
  ObjectNode create(Member creator, String channelId, JsonNode body) {
    GuildModel guild = guilds.ofChannel(channelId);
    GuildModel.ChannelData parent = guild.channelData(channelId);
    if (parent.channel.isThread()) {
      throw new ApiException(400, 50024, "Cannot execute action on this channel type");
    }
    int type = body.path("type").asInt(Channel.PRIVATE_THREAD);
    if (type != Channel.PUBLIC_THREAD && type != Channel.PRIVATE_THREAD) {
      throw new ApiException(400, 50024, "Cannot execute action on this channel type");
    }
    long p = guild.permissions(creator, channelId);
    if (!Permissions.has(p, Permissions.VIEW_CHANNEL)) {
      throw ApiException.missingAccess();
    }
    long needed =
        type == Channel.PUBLIC_THREAD
            ? Permissions.CREATE_PUBLIC_THREADS
            : Permissions.CREATE_PRIVATE_THREADS;
    if (!Permissions.has(p, needed)) {
      throw ApiException.missingPermissions();
    }
    Validation.threadName(json, body);
    Channel thread =
        new Channel(ids.next(), body.get("name").asText(), type, channelId, creator.id());
    ObjectNode threadJson = open(thread, creator, body);
    if (type == Channel.PUBLIC_THREAD) {
      ObjectNode system = json.createObjectNode();
      system.put("content", thread.name());
      StoredMessage sm = messages.insert(channelId, creator, 18, system, List.of(), 0, false);
      ObjectNode reference = sm.json.putObject("message_reference");
      reference.put("type", 0);
      reference.put("channel_id", thread.id());
      reference.put("guild_id", guild.id);
      messages.dispatch("MESSAGE_CREATE", sm);
    }
    return threadJson;
  }

  /** Registers a new thread with its creator as first member and announces it (THREAD_CREATE). */
  private ObjectNode open(Channel thread, Member creator, JsonNode body) {
    GuildModel guild = guilds.ofChannel(thread.parentId());
    Instant now = clock.instant();
    guild.putChannel(thread, 0, null, now);
    GuildModel.ChannelData data = guild.channels.get(thread.id());
    data.autoArchiveDuration = body.path("auto_archive_duration").asInt(1440);
    data.threadMembers.add(creator.id());
    data.threadJoinedAt.put(creator.id(), now);
    order.add(thread.id());
    ObjectNode threadJson = guild.channelJson(json, data, true);
    ObjectNode created = threadJson.deepCopy();
    // "member" on a thread is the receiving bot's own membership: present only when the bot created
    // it.
    created.put("newly_created", true);
    gateway.dispatch("THREAD_CREATE", created, Gateway.GUILDS);
    return threadJson;
  }

  /**
   * {@code PATCH channels/{c}} for threads: name, archived, locked, auto-archive duration
   * (THREAD_UPDATE).
   */
  ObjectNode botEdit(String threadId, JsonNode body) {
    GuildModel guild = guilds.ofChannel(threadId);
    GuildModel.ChannelData t = guild.channelData(threadId);
    long p = guild.permissions(guild.bot, threadId);
    if (!Permissions.has(p, Permissions.VIEW_CHANNEL)) {
      throw ApiException.missingAccess();
    }
    boolean owner = guild.bot.id().equals(t.channel.ownerId());
    boolean manage = Permissions.has(p, Permissions.MANAGE_THREADS);
    if (!t.channel.isThread()) {
      if (!Permissions.has(p, Permissions.MANAGE_CHANNELS)) {
        throw ApiException.missingPermissions();
      }
      throw new ApiException(400, 50024, "Cannot execute action on this channel type");
    }
    if (!manage && (!owner || body.has("locked") || t.locked)) {
      throw ApiException.missingPermissions();
    }
    if (body.has("name")) {
      Validation.threadName(json, body);
      t.channel =
          new Channel(
              t.channel.id(),
              body.get("name").asText(),
              t.channel.type(),
              t.channel.parentId(),
              t.channel.ownerId());
    }
    if (body.hasNonNull("auto_archive_duration")) {
      ObjectNode check = json.createObjectNode();
      check.put("name", t.channel.name());
      check.set("auto_archive_duration", body.get("auto_archive_duration"));
      Validation.threadName(json, check);
      t.autoArchiveDuration = body.get("auto_archive_duration").asInt();
    }
    if (body.hasNonNull("locked")) {
      t.locked = body.get("locked").asBoolean();
    }
    if (body.hasNonNull("archived") && body.get("archived").asBoolean() != t.archived) {
      t.archived = body.get("archived").asBoolean();
      t.archiveTimestamp = clock.instant();
    }
    ObjectNode n = guild.channelJson(json, t, true);
    gateway.dispatch("THREAD_UPDATE", n.deepCopy(), Gateway.GUILDS);
    return n;
  }

  /**
   * {@code PUT channels/{c}/thread-members/@me}; the bot's own membership comes back as
   * THREAD_MEMBER_UPDATE.
   */
  void join(Member member, String threadId) {
    GuildModel guild = guilds.ofChannel(threadId);
    GuildModel.ChannelData t = guild.channelData(threadId);
    if (!t.channel.isThread()) {
      throw new ApiException(400, 50024, "Cannot execute action on this channel type");
    }
    if (!Permissions.has(guild.permissions(member, threadId), Permissions.VIEW_CHANNEL)) {
      throw ApiException.missingAccess();
    }
    if (t.threadMembers.add(member.id())) {
      Instant now = clock.instant();
      t.threadJoinedAt.put(member.id(), now);
      if (member.id().equals(guild.bot.id())) {
        ObjectNode d = json.createObjectNode();
        d.put("id", threadId);
        d.put("user_id", member.id());
        d.put("join_timestamp", Timestamps.format(now));
        d.put("flags", 1);
        d.put("guild_id", guild.id);
        gateway.dispatch("THREAD_MEMBER_UPDATE", d, Gateway.GUILDS);
      }
    }
  }

  /**
   * Someone posts in {@code c}: an archived, unlocked thread reopens, and the poster becomes a
   * member.
   */
  void onPost(GuildModel.ChannelData c, Member author) {
    GuildModel guild = guilds.ofChannel(c.channel.id());
    if (!c.channel.isThread()) {
      return;
    }
    if (c.archived && !c.locked) {
      c.archived = false;
      c.archiveTimestamp = clock.instant();
      gateway.dispatch("THREAD_UPDATE", guild.channelJson(json, c, true), Gateway.GUILDS);
    }
    if (author.id().equals(guild.bot.id())) {
      join(author, c.channel.id()); // announced to the bot, as Discord does
    } else if (c.threadMembers.add(author.id())) {
      c.threadJoinedAt.put(author.id(), clock.instant());
    }
  }

  /**
   * Archives (and optionally locks) a thread as Discord's auto-archive or a moderator would
   * (THREAD_UPDATE).
   */
  void archive(String threadId, boolean lock) {
    GuildModel guild = guilds.ofChannel(threadId);
    GuildModel.ChannelData c = thread(threadId);
    c.archived = true;
    c.locked = lock;
    c.archiveTimestamp = clock.instant();
    gateway.dispatch("THREAD_UPDATE", guild.channelJson(json, c, true), Gateway.GUILDS);
  }

  /**
   * Deletes a thread as a moderator would (THREAD_DELETE); its starter message no longer carries
   * it.
   */
  void delete(String threadId) {
    GuildModel guild = guilds.ofChannel(threadId);
    GuildModel.ChannelData c = thread(threadId);
    guild.channels.remove(threadId);
    order.remove(threadId);
    StoredMessage starter = messages.byId(threadId);
    if (starter != null && starter.json.has("thread")) {
      starter.json.remove("thread");
      starter.json.put("flags", starter.flags() & ~(1 << 5));
    }
    ObjectNode d = json.createObjectNode();
    d.put("id", threadId);
    d.put("guild_id", guild.id);
    d.put("parent_id", c.channel.parentId());
    d.put("type", c.channel.type());
    gateway.dispatch("THREAD_DELETE", d, Gateway.GUILDS);
  }

  private GuildModel.ChannelData thread(String threadId) {
    GuildModel.ChannelData c =
        guilds.all().stream()
            .map(g -> g.channels.get(threadId))
            .filter(x -> x != null)
            .findFirst()
            .orElse(null);
    if (c == null || !c.channel.isThread()) {
      throw new IllegalArgumentException("not a thread: " + threadId);
    }
    return c;
  }
}
