package dev.takebot.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * Messages: the store, what the bot does over REST (create, get, edit, delete, bulk delete,
 * history), what members do in tests, the MESSAGE_* dispatches and the log of every change.
 * Confined to the {@link EngineLoop}.
 */
final class Messages {
  private final ObjectMapper json;
  private final Clock clock;
  private final Snowflakes ids;
  private final Guilds guilds;
  private final Gateway gateway;
  private final MessageJson messageJson;

  /** Told when someone posts in a channel, so a thread reopens and gains the poster as a member. */
  private final BiConsumer<GuildModel.ChannelData, Member> onPost;

  private final Map<String, StoredMessage> messages = new LinkedHashMap<>();
  private final Map<String, NavigableMap<Long, StoredMessage>> byChannel = new LinkedHashMap<>();
  private final List<MessageEvent> events = new ArrayList<>();

  Messages(
      ObjectMapper json,
      Clock clock,
      Snowflakes ids,
      Guilds guilds,
      Gateway gateway,
      MessageJson messageJson,
      BiConsumer<GuildModel.ChannelData, Member> onPost) {
    this.json = json;
    this.clock = clock;
    this.ids = ids;
    this.guilds = guilds;
    this.gateway = gateway;
    this.messageJson = messageJson;
    this.onPost = onPost;
  }

  // ---- lookups

  /** The stored message with this id (deleted ones included), or {@code null}. */
  StoredMessage byId(String id) {
    return messages.get(id);
  }

  /** A message of the channel, as a REST route names it; Discord's 404s otherwise. */
  StoredMessage stored(String channelId, String messageId) {
    GuildModel guild = guilds.ofChannel(channelId);
    guild.channelData(channelId);
    StoredMessage m = messages.get(messageId);
    if (m == null || m.deleted || !m.channelId.equals(channelId)) {
      throw ApiException.unknownMessage();
    }
    return m;
  }

  /** A current message for the scenario API; {@link IllegalArgumentException} when it is gone. */
  StoredMessage current(String messageId) {
    StoredMessage sm = messages.get(messageId);
    if (sm == null || sm.deleted) {
      throw new IllegalArgumentException("no message " + messageId);
    }
    return sm;
  }

  SandboxMessage message(String id) {
    StoredMessage m = messages.get(id);
    return m == null || m.deleted ? null : m.snapshot();
  }

  boolean isDeleted(String id) {
    StoredMessage m = messages.get(id);
    return m != null && m.deleted;
  }

  List<SandboxMessage> in(String channelId) {
    NavigableMap<Long, StoredMessage> map = byChannel.getOrDefault(channelId, new TreeMap<>());
    return map.values().stream().filter(m -> !m.deleted).map(StoredMessage::snapshot).toList();
  }

  List<SandboxMessage> all() {
    return messages.values().stream().filter(m -> !m.deleted).map(StoredMessage::snapshot).toList();
  }

  SandboxMessage first(Predicate<SandboxMessage> predicate) {
    for (StoredMessage m : messages.values()) {
      if (!m.deleted) {
        SandboxMessage s = m.snapshot();
        if (predicate.test(s)) {
          return s;
        }
      }
    }
    return null;
  }

  List<MessageEvent> events() {
    return List.copyOf(events);
  }

  /**
   * A copy of a stored message whose {@code thread} is the started thread as it is now (archived,
   * locked).
   */
  ObjectNode currentJson(StoredMessage sm) {
    GuildModel guild = guilds.ofChannel(sm.channelId);
    ObjectNode n = sm.json.deepCopy();
    GuildModel.ChannelData started =
        n.has("thread") ? guild.channels.get(n.get("thread").path("id").asText()) : null;
    if (started != null) {
      n.set("thread", guild.channelJson(json, started, true));
    }
    return n;
  }

  // ---- storing and announcing

