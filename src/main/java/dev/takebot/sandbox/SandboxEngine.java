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
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The sandbox's state and behaviour: guild, messages, threads, commands, interactions and the request log, all
 * guarded by this object's monitor (every mutation ends in {@code notifyAll()} so waiters re-check). REST routes
 * and the scenario API both call in here; the gateway dispatches while the monitor is held, so event order on
 * the socket is the order of mutations.
 */
final class SandboxEngine {

  /** A stored message: Discord's JSON object plus bookkeeping. */
  static final class StoredMessage {
    final String id;
    final String channelId;
    final Member author;
    ObjectNode json;
    boolean deleted;
    String interactionId;

    StoredMessage(String id, String channelId, Member author, ObjectNode json) {
      this.id = id;
      this.channelId = channelId;
      this.author = author;
      this.json = json;
    }

    int flags() {
      return json.path("flags").asInt();
    }

    boolean ephemeral() {
      return (flags() & SandboxMessage.EPHEMERAL) != 0;
    }
  }

  /** A file received in a multipart request or attached by a simulated member. */
  record Upload(int index, String filename, byte[] bytes) {
  }

  record StoredFile(String id, String filename, String contentType, byte[] bytes) {
  }

  /**
   * A pending "answer the next n matching requests with this" instruction: a 429's retry-after, or a
   * Discord error. A null method or path fragment matches any.
   */
  private static final class RouteRule<T> {
    int remaining;
    final T answer;
    final String method;
    final String pathContains;

    RouteRule(int remaining, T answer, String method, String pathContains) {
      this.remaining = remaining;
      this.answer = answer;
      this.method = method;
      this.pathContains = pathContains;
    }

    boolean matches(String requestMethod, String path) {
      return (method == null || method.equalsIgnoreCase(requestMethod))
          && (pathContains == null || path.contains(pathContains));
    }

    /** Consumes one use of the first rule matching the request; null when none matches. */
    static <T> T take(List<RouteRule<T>> rules, String method, String path) {
      for (RouteRule<T> r : rules) {
        if (r.matches(method, path)) {
          if (--r.remaining == 0) {
            rules.remove(r);
          }
          return r.answer;
        }
      }
      return null;
    }
  }

  final ObjectMapper json;
  final Clock clock;
  final Snowflakes ids;
  final GuildModel guild;
  final String token;
  final Gateway gateway;
  private volatile String httpBase = "http://127.0.0.1/";

  private final Map<String, StoredMessage> messages = new LinkedHashMap<>();
  private final Map<String, NavigableMap<Long, StoredMessage>> byChannel = new LinkedHashMap<>();
  final MessageJson messageJson;
  final CommandRegistry commands;
  final Interactions interactions;
  private final List<RecordedRequest> requests = new ArrayList<>();
  private final List<MessageEvent> messageEvents = new ArrayList<>();
  private final List<RouteRule<Duration>> rateLimits = new ArrayList<>();
  private final List<RouteRule<ApiException>> failures = new ArrayList<>();
  private final List<RouteRule<HeldResponse>> holds = new ArrayList<>();
  private final List<HeldResponse> allHolds = new ArrayList<>();
  private final List<String> threadOrder = new ArrayList<>();
  private final Map<String, long[]> buckets = new LinkedHashMap<>();

  SandboxEngine(ObjectMapper json, Clock clock, String token, String botName, ScheduledExecutorService scheduler,
          int heartbeatInterval, long allowedPrivilegedIntents) {
    this.json = json;
    this.clock = clock;
    this.ids = new Snowflakes(clock);
    this.token = token;
    String botId = ids.next();
    this.guild = new GuildModel(ids, botId, botName, clock.instant());
    this.gateway = new Gateway(this, json, clock, scheduler, this, heartbeatInterval, allowedPrivilegedIntents);
    this.messageJson = new MessageJson(json, ids, guild);
    this.commands = new CommandRegistry(this, json, ids, guild);
    this.interactions = new Interactions(this, messageJson);
  }

  void httpBase(String base) {
    this.httpBase = base;
    messageJson.httpBase(base);
  }

  String botId() {
    return guild.bot.id();
  }

  /** The bot token in IDENTIFY/RESUME: Discord takes it bare; a {@code Bot } prefix is tolerated. */
  boolean acceptsToken(String presented) {
    return token.equals(presented) || ("Bot " + token).equals(presented);
  }

  // ------------------------------------------------------------------ gateway payloads

  synchronized ObjectNode readyJson(String sessionId) {
    ObjectNode d = json.createObjectNode();
    d.put("v", 10);
    ObjectNode user = guild.userJson(json, guild.bot);
    user.put("verified", true);
    user.put("mfa_enabled", false);
    user.put("flags", 0);
    d.set("user", user);
    ObjectNode g = d.putArray("guilds").addObject();
    g.put("id", guild.id);
    g.put("unavailable", true);
    d.putArray("private_channels");
    d.putArray("relationships");
    d.putArray("presences");
    d.putArray("guild_join_requests");
    d.putArray("geo_ordered_rtc_regions");
    d.put("session_id", sessionId);
    d.put("session_type", "normal");
    d.put("resume_gateway_url", resumeGatewayUrl());
    d.putArray("shard").add(0).add(1);
    ObjectNode app = d.putObject("application");
    app.put("id", botId());
    app.put("flags", 1 << 19 | 1 << 23);
    d.putObject("user_settings");
    d.putArray("_trace").add("[\"takebot-sandbox\"]");
    return d;
  }

  synchronized ObjectNode guildCreateJson() {
    return guild.guildCreateJson(json);
  }