  StoredMessage insert(
      String channelId,
      Member author,
      int type,
      JsonNode body,
      List<Upload> uploads,
      int flags,
      boolean fromWebhook) {
    GuildModel guild = guilds.ofChannel(channelId);
    GuildModel.ChannelData channel = guild.channelData(channelId);
    String id = ids.next();
    ObjectNode m = json.createObjectNode();
    m.put("id", id);
    m.put("type", type);
    m.put("channel_id", channelId);
    m.set("author", guild.userJson(json, author));
    m.put("content", textOr(body, "content", ""));
    m.put("timestamp", Timestamps.format(clock.instant()));
    m.putNull("edited_timestamp");
    m.put("tts", false);
    m.put("pinned", false);
    ArrayNode attachments =
        messageJson.buildAttachments(
            channelId, body.path("attachments"), uploads, json.createArrayNode());
    m.set("attachments", attachments);
    m.set("embeds", messageJson.normaliseEmbeds(body.path("embeds"), attachments));
    m.set("components", messageJson.normaliseComponents(body.path("components")));
    m.put("flags", flags);
    JsonNode nonce = body.path("nonce");
    if (nonce.isTextual() || nonce.isIntegralNumber()) {
      m.set("nonce", nonce.deepCopy()); // Discord echoes the nonce so clients can match their sends
    }
    if (fromWebhook) {
      m.put("webhook_id", guild.bot.id());
      m.put("application_id", guild.bot.id());
    }
    Member repliedAuthor = null;
    JsonNode ref = body.path("message_reference");
    if (ref.hasNonNull("message_id")) {
      StoredMessage target = messages.get(ref.get("message_id").asText());
      String refChannel = ref.path("channel_id").asText(channelId);
      if (target == null || target.deleted || !target.channelId.equals(refChannel)) {
        if (ref.path("fail_if_not_exists").asBoolean(true)) {
          throw Validation.invalidField(
              json, "message_reference", "MESSAGE_REFERENCE_UNKNOWN_MESSAGE", "Unknown message");
        }
      } else {
        ObjectNode reference = m.putObject("message_reference");
        reference.put("type", 0);
        reference.put("channel_id", target.channelId);
        reference.put("message_id", target.id);
        reference.put("guild_id", guild.id);
        ObjectNode referenced = target.json.deepCopy();
        referenced.remove("referenced_message");
        m.set("referenced_message", referenced);
        if (type == 0) {
          m.put("type", 19);
        }
        repliedAuthor = target.author;
      }
    }
    messageJson.applyMentions(m, body.path("allowed_mentions"), author, channelId, repliedAuthor);
    if (channel.channel.isThread()) {
      m.put("position", channel.totalMessageSent);
      channel.totalMessageSent++;
      channel.messageCount++;
    }
    if ((flags & SandboxMessage.EPHEMERAL) == 0) {
      channel.lastMessageId = id;
    }
    StoredMessage sm = new StoredMessage(id, channelId, author, m);
    messages.put(id, sm);
    byChannel.computeIfAbsent(channelId, k -> new TreeMap<>()).put(sm.key(), sm);
    return sm;
  }

  /**
   * Logs the creation or update and dispatches it, unless ephemeral (those reach only their
   * invoker).
   */
  void dispatch(String event, StoredMessage sm) {
    GuildModel guild = guilds.ofChannel(sm.channelId);
    events.add(
        new MessageEvent(
            clock.instant(),
            event.equals("MESSAGE_CREATE") ? MessageEvent.Kind.CREATED : MessageEvent.Kind.UPDATED,
            sm.snapshot()));
    if (sm.ephemeral()) {
      return;
    }
    ObjectNode d = sm.json.deepCopy();
    d.put("guild_id", guild.id);
    Member author = guild.members.get(sm.author.id());
    if (author != null) {
      d.set("member", guild.memberJson(json, author, false));
    }
    gateway.dispatch(event, d, Gateway.GUILD_MESSAGES);
  }

  /** Applies an edit body (only the fields present) and validates the result. */
  void applyEdit(StoredMessage sm, JsonNode body, List<Upload> uploads, boolean markEdited) {
    Validation.message(json, body, 0, 0, false);
    ObjectNode m = sm.json.deepCopy();
    if (body.has("content")) {
      m.put("content", textOr(body, "content", ""));
    }
    ArrayNode attachments = (ArrayNode) m.path("attachments");
    if (body.has("attachments") || !uploads.isEmpty()) {
      ArrayNode kept = json.createArrayNode();
      if (body.path("attachments").isArray()) {
        Set<String> keep = new HashSet<>();
        body.path("attachments").forEach(a -> keep.add(a.path("id").asText()));
        attachments.forEach(
            a -> {
              if (keep.contains(a.path("id").asText())) {
                kept.add(a);
              }
            });
      } else {
        kept.addAll(attachments);
      }
      attachments =
          messageJson.buildAttachments(sm.channelId, body.path("attachments"), uploads, kept);
      m.set("attachments", attachments);
    }
    if (body.has("embeds")) {
      m.set("embeds", messageJson.normaliseEmbeds(body.path("embeds"), attachments));
    }
    if (body.has("components")) {
      m.set("components", messageJson.normaliseComponents(body.path("components")));
    }
    if (body.path("flags").isInt()) {
      int suppress = 1 << 2;
      m.put(
          "flags", (m.path("flags").asInt() & ~suppress) | (body.get("flags").asInt() & suppress));
    }
    if (body.has("content") || body.has("allowed_mentions")) {
      StoredMessage replied =
          messages.get(m.path("message_reference").path("message_id").asText(""));
      messageJson.applyMentions(
          m,
          body.path("allowed_mentions"),
          sm.author,
          sm.channelId,
          replied == null ? null : replied.author);
    }
    Validation.message(json, m, 0, 0, true);
    if (markEdited) {
      m.put("edited_timestamp", Timestamps.format(clock.instant()));
    }
    sm.json = m;
  }

  void delete(StoredMessage sm) {
    GuildModel guild = guilds.ofChannel(sm.channelId);
    markDeleted(sm);
    if (!sm.ephemeral()) {
      ObjectNode d = json.createObjectNode();
      d.put("id", sm.id);
      d.put("channel_id", sm.channelId);
      d.put("guild_id", guild.id);
      gateway.dispatch("MESSAGE_DELETE", d, Gateway.GUILD_MESSAGES);
    }
  }

  private void bulkDelete(String channelId, List<StoredMessage> targets) {
    GuildModel guild = guilds.ofChannel(channelId);
    if (targets.isEmpty()) {
      return;
    }
    ObjectNode d = json.createObjectNode();
    ArrayNode idArray = d.putArray("ids");
    for (StoredMessage m : targets) {
      markDeleted(m);
      idArray.add(m.id);
    }
    d.put("channel_id", channelId);
    d.put("guild_id", guild.id);
    gateway.dispatch("MESSAGE_DELETE_BULK", d, Gateway.GUILD_MESSAGES);
  }

  private void markDeleted(StoredMessage sm) {
    GuildModel guild = guilds.ofChannel(sm.channelId);
    sm.deleted = true;
    events.add(new MessageEvent(clock.instant(), MessageEvent.Kind.DELETED, sm.snapshot()));
    GuildModel.ChannelData c = guild.channels.get(sm.channelId);
    if (c != null && c.channel.isThread() && c.messageCount > 0) {
      c.messageCount--;
    }
  }

  // ---- the bot, over REST

  ObjectNode botCreate(String channelId, JsonNode body, List<Upload> uploads) {
    GuildModel guild = guilds.ofChannel(channelId);
    GuildModel.ChannelData c = guild.channelData(channelId);
    guild.requireBot(channelId, guild.sendPermission(channelId));
    if (c.locked
        && !Permissions.has(guild.permissions(guild.bot, channelId), Permissions.MANAGE_THREADS)) {
      // Discord: without Manage Threads nobody posts in a locked thread, archived or not.
      throw c.archived
          ? new ApiException(400, 50083, "Thread is archived")
          : new ApiException(403, 160005, "Thread is locked");
    }
    if (!uploads.isEmpty()) {
      guild.requireBot(channelId, Permissions.ATTACH_FILES);
    }
    if (body.path("message_reference").hasNonNull("message_id")) {
      guild.requireBot(channelId, Permissions.READ_MESSAGE_HISTORY);
    }
    Validation.message(json, body, uploads.size(), 0, true);
    int flags = body.path("flags").asInt() & (1 << 2 | 1 << 12 | 1 << 15);
    ObjectNode checkedBody = body.deepCopy();
    if (!Permissions.has(guild.permissions(guild.bot, channelId), Permissions.EMBED_LINKS)) {
      checkedBody.putArray("embeds"); // Discord silently drops embeds without Embed Links
    }
    onPost.accept(c, guild.bot);
    StoredMessage sm = insert(channelId, guild.bot, 0, checkedBody, uploads, flags, false);
    dispatch("MESSAGE_CREATE", sm);
    return sm.json.deepCopy();
  }