  synchronized ObjectNode membersChunkJson(JsonNode request) {
    ObjectNode d = json.createObjectNode();
    d.put("guild_id", guild.id);
    Set<String> wanted = new HashSet<>();
    request.path("user_ids").forEach(n -> wanted.add(n.asText()));
    if (request.path("user_ids").isTextual()) {
      wanted.add(request.path("user_ids").asText());
    }
    String query = request.path("query").asText("").toLowerCase(Locale.ROOT);
    ArrayNode members = d.putArray("members");
    ArrayNode notFound = d.putArray("not_found");
    for (Member m : guild.members.values()) {
      boolean match = wanted.isEmpty() ? m.name().toLowerCase(Locale.ROOT).startsWith(query) : wanted.contains(m.id());
      if (match) {
        members.add(guild.memberJson(json, m, true));
      }
    }
    for (String id : wanted) {
      if (!guild.members.containsKey(id)) {
        notFound.add(id);
      }
    }
    d.put("chunk_index", 0);
    d.put("chunk_count", 1);
    if (request.hasNonNull("nonce")) {
      d.put("nonce", request.get("nonce").asText());
    }
    return d;
  }

  String gatewayUrl() {
    return httpBase.replaceFirst("^http", "ws") + "gateway";
  }

  String resumeGatewayUrl() {
    return httpBase.replaceFirst("^http", "ws") + "gateway-resume";
  }

  // ------------------------------------------------------------------ rate limits and request log

  synchronized void addRateLimit(int n, Duration retryAfter, String method, String pathContains) {
    if (n <= 0) {
      throw new IllegalArgumentException("n must be positive");
    }
    rateLimits.add(new RouteRule<>(n, retryAfter, method, pathContains));
  }

  /** Consumes one 429 instruction matching the request, if any. */
  synchronized Duration takeRateLimit(String method, String path) {
    return RouteRule.take(rateLimits, method, path);
  }

  synchronized void addFailure(int n, ApiException error, String method, String pathContains) {
    if (n <= 0) {
      throw new IllegalArgumentException("n must be positive");
    }
    failures.add(new RouteRule<>(n, error, method, pathContains));
  }

  /** Consumes one error instruction matching the request, if any. */
  synchronized ApiException takeFailure(String method, String path) {
    return RouteRule.take(failures, method, path);
  }

  synchronized HeldResponse addHold(String method, String pathContains) {
    HeldResponse h = new HeldResponse();
    holds.add(new RouteRule<>(1, h, method, pathContains));
    allHolds.add(h);
    return h;
  }

  /** Consumes the hold matching the request, if any. */
  synchronized HeldResponse takeHold(String method, String path) {
    return RouteRule.take(holds, method, path);
  }

  /** Lets every held answer go, at shutdown. */
  synchronized void releaseHolds() {
    allHolds.forEach(HeldResponse::release);
    holds.clear();
  }

  /** Fixed one-second window per bucket; returns {limit, remaining, resetAtMillis}. */
  synchronized long[] bucket(String key) {
    long now = clock.millis();
    long[] w = buckets.computeIfAbsent(key, k -> new long[] {0, now + 1000});
    if (now >= w[1]) {
      w[0] = 0;
      w[1] = now + 1000;
    }
    w[0]++;
    long limit = 50;
    return new long[] {limit, Math.max(0, limit - w[0]), w[1]};
  }

  synchronized void record(RecordedRequest r) {
    requests.add(r);
    notifyAll();
  }

  synchronized List<MessageEvent> messageEvents() {
    return List.copyOf(messageEvents);
  }

  synchronized List<RecordedRequest> requests() {
    return List.copyOf(requests);
  }

  // ------------------------------------------------------------------ waiting