  ObjectNode botGet(String channelId, String messageId) {
    GuildModel guild = guilds.ofChannel(channelId);
    guild.requireBot(channelId, Permissions.READ_MESSAGE_HISTORY);
    StoredMessage sm = stored(channelId, messageId);
    if (sm.ephemeral()) {
      throw ApiException.unknownMessage();
    }
    return currentJson(sm);
  }

  ObjectNode botEdit(String channelId, String messageId, JsonNode body, List<Upload> uploads) {
    GuildModel guild = guilds.ofChannel(channelId);
    StoredMessage sm = stored(channelId, messageId);
    if (sm.ephemeral()) {
      throw ApiException
          .unknownMessage(); // ephemeral responses exist only behind the interaction webhook
    }
    if (!sm.author.id().equals(guild.bot.id())) {
      throw ApiException.cannotEditOthers();
    }
    applyEdit(sm, body, uploads, true);
    dispatch("MESSAGE_UPDATE", sm);
    return sm.json.deepCopy();
  }

  void botDelete(String channelId, String messageId) {
    GuildModel guild = guilds.ofChannel(channelId);
    StoredMessage sm = stored(channelId, messageId);
    if (!sm.author.id().equals(guild.bot.id())) {
      guild.requireBot(channelId, Permissions.MANAGE_MESSAGES);
    }
    delete(sm);
  }

  void botBulkDelete(String channelId, JsonNode body) {
    GuildModel guild = guilds.ofChannel(channelId);
    guild.channelData(channelId);
    guild.requireBot(channelId, Permissions.MANAGE_MESSAGES);
    JsonNode idsNode = body.path("messages");
    if (!idsNode.isArray() || idsNode.size() < 2 || idsNode.size() > 100) {
      throw new ApiException(
          400, 50016, "You must provide at least 2 and fewer than 100 messages to delete.");
    }
    List<StoredMessage> targets = new ArrayList<>();
    Instant cutoff = clock.instant().minus(Duration.ofDays(14));
    for (JsonNode n : idsNode) {
      StoredMessage m = messages.get(n.asText());
      if (m != null && Snowflakes.timeOf(m.id).isBefore(cutoff)) {
        throw new ApiException(
            400, 50034, "You can only bulk delete messages that are under 14 days old.");
      }
      if (m != null && !m.deleted && m.channelId.equals(channelId)) {
        targets.add(m);
      }
    }
    bulkDelete(channelId, targets);
  }

  /**
   * {@code GET channels/{c}/messages}: newest first, {@code before}, {@code after} or {@code
   * around} a message.
   */
  ArrayNode history(String channelId, String before, String after, String around, Integer limit) {
    GuildModel guild = guilds.ofChannel(channelId);
    guild.channelData(channelId);
    long p = guild.permissions(guild.bot, channelId);
    if (!Permissions.has(p, Permissions.VIEW_CHANNEL)) {
      throw ApiException.missingAccess();
    }
    int n = limit == null ? 50 : limit;
    if (n < 1 || n > 100) {
      throw Validation.invalidField(
          json, "limit", "NUMBER_TYPE_MAX", "int value should be less than or equal to 100.");
    }
    ArrayNode out = json.createArrayNode();
    if (!Permissions.has(p, Permissions.READ_MESSAGE_HISTORY)) {
      return out;
    }
    List<StoredMessage> visible =
        byChannel.getOrDefault(channelId, new TreeMap<>()).values().stream()
            .filter(m -> !m.deleted && !m.ephemeral())
            .toList();
    List<StoredMessage> picked = new ArrayList<>();
    if (around != null) {
      long pivot = Long.parseUnsignedLong(around);
      List<StoredMessage> older =
          visible.stream().filter(m -> Long.compareUnsigned(m.key(), pivot) < 0).toList();
      List<StoredMessage> newer =
          visible.stream().filter(m -> Long.compareUnsigned(m.key(), pivot) >= 0).toList();
      int half = n / 2;
      picked.addAll(older.subList(Math.max(0, older.size() - half), older.size()));
      picked.addAll(newer.subList(0, Math.min(newer.size(), n - Math.min(half, older.size()))));
    } else if (after != null) {
      long pivot = Long.parseUnsignedLong(after);
      List<StoredMessage> newer =
          visible.stream().filter(m -> Long.compareUnsigned(m.key(), pivot) > 0).toList();
      picked.addAll(newer.subList(0, Math.min(n, newer.size())));
    } else {
      long pivot = before == null ? -1L : Long.parseUnsignedLong(before);
      List<StoredMessage> older =
          visible.stream()
              .filter(m -> before == null || Long.compareUnsigned(m.key(), pivot) < 0)
              .toList();
      picked.addAll(older.subList(Math.max(0, older.size() - n), older.size()));
    }
    picked.sort((a, b) -> Long.compareUnsigned(b.key(), a.key()));
    picked.forEach(m -> out.add(m.json.deepCopy()));
    return out;
  }

  // ---- members, in tests

  SandboxMessage memberPost(
      Member author,
      String channelId,
      String content,
      String replyToId,
      List<FileUpload> attachments) {
    GuildModel guild = guilds.ofChannel(channelId);
    GuildModel.ChannelData c = guild.channelData(channelId);
    requireMember(author, channelId, guild.sendPermission(channelId), "post");
    if (!attachments.isEmpty()) {
      requireMember(author, channelId, Permissions.ATTACH_FILES, "attach files");
    }
    ObjectNode body = json.createObjectNode();
    body.put("content", content);
    if (replyToId != null) {
      body.putObject("message_reference").put("message_id", replyToId);
    }
    List<Upload> uploads = new ArrayList<>();
    for (int i = 0; i < attachments.size(); i++) {
      uploads.add(new Upload(i, attachments.get(i).filename(), attachments.get(i).bytes()));
    }
    Validation.message(json, body, uploads.size(), 0, true);
    onPost.accept(c, author);
    StoredMessage sm = insert(channelId, author, 0, body, uploads, 0, false);
    dispatch("MESSAGE_CREATE", sm);
    return sm.snapshot();
  }

  SandboxMessage memberEdit(String messageId, String newContent) {
    StoredMessage sm = current(messageId);
    ObjectNode body = json.createObjectNode();
    body.put("content", newContent);
    applyEdit(sm, body, List.of(), true);
    dispatch("MESSAGE_UPDATE", sm);
    return sm.snapshot();
  }

  void memberDelete(String messageId) {
    delete(current(messageId));
  }

  void memberBulkDelete(String channelId, Collection<String> messageIds) {
    List<StoredMessage> targets = new ArrayList<>();
    for (String id : messageIds) {
      StoredMessage m = messages.get(id);
      if (m == null || m.deleted || !m.channelId.equals(channelId)) {
        throw new IllegalArgumentException("no message " + id + " in channel " + channelId);
      }
      targets.add(m);
    }
    bulkDelete(channelId, targets);
  }

  private void requireMember(Member author, String channelId, long permission, String action) {
    GuildModel guild = guilds.ofChannel(channelId);
    if (!Permissions.has(
        guild.permissions(author, channelId), Permissions.VIEW_CHANNEL | permission)) {
      throw new IllegalStateException(
          author.name()
              + " may not "
              + action
              + " in #"
              + guild.channels.get(channelId).channel.name()
              + " (missing permission)");
    }
  }

  private static String textOr(JsonNode body, String field, String fallback) {
    JsonNode v = body.path(field);
    return v.isTextual() ? v.asText() : fallback;
  }
}