  /** Waits until {@code probe} returns non-null, re-checking after every state change. */
  synchronized <T> T await(Supplier<T> probe, Duration timeout, Supplier<String> what) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      T value = probe.get();
      if (value != null) {
        return value;
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new SandboxTimeoutException("Timed out after " + timeout.toMillis() + " ms waiting for " + what.get());
      }
      try {
        wait(Math.max(1, left / 1_000_000), 0);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SandboxTimeoutException("Interrupted while waiting for " + what.get());
      }
    }
  }

  // ------------------------------------------------------------------ lookups

  synchronized GuildModel.ChannelData channelData(String channelId) {
    GuildModel.ChannelData c = guild.channels.get(channelId);
    if (c == null) {
      throw ApiException.unknownChannel();
    }
    return c;
  }

  synchronized StoredMessage stored(String channelId, String messageId) {
    channelData(channelId);
    StoredMessage m = messages.get(messageId);
    if (m == null || m.deleted || !m.channelId.equals(channelId)) {
      throw ApiException.unknownMessage();
    }
    return m;
  }

  SandboxMessage snapshot(StoredMessage m) {
    return new SandboxMessage(m.id, m.channelId, m.author.id(), m.json.path("content").asText(""), m.flags(),
        m.interactionId, m.json.deepCopy());
  }

  synchronized List<SandboxMessage> messagesIn(String channelId) {
    NavigableMap<Long, StoredMessage> map = byChannel.getOrDefault(channelId, new TreeMap<>());
    return map.values().stream().filter(m -> !m.deleted).map(this::snapshot).toList();
  }

  synchronized List<SandboxMessage> allMessages(boolean includeDeleted) {
    return messages.values().stream().filter(m -> includeDeleted || !m.deleted).map(this::snapshot).toList();
  }

  synchronized SandboxMessage findMessage(Predicate<SandboxMessage> predicate) {
    for (StoredMessage m : messages.values()) {
      if (!m.deleted) {
        SandboxMessage s = snapshot(m);
        if (predicate.test(s)) {
          return s;
        }
      }
    }
    return null;
  }

  synchronized SandboxMessage message(String id) {
    StoredMessage m = messages.get(id);
    return m == null || m.deleted ? null : snapshot(m);
  }

  synchronized boolean isDeleted(String id) {
    StoredMessage m = messages.get(id);
    return m != null && m.deleted;
  }

  synchronized List<Channel> threads() {
    return threadOrder.stream().map(id -> guild.channels.get(id).channel).toList();
  }

  synchronized Channel channel(String id) {
    GuildModel.ChannelData c = guild.channels.get(id);
    return c == null ? null : c.channel;
  }

  synchronized List<JsonNode> commands(boolean guildScoped) {
    return commands.commands(guildScoped);
  }

  synchronized StoredFile file(String id) {
    return messageJson.file(id);
  }

  synchronized InteractionState interaction(String id) {
    return interactions.interaction(id);
  }

  synchronized Member member(String id) {
    return guild.members.get(id);
  }

  synchronized List<Member> members() {
    return List.copyOf(guild.members.values());
  }

  synchronized List<Role> roles() {
    return guild.sortedRoles();
  }

  // ------------------------------------------------------------------ guild changes

  synchronized Member addMember(String name, Role... roles) {
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
    notifyAll();
    return m;
  }

  /**
   * GUILD_DELETE without {@code unavailable}: Discord's word that the bot was removed from the guild (or the
   * guild deleted). Only the dispatch: the sandbox's REST side goes on answering as before.
   */
  synchronized void removeBotFromGuild() {
    ObjectNode d = json.createObjectNode();
    d.put("id", guild.id);
    gateway.dispatch("GUILD_DELETE", d, Gateway.GUILDS);
    notifyAll();
  }

  /** GUILD_CREATE for a guild the client had left: the bot was added back. */
  synchronized void addBotBackToGuild() {
    gateway.dispatch("GUILD_CREATE", guildCreateJson(), Gateway.GUILDS);
    notifyAll();
  }

  synchronized Role addRole(String name, long permissions) {
    int position = guild.roles.values().stream().mapToInt(Role::position).max().orElse(0) + 1;
    Role r = guild.putRole(new Role(ids.next(), name, position, permissions, 0, false));
    ObjectNode d = json.createObjectNode();
    d.put("guild_id", guild.id);
    d.set("role", guild.roleJson(json, r));
    gateway.dispatch("GUILD_ROLE_CREATE", d, Gateway.GUILDS);
    notifyAll();
    return r;
  }

  synchronized Role setRolePermissions(Role role, long permissions) {
    Role old = guild.roles.get(role.id());
    if (old == null) {
      throw new IllegalArgumentException("unknown role " + role.name());
    }
    Role r = guild.putRole(new Role(old.id(), old.name(), old.position(), permissions, old.color(), old.managed()));
    ObjectNode d = json.createObjectNode();
    d.put("guild_id", guild.id);
    d.set("role", guild.roleJson(json, r));
    gateway.dispatch("GUILD_ROLE_UPDATE", d, Gateway.GUILDS);
    notifyAll();
    return r;
  }

  /** Adds a text channel with the given overwrites (CHANNEL_CREATE, with them, as Discord sends it). */
  synchronized Channel addTextChannel(String name, List<GuildModel.Overwrite> overwrites) {
    int position = guild.channels.values().stream().filter(c -> !c.channel.isThread())
        .mapToInt(c -> c.position).max().orElse(0) + 1;
    Channel ch = guild.putChannel(new Channel(ids.next(), name, Channel.GUILD_TEXT, null, null), position, "",
        clock.instant());
    GuildModel.ChannelData data = guild.channels.get(ch.id());
    data.overwrites.addAll(overwrites);
    gateway.dispatch("CHANNEL_CREATE", guild.channelJson(json, data, true), Gateway.GUILDS);
    notifyAll();
    return ch;
  }

  /** Times a member out until {@code until}, or lifts the time-out when it is null (GUILD_MEMBER_UPDATE). */
  synchronized void timeOut(Member member, Instant until) {
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
    notifyAll();
  }

  /** Sets (replaces) one member's permission overwrite on a channel (CHANNEL_UPDATE). */
  synchronized void setMemberOverwrite(String channelId, Member member, long allow, long deny) {
    GuildModel.ChannelData c = channelData(channelId);
    if (c.channel.isThread()) {
      throw new IllegalArgumentException("threads have no overwrites of their own; use the parent channel");
    }
    c.overwrites.removeIf(o -> o.type() == 1 && o.id().equals(member.id()));
    c.overwrites.add(new GuildModel.Overwrite(member.id(), 1, allow, deny));
    gateway.dispatch("CHANNEL_UPDATE", guild.channelJson(json, c, true), Gateway.GUILDS);
    notifyAll();
  }

  /** Deletes a thread as a moderator would (THREAD_DELETE); its starter message no longer carries it. */
  synchronized void deleteThread(String threadId) {
    GuildModel.ChannelData c = guild.channels.get(threadId);
    if (c == null || !c.channel.isThread()) {
      throw new IllegalArgumentException("not a thread: " + threadId);
    }
    guild.channels.remove(threadId);
    threadOrder.remove(threadId);
    StoredMessage starter = messages.get(threadId);
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
    notifyAll();
  }

  synchronized long permissions(Member m, String channelId) {
    return guild.permissions(guild.members.getOrDefault(m.id(), m), channelId);
  }

  // ------------------------------------------------------------------ messages

  StoredMessage insertMessage(String channelId, Member author, int type, JsonNode body, List<Upload> uploads,
                    int flags, boolean fromWebhook) {
    GuildModel.ChannelData channel = channelData(channelId);
    String id = ids.next();
    Instant now = clock.instant();
    ObjectNode m = json.createObjectNode();
    m.put("id", id);
    m.put("type", type);
    m.put("channel_id", channelId);
    m.set("author", guild.userJson(json, author));
    m.put("content", textOr(body, "content", ""));
    m.put("timestamp", Timestamps.format(now));
    m.putNull("edited_timestamp");
    m.put("tts", false);
    m.put("pinned", false);
    ArrayNode attachments = messageJson.buildAttachments(channelId, body.path("attachments"), uploads, json.createArrayNode());
    m.set("attachments", attachments);
    m.set("embeds", messageJson.normaliseEmbeds(body.path("embeds"), attachments));
    m.set("components", messageJson.normaliseComponents(body.path("components")));
    m.put("flags", flags);
    JsonNode nonce = body.path("nonce");
    if (nonce.isTextual() || nonce.isIntegralNumber()) {
      m.set("nonce", nonce.deepCopy()); // Discord echoes the nonce so clients can match their sends
    }
    if (fromWebhook) {
      m.put("webhook_id", botId());
      m.put("application_id", botId());
    }
    Member repliedAuthor = null;
    JsonNode ref = body.path("message_reference");
    if (ref.hasNonNull("message_id")) {
      StoredMessage target = messages.get(ref.get("message_id").asText());
      String refChannel = ref.path("channel_id").asText(channelId);
      if (target == null || target.deleted || !target.channelId.equals(refChannel)) {
        if (ref.path("fail_if_not_exists").asBoolean(true)) {
          ObjectNode errors = json.createObjectNode();
          ObjectNode e = errors.putObject("message_reference").putArray("_errors").addObject();
          e.put("code", "MESSAGE_REFERENCE_UNKNOWN_MESSAGE");
          e.put("message", "Unknown message");
          throw ApiException.invalidForm(errors);
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
    byChannel.computeIfAbsent(channelId, k -> new TreeMap<>()).put(Long.parseUnsignedLong(id), sm);
    return sm;
  }

  void dispatchMessage(String event, StoredMessage sm) {
    messageEvents.add(new MessageEvent(clock.instant(),
        event.equals("MESSAGE_CREATE") ? MessageEvent.Kind.CREATED : MessageEvent.Kind.UPDATED, snapshot(sm)));
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

  private void dispatchDelete(StoredMessage sm) {
    if (sm.ephemeral()) {
      return;
    }
    ObjectNode d = json.createObjectNode();
    d.put("id", sm.id);
    d.put("channel_id", sm.channelId);
    d.put("guild_id", guild.id);
    gateway.dispatch("MESSAGE_DELETE", d, Gateway.GUILD_MESSAGES);
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
        attachments.forEach(a -> {
          if (keep.contains(a.path("id").asText())) {
            kept.add(a);
          }
        });
      } else {
        kept.addAll(attachments);
      }
      attachments = messageJson.buildAttachments(sm.channelId, body.path("attachments"), uploads, kept);
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
      m.put("flags", (m.path("flags").asInt() & ~suppress) | (body.get("flags").asInt() & suppress));
    }
    if (body.has("content") || body.has("allowed_mentions")) {
      Member replied = null;
      JsonNode refId = m.path("message_reference").path("message_id");
      if (refId.isTextual() && messages.containsKey(refId.asText())) {
        replied = messages.get(refId.asText()).author;
      }
      messageJson.applyMentions(m, body.path("allowed_mentions"), sm.author, sm.channelId, replied);
    }
    Validation.message(json, m, 0, 0, true);
    if (markEdited) {
      m.put("edited_timestamp", Timestamps.format(clock.instant()));
    }
    sm.json = m;
  }

  // ---- bot-side (REST) message operations ----

  private void requireBot(String channelId, long permission) {
    long p = guild.permissions(guild.bot, channelId);
    if (!Permissions.has(p, Permissions.VIEW_CHANNEL)) {
      throw ApiException.missingAccess();
    }
    if (!Permissions.has(p, permission)) {
      throw ApiException.missingPermissions();
    }
  }

  synchronized ObjectNode botCreateMessage(String channelId, JsonNode body, List<Upload> uploads) {
    GuildModel.ChannelData c = channelData(channelId);
    requireBot(channelId, guild.sendPermission(channelId));
    if (c.locked && !Permissions.has(guild.permissions(guild.bot, channelId), Permissions.MANAGE_THREADS)) {
      // Discord: without Manage Threads nobody posts in a locked thread, archived or not.
      throw c.archived ? new ApiException(400, 50083, "Thread is archived")
          : new ApiException(403, 160005, "Thread is locked");
    }
    if (!uploads.isEmpty()) {
      requireBot(channelId, Permissions.ATTACH_FILES);
    }
    if (body.path("message_reference").hasNonNull("message_id")) {
      requireBot(channelId, Permissions.READ_MESSAGE_HISTORY);
    }
    Validation.message(json, body, uploads.size(), 0, true);
    int flags = body.path("flags").asInt() & (1 << 2 | 1 << 12 | 1 << 15);
    ObjectNode checkedBody = body.deepCopy();
    if (!Permissions.has(guild.permissions(guild.bot, channelId), Permissions.EMBED_LINKS)) {
      checkedBody.putArray("embeds"); // Discord silently drops embeds without Embed Links
    }
    unarchiveOnActivity(c);
    if (c.channel.isThread() && !c.threadMembers.contains(botId())) {
      joinThread(guild.bot, channelId); // Discord adds whoever posts in a thread as a member
    }
    StoredMessage sm = insertMessage(channelId, guild.bot, 0, checkedBody, uploads, flags, false);
    dispatchMessage("MESSAGE_CREATE", sm);
    notifyAll();
    return sm.json.deepCopy();
  }

  synchronized ObjectNode botGetMessage(String channelId, String messageId) {
    requireBot(channelId, Permissions.READ_MESSAGE_HISTORY);
    StoredMessage sm = stored(channelId, messageId);
    if (sm.ephemeral()) {
      throw ApiException.unknownMessage();
    }
    return currentJson(sm);
  }

  /** A copy of a stored message whose {@code thread} is the started thread as it is now (archived, locked). */
  ObjectNode currentJson(StoredMessage sm) {
    ObjectNode n = sm.json.deepCopy();
    GuildModel.ChannelData started = n.has("thread") ? guild.channels.get(n.get("thread").path("id").asText()) : null;
    if (started != null) {
      n.set("thread", guild.channelJson(json, started, true));
    }
    return n;
  }

  synchronized ObjectNode botEditMessage(String channelId, String messageId, JsonNode body, List<Upload> uploads) {
    StoredMessage sm = stored(channelId, messageId);
    if (sm.ephemeral()) {
      throw ApiException.unknownMessage(); // ephemeral responses exist only behind the interaction webhook
    }
    if (!sm.author.id().equals(botId())) {
      throw ApiException.cannotEditOthers();
    }
    applyEdit(sm, body, uploads, true);
    dispatchMessage("MESSAGE_UPDATE", sm);
    notifyAll();
    return sm.json.deepCopy();
  }

  synchronized void botDeleteMessage(String channelId, String messageId) {
    StoredMessage sm = stored(channelId, messageId);
    if (!sm.author.id().equals(botId())) {
      requireBot(channelId, Permissions.MANAGE_MESSAGES);
    }
    deleteStored(sm);
    notifyAll();
  }

  void deleteStored(StoredMessage sm) {
    sm.deleted = true;
    messageEvents.add(new MessageEvent(clock.instant(), MessageEvent.Kind.DELETED, snapshot(sm)));
    GuildModel.ChannelData c = guild.channels.get(sm.channelId);
    if (c != null && c.channel.isThread() && c.messageCount > 0) {
      c.messageCount--;
    }
    dispatchDelete(sm);
  }

  synchronized ArrayNode history(String channelId, String before, String after, String around, Integer limit) {
    channelData(channelId);
    long p = guild.permissions(guild.bot, channelId);
    if (!Permissions.has(p, Permissions.VIEW_CHANNEL)) {
      throw ApiException.missingAccess();
    }
    int n = limit == null ? 50 : limit;
    if (n < 1 || n > 100) {
      ObjectNode errors = json.createObjectNode();
      ObjectNode e = errors.putObject("limit").putArray("_errors").addObject();
      e.put("code", "NUMBER_TYPE_MAX");
      e.put("message", "int value should be less than or equal to 100.");
      throw ApiException.invalidForm(errors);
    }
    ArrayNode out = json.createArrayNode();
    if (!Permissions.has(p, Permissions.READ_MESSAGE_HISTORY)) {
      return out;
    }
    List<StoredMessage> visible = byChannel.getOrDefault(channelId, new TreeMap<>()).values().stream()
        .filter(m -> !m.deleted && !m.ephemeral()).toList();
    List<StoredMessage> picked = new ArrayList<>();
    if (around != null) {
      long pivot = Long.parseUnsignedLong(around);
      List<StoredMessage> older = visible.stream().filter(m -> Long.compareUnsigned(m.id.isEmpty() ? 0 : key(m), pivot) < 0).toList();
      List<StoredMessage> newer = visible.stream().filter(m -> Long.compareUnsigned(key(m), pivot) >= 0).toList();
      int half = n / 2;
      picked.addAll(older.subList(Math.max(0, older.size() - half), older.size()));
      picked.addAll(newer.subList(0, Math.min(newer.size(), n - Math.min(half, older.size()))));
    } else if (after != null) {
      long pivot = Long.parseUnsignedLong(after);
      List<StoredMessage> newer = visible.stream().filter(m -> Long.compareUnsigned(key(m), pivot) > 0).toList();
      picked.addAll(newer.subList(0, Math.min(n, newer.size())));
    } else {
      long pivot = before == null ? -1L : Long.parseUnsignedLong(before);
      List<StoredMessage> older = visible.stream()
          .filter(m -> before == null || Long.compareUnsigned(key(m), pivot) < 0).toList();
      picked.addAll(older.subList(Math.max(0, older.size() - n), older.size()));
    }
    picked.sort((a, b) -> Long.compareUnsigned(key(b), key(a)));
    picked.forEach(m -> out.add(m.json.deepCopy()));
    return out;
  }

  private static long key(StoredMessage m) {
    return Long.parseUnsignedLong(m.id);
  }

  synchronized void botBulkDelete(String channelId, JsonNode body) {
    channelData(channelId);
    requireBot(channelId, Permissions.MANAGE_MESSAGES);
    JsonNode idsNode = body.path("messages");
    if (!idsNode.isArray() || idsNode.size() < 2 || idsNode.size() > 100) {
      throw new ApiException(400, 50016,
          "You must provide at least 2 and fewer than 100 messages to delete.");
    }
    List<StoredMessage> targets = new ArrayList<>();
    Instant cutoff = clock.instant().minus(Duration.ofDays(14));
    for (JsonNode n : idsNode) {
      StoredMessage m = messages.get(n.asText());
      if (m != null && Snowflakes.timeOf(m.id).isBefore(cutoff)) {
        throw new ApiException(400, 50034, "You can only bulk delete messages that are under 14 days old.");
      }
      if (m != null && !m.deleted && m.channelId.equals(channelId)) {
        targets.add(m);
      }
    }
    bulkDeleteStored(channelId, targets);
    notifyAll();
  }

  private void bulkDeleteStored(String channelId, List<StoredMessage> targets) {
    ObjectNode d = json.createObjectNode();
    ArrayNode idArray = d.putArray("ids");
    for (StoredMessage m : targets) {
      m.deleted = true;
      messageEvents.add(new MessageEvent(clock.instant(), MessageEvent.Kind.DELETED, snapshot(m)));
      idArray.add(m.id);
      GuildModel.ChannelData c = guild.channels.get(channelId);
      if (c.channel.isThread() && c.messageCount > 0) {
        c.messageCount--;
      }
    }
    d.put("channel_id", channelId);
    d.put("guild_id", guild.id);
    if (!targets.isEmpty()) {
      gateway.dispatch("MESSAGE_DELETE_BULK", d, Gateway.GUILD_MESSAGES);
    }
  }

  // ---- reactions ----

  synchronized void react(Member member, String channelId, String messageId, String emoji, boolean add) {
    StoredMessage sm = stored(channelId, messageId);
    if (member.id().equals(botId())) {
      requireBot(channelId, Permissions.READ_MESSAGE_HISTORY);
      if (add) {
        requireBot(channelId, Permissions.ADD_REACTIONS);
      }
    }
    String name = emoji;
    String emojiId = null;
    int colon = emoji.lastIndexOf(':');
    if (colon > 0) {
      name = emoji.substring(0, colon);
      emojiId = emoji.substring(colon + 1);
    }
    ArrayNode reactions = sm.json.has("reactions") ? (ArrayNode) sm.json.get("reactions") : sm.json.putArray("reactions");
    ObjectNode entry = null;
    for (JsonNode r : reactions) {
      if (r.path("emoji").path("name").asText().equals(name)) {
        entry = (ObjectNode) r;
      }
    }
    Set<String> users = reactionUsers(sm, emoji);
    boolean changed = add ? users.add(member.id()) : users.remove(member.id());
    if (!changed) {
      return;
    }
    if (entry == null) {
      entry = reactions.addObject();
      ObjectNode e = entry.putObject("emoji");
      if (emojiId == null) {
        e.putNull("id");
      } else {
        e.put("id", emojiId);
      }
      e.put("name", name);
      entry.put("burst_colors", json.createArrayNode().toString());
      entry.remove("burst_colors");
    }
    entry.put("count", users.size());
    ObjectNode details = entry.putObject("count_details");
    details.put("burst", 0);
    details.put("normal", users.size());
    entry.put("me", users.contains(botId()));
    entry.put("me_burst", false);
    entry.put("burst_me", false);
    if (users.isEmpty()) {
      for (int i = 0; i < reactions.size(); i++) {
        if (reactions.get(i) == entry) {
          reactions.remove(i);
          break;
        }
      }
    }
    ObjectNode d = json.createObjectNode();
    d.put("user_id", member.id());
    d.put("channel_id", channelId);
    d.put("message_id", messageId);
    d.put("guild_id", guild.id);
    if (add) {
      d.set("member", guild.memberJson(json, member, true));
      d.put("message_author_id", sm.author.id());
    }
    ObjectNode e = d.putObject("emoji");
    if (emojiId == null) {
      e.putNull("id");
    } else {
      e.put("id", emojiId);
    }
    e.put("name", name);
    d.put("burst", false);
    d.put("type", 0);
    gateway.dispatch(add ? "MESSAGE_REACTION_ADD" : "MESSAGE_REACTION_REMOVE", d, Gateway.GUILD_MESSAGE_REACTIONS);
    notifyAll();
  }

  private final Map<String, Set<String>> reactionUsers = new LinkedHashMap<>();

  private Set<String> reactionUsers(StoredMessage sm, String emoji) {
    return reactionUsers.computeIfAbsent(sm.id + "/" + emoji, k -> new java.util.LinkedHashSet<>());
  }

  // ---- threads ----

  synchronized ObjectNode createThreadFromMessage(Member creator, String channelId, String messageId, JsonNode body) {
    GuildModel.ChannelData parent = channelData(channelId);
    if (parent.channel.isThread()) {
      throw new ApiException(400, 50024, "Cannot execute action on this channel type");
    }
    StoredMessage sm = stored(channelId, messageId);
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
    Channel thread = new Channel(messageId, body.get("name").asText(), Channel.PUBLIC_THREAD, channelId, creator.id());
    ObjectNode threadJson = openThread(thread, creator, body);
    sm.json.put("flags", sm.flags() | 1 << 5);
    sm.json.set("thread", threadJson.deepCopy());
    dispatchMessage("MESSAGE_UPDATE", sm);
    notifyAll();
    return threadJson;
  }

  /** Registers a new thread with its creator as first member and announces it (THREAD_CREATE). */
  private ObjectNode openThread(Channel thread, Member creator, JsonNode body) {
    Instant now = clock.instant();
    guild.putChannel(thread, 0, null, now);
    GuildModel.ChannelData data = guild.channels.get(thread.id());
    data.autoArchiveDuration = body.path("auto_archive_duration").asInt(1440);
    data.threadMembers.add(creator.id());
    data.threadJoinedAt.put(creator.id(), now);
    threadOrder.add(thread.id());
    ObjectNode threadJson = guild.channelJson(json, data, true);
    ObjectNode created = threadJson.deepCopy();
    // "member" on a thread is the receiving bot's own membership: present only when the bot created it.
    created.put("newly_created", true);
    gateway.dispatch("THREAD_CREATE", created, Gateway.GUILDS);
    return threadJson;
  }

  /**
   * {@code POST channels/{c}/threads}: a thread without a starter message. Public threads leave a
   * THREAD_CREATED (type 18) system message in the parent, as on Discord.
   */
  synchronized ObjectNode createThread(Member creator, String channelId, JsonNode body) {
    GuildModel.ChannelData parent = channelData(channelId);
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
    long needed = type == Channel.PUBLIC_THREAD ? Permissions.CREATE_PUBLIC_THREADS : Permissions.CREATE_PRIVATE_THREADS;
    if (!Permissions.has(p, needed)) {
      throw ApiException.missingPermissions();
    }
    Validation.threadName(json, body);
    Channel thread = new Channel(ids.next(), body.get("name").asText(), type, channelId, creator.id());
    ObjectNode threadJson = openThread(thread, creator, body);
    if (type == Channel.PUBLIC_THREAD) {
      ObjectNode system = json.createObjectNode();
      system.put("content", thread.name());
      StoredMessage sm = insertMessage(channelId, creator, 18, system, List.of(), 0, false);
      ObjectNode reference = sm.json.putObject("message_reference");
      reference.put("type", 0);
      reference.put("channel_id", thread.id());
      reference.put("guild_id", guild.id);
      dispatchMessage("MESSAGE_CREATE", sm);
    }
    notifyAll();
    return threadJson;
  }

  /** {@code PATCH channels/{c}} for threads: name, archived, locked, auto-archive duration (THREAD_UPDATE). */
  synchronized ObjectNode botEditThread(String threadId, JsonNode body) {
    GuildModel.ChannelData t = channelData(threadId);
    long p = guild.permissions(guild.bot, threadId);
    if (!Permissions.has(p, Permissions.VIEW_CHANNEL)) {
      throw ApiException.missingAccess();
    }
    boolean owner = botId().equals(t.channel.ownerId());
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
      t.channel = new Channel(t.channel.id(), body.get("name").asText(), t.channel.type(), t.channel.parentId(),
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
    notifyAll();
    return n;
  }

  synchronized void joinThread(Member member, String threadId) {
    GuildModel.ChannelData t = channelData(threadId);
    if (!t.channel.isThread()) {
      throw new ApiException(400, 50024, "Cannot execute action on this channel type");
    }
    if (!Permissions.has(guild.permissions(member, threadId), Permissions.VIEW_CHANNEL)) {
      throw ApiException.missingAccess();
    }
    if (t.threadMembers.add(member.id())) {
      Instant now = clock.instant();
      t.threadJoinedAt.put(member.id(), now);
      if (member.id().equals(botId())) {
        ObjectNode d = json.createObjectNode();
        d.put("id", threadId);
        d.put("user_id", member.id());
        d.put("join_timestamp", Timestamps.format(now));
        d.put("flags", 1);
        d.put("guild_id", guild.id);
        gateway.dispatch("THREAD_MEMBER_UPDATE", d, Gateway.GUILDS);
      }
    }
    notifyAll();
  }

  synchronized ObjectNode channelJson(String channelId) {
    GuildModel.ChannelData c = channelData(channelId);
    if (!Permissions.has(guild.permissions(guild.bot, channelId), Permissions.VIEW_CHANNEL)) {
      throw ApiException.missingAccess();
    }
    return guild.channelJson(json, c, true);
  }

  /** Archives (and optionally locks) a thread as Discord's auto-archive or a moderator would (THREAD_UPDATE). */
  synchronized void archiveThread(String threadId, boolean lock) {
    GuildModel.ChannelData c = guild.channels.get(threadId);
    if (c == null || !c.channel.isThread()) {
      throw new IllegalArgumentException("not a thread: " + threadId);
    }
    c.archived = true;
    c.locked = lock;
    c.archiveTimestamp = clock.instant();
    gateway.dispatch("THREAD_UPDATE", guild.channelJson(json, c, true), Gateway.GUILDS);
    notifyAll();
  }

  private void unarchiveOnActivity(GuildModel.ChannelData c) {
    if (c.channel.isThread() && c.archived && !c.locked) {
      c.archived = false;
      c.archiveTimestamp = clock.instant();
      gateway.dispatch("THREAD_UPDATE", guild.channelJson(json, c, true), Gateway.GUILDS);
    }
  }

  // ---- members (scenario) ----

  private void requireMember(Member author, String channelId, long permission, String action) {
    long p = guild.permissions(author, channelId);
    if (!Permissions.has(p, Permissions.VIEW_CHANNEL | permission)) {
      throw new IllegalStateException(author.name() + " may not " + action + " in #"
          + guild.channels.get(channelId).channel.name() + " (missing permission)");
    }
  }

  synchronized SandboxMessage memberPost(Member author, String channelId, String content, String replyToId,
                       List<FileUpload> attachments) {
    GuildModel.ChannelData c = channelData(channelId);
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
    unarchiveOnActivity(c);
    if (c.channel.isThread() && c.threadMembers.add(author.id())) {
      c.threadJoinedAt.put(author.id(), clock.instant());
    }
    StoredMessage sm = insertMessage(channelId, author, 0, body, uploads, 0, false);
    dispatchMessage("MESSAGE_CREATE", sm);
    notifyAll();
    return snapshot(sm);
  }

  synchronized SandboxMessage memberEdit(String messageId, String newContent) {
    StoredMessage sm = messages.get(messageId);
    if (sm == null || sm.deleted) {
      throw new IllegalArgumentException("no message " + messageId);
    }
    ObjectNode body = json.createObjectNode();
    body.put("content", newContent);
    applyEdit(sm, body, List.of(), true);
    dispatchMessage("MESSAGE_UPDATE", sm);
    notifyAll();
    return snapshot(sm);
  }

  synchronized void memberDelete(String messageId) {
    StoredMessage sm = messages.get(messageId);
    if (sm == null || sm.deleted) {
      throw new IllegalArgumentException("no message " + messageId);
    }
    deleteStored(sm);
    notifyAll();
  }

  synchronized void memberBulkDelete(String channelId, Collection<String> messageIds) {
    List<StoredMessage> targets = new ArrayList<>();
    for (String id : messageIds) {
      StoredMessage m = messages.get(id);
      if (m == null || m.deleted || !m.channelId.equals(channelId)) {
        throw new IllegalArgumentException("no message " + id + " in channel " + channelId);
      }
      targets.add(m);
    }
    bulkDeleteStored(channelId, targets);
    notifyAll();
  }

  synchronized Channel memberCreateThread(Member creator, String messageId, String name) {
    StoredMessage sm = messages.get(messageId);
    if (sm == null || sm.deleted) {
      throw new IllegalArgumentException("no message " + messageId);
    }
    ObjectNode body = json.createObjectNode();
    body.put("name", name);
    try {
      createThreadFromMessage(creator, sm.channelId, messageId, body);
    } catch (ApiException e) {
      throw new IllegalStateException(creator.name() + " cannot create thread: " + e.getMessage());
    }
    return guild.channels.get(messageId).channel;
  }

  // ------------------------------------------------------------------ application commands

  // ------------------------------------------------------------------ interactions (member side)

  synchronized ObjectNode resolvedMessage(String messageId) {
    StoredMessage sm = messages.get(messageId);
    if (sm == null || sm.deleted) {
      throw new IllegalArgumentException("no message " + messageId);
    }
    return sm.json.deepCopy();
  }

  synchronized ObjectNode userJson(Member m) {
    return guild.userJson(json, m);
  }

  synchronized ObjectNode memberJson(Member m) {
    ObjectNode n = guild.memberJson(json, m, false);
    return n;
  }

  synchronized ObjectNode channelJsonForResolved(Channel c, Member viewer) {
    ObjectNode n = json.createObjectNode();
    n.put("id", c.id());
    n.put("name", c.name());
    n.put("type", c.type());
    n.put("permissions", Long.toString(guild.permissions(viewer, c.id())));
    if (c.parentId() != null) {
      n.put("parent_id", c.parentId());
    }
    return n;
  }

  synchronized ObjectNode roleJson(Role r) {
    return guild.roleJson(json, r);
  }

  // ------------------------------------------------------------------ interactions (bot side)

  /** The object child {@code name}, created when absent. */
  static ObjectNode child(ObjectNode parent, String name) {
    return parent.get(name) instanceof ObjectNode existing ? existing : parent.putObject(name);
  }

  private static String textOr(JsonNode body, String field, String fallback) {
    JsonNode v = body.path(field);
    return v.isTextual() ? v.asText() : fallback;
  }

  /** The stored message with this id (deleted ones included), or {@code null}. */
  StoredMessage storedById(String id) {
    return messages.get(id);
  }

  // ------------------------------------------------------------------ delegates that take the lock

  synchronized ArrayNode listCommands(String guildId) {
    return commands.listCommands(guildId);
  }

  synchronized ArrayNode overwriteCommands(String guildId, JsonNode body) {
    return commands.overwriteCommands(guildId, body);
  }

  synchronized Object[] upsertCommand(String guildId, JsonNode body) {
    return commands.upsertCommand(guildId, body);
  }

  synchronized ObjectNode getCommand(String guildId, String commandId) {
    return commands.getCommand(guildId, commandId);
  }

  synchronized ObjectNode editCommand(String guildId, String commandId, JsonNode patch) {
    return commands.editCommand(guildId, commandId, patch);
  }

  synchronized void deleteCommand(String guildId, String commandId) {
    commands.deleteCommand(guildId, commandId);
  }

  synchronized ObjectNode registeredCommand(String name, int type) {
    return commands.registeredCommand(name, type);
  }

  synchronized boolean commandVisibleTo(Member member, String channelId, String name, int type) {
    return commands.commandVisibleTo(member, channelId, name, type);
  }

  synchronized InteractionState createInteraction(int type, Member member, String channelId, ObjectNode data,
                          String sourceMessageId, int responseType) {
    return interactions.createInteraction(type, member, channelId, data, sourceMessageId, responseType);
  }

  synchronized ObjectNode storeCommandAttachment(String channelId, FileUpload upload) {
    return interactions.storeCommandAttachment(channelId, upload);
  }

  synchronized ObjectNode interactionCallback(String id, String interactionToken, JsonNode body, List<Upload> uploads) {
    return interactions.interactionCallback(id, interactionToken, body, uploads);
  }

  synchronized ObjectNode followUp(String applicationId, String interactionToken, JsonNode body, List<Upload> uploads) {
    return interactions.followUp(applicationId, interactionToken, body, uploads);
  }

  synchronized ObjectNode webhookEdit(String applicationId, String interactionToken, String messageId, JsonNode body,
                    List<Upload> uploads) {
    return interactions.webhookEdit(applicationId, interactionToken, messageId, body, uploads);
  }

  synchronized ObjectNode webhookGet(String applicationId, String interactionToken, String messageId) {
    return interactions.webhookGet(applicationId, interactionToken, messageId);
  }

  synchronized void webhookDelete(String applicationId, String interactionToken, String messageId) {
    interactions.webhookDelete(applicationId, interactionToken, messageId);
  }
}
