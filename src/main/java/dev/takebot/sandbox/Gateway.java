package dev.takebot.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsContext;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.Deflater;
import org.eclipse.jetty.websocket.api.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gateway v10 over WebSocket: HELLO, IDENTIFY/READY/GUILD_CREATE, heartbeats, sequenced dispatches
 * with a replay buffer for RESUME, INVALID_SESSION and RECONNECT, intents and the Message Content
 * rule.
 *
 * <p>All state is confined to the {@link EngineLoop}: socket callbacks hand their work to it, and
 * sends are asynchronous and enqueued in the order the loop makes them, so sequence numbers reach
 * the client in order.
 */
final class Gateway {
  static final int GUILDS = 1;
  static final int GUILD_MEMBERS = 1 << 1;
  static final int GUILD_PRESENCES = 1 << 8;
  static final int GUILD_MESSAGES = 1 << 9;
  static final int GUILD_MESSAGE_REACTIONS = 1 << 10;
  static final int MESSAGE_CONTENT = 1 << 15;
  static final int PRIVILEGED = GUILD_MEMBERS | GUILD_PRESENCES | MESSAGE_CONTENT;
  private static final int REPLAY_BUFFER = 10_000;

  private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);

  /**
   * What {@code GET /gateway/bot} announces and how session starts are limited: the recommended
   * shard count, the daily {@code session_start_limit} total, and {@code max_concurrency}
   * identifies per {@code identifyInterval} (Discord: 5 s) per bucket {@code shard_id %
   * max_concurrency}.
   */
  record Sharding(
      int recommendedShards,
      int sessionStartTotal,
      int maxConcurrency,
      Duration identifyInterval) {}

  /** One identified gateway session; survives disconnects until invalidated. */
  static final class Session {
    final String id;
    final long intents;
    final int shardId;
    final int numShards;
    int seq;
    final ArrayDeque<ObjectNode> buffer = new ArrayDeque<>();
    Connection connection;
    boolean alive = true;
    boolean guildPending = true;

    /** Dispatches held back until the session's GUILD_CREATE, which must come first. */
    final List<Dispatch> deferred = new ArrayList<>();

    Session(String id, long intents, int shardId, int numShards) {
      this.id = id;
      this.intents = intents;
      this.shardId = shardId;
      this.numShards = numShards;
    }

    /** Discord sends a shard only its guilds' events; events without a guild go to shard 0. */
    boolean receives(GuildModel guild) {
      return guild == null ? shardId == 0 : guild.shard(numShards) == shardId;
    }
  }

  record Dispatch(String type, ObjectNode d) {}

  /** One WebSocket connection. */
  static final class Connection {
    final WsContext ctx;
    final String path;
    final Deflater deflater;
    Session session;
    boolean open = true;

    /** Accepted during an outage: no HELLO yet, its payloads wait for the outage to end. */
    List<JsonNode> held;

    Connection(WsContext ctx, String path, Deflater deflater) {
      this.ctx = ctx;
      this.path = path;
      this.deflater = deflater;
    }
  }

  private final ObjectMapper json;
  private final Clock clock;
  private final EngineLoop loop;
  private final Guilds guilds;
  private final String token;
  private final Sharding sharding;
  private int sessionStartsRemaining;

  /** When each identify bucket last started a session. */
  private final Map<Integer, Instant> lastIdentify = new HashMap<>();

  private final int heartbeatInterval;
  private final long allowedPrivilegedIntents;
  private volatile String resumeGatewayUrl = "ws://127.0.0.1/gateway-resume";
  private final Map<String, Connection> connections = new LinkedHashMap<>();
  private final Map<String, Session> sessions = new LinkedHashMap<>();
  private final List<GatewayEvent> events = new ArrayList<>();

  /** While true, the gateway accepts connections but answers none of them (see beginOutage). */
  private boolean outage;

  Gateway(
      ObjectMapper json,
      Clock clock,
      EngineLoop loop,
      Guilds guilds,
      String token,
      int heartbeatInterval,
      long allowedPrivilegedIntents,
      Sharding sharding) {
    this.json = json;
    this.clock = clock;
    this.loop = loop;
    this.guilds = guilds;
    this.token = token;
    this.sharding = sharding;
    this.sessionStartsRemaining = sharding.sessionStartTotal();
    this.heartbeatInterval = heartbeatInterval;
    this.allowedPrivilegedIntents = allowedPrivilegedIntents;
  }

  /** The {@code resume_gateway_url} READY announces, known once the server listens. */
  void resumeGatewayUrl(String url) {
    this.resumeGatewayUrl = url;
  }

  void configure(WsConfig ws, String path) {
    ws.onConnect(
        ctx -> {
          ctx.session.setIdleTimeout(Duration.ofMinutes(10));
          loop.execute(() -> onConnect(ctx, path));
        });
    ws.onMessage(ctx -> onText(ctx, ctx.message()));
    ws.onBinaryMessage(ctx -> onText(ctx, StandardCharsets.UTF_8.decode(ctx.data()).toString()));
    ws.onClose(
        ctx -> {
          int code = ctx.status();
          String reason = ctx.reason();
          loop.execute(() -> onClose(ctx, code, reason));
        });
    ws.onError(
        ctx -> {
          String error = String.valueOf(ctx.error());
          loop.execute(() -> onClose(ctx, -1, error));
        });
  }

  // ---- connection lifecycle ----

  private void onConnect(WsContext ctx, String path) {
    boolean zlib = "zlib-stream".equals(ctx.queryParam("compress"));
    Connection c = new Connection(ctx, path, zlib ? new Deflater() : null);
    connections.put(ctx.sessionId(), c);
    record("CONNECT", path + (ctx.queryString() == null ? "" : "?" + ctx.queryString()));
    if (outage) {
      c.held = new ArrayList<>();
      return;
    }
    hello(c);
  }

  private void hello(Connection c) {
    ObjectNode hello = json.createObjectNode();
    hello.put("op", 10);
    hello.putNull("s");
    hello.putNull("t");
    hello.putObject("d").put("heartbeat_interval", heartbeatInterval);
    send(c, hello);
  }

  private void onClose(WsContext ctx, int code, String reason) {
    Connection c = connections.remove(ctx.sessionId());
    if (c == null) {
      return;
    }
    c.open = false;
    if (c.deflater != null) {
      c.deflater.end();
    }
    record("CLOSE", code + " " + (reason == null ? "" : reason));
    Session s = c.session;
    if (s != null && s.connection == c) {
      s.connection = null;
      if (code == 1000 || code == 1001) {
        // A client closing normally ends its session on Discord; it must identify again.
        s.alive = false;
      }
    }
  }

  /**
   * Parses on the socket's thread, then answers on the loop; a null payload is one that did not
   * parse.
   */
  private void onText(WsContext ctx, String text) {
    JsonNode parsed;
    try {
      parsed = json.readTree(text);
    } catch (JsonProcessingException e) {
      parsed = null;
    }
    JsonNode payload = parsed;
    loop.execute(() -> onPayload(ctx, payload));
  }

  private void onPayload(WsContext ctx, JsonNode payload) {
    Connection c = connections.get(ctx.sessionId());
    if (c == null) {
      return;
    }
    if (c.held != null) {
      c.held.add(payload);
      return;
    }
    handle(c, payload);
  }

  private void handle(Connection c, JsonNode payload) {
    if (payload == null) {
      close(c, 4002, "Error while decoding payload.");
      return;
    }
    switch (payload.path("op").asInt(-1)) {
      case 1 -> heartbeat(c);
      case 2 -> identify(c, payload.path("d"));
      case 3, 4 -> {
        /* presence and voice state updates are accepted and ignored */
      }
      case 6 -> resume(c, payload.path("d"));
      case 8 -> requestMembers(c, payload.path("d"));
      default -> close(c, 4001, "Unknown opcode.");
    }
  }

  private void heartbeat(Connection c) {
    ObjectNode ack = json.createObjectNode();
    ack.put("op", 11);
    ack.putNull("d");
    send(c, ack);
  }

  private void identify(Connection c, JsonNode d) {
    if (c.session != null) {
      close(c, 4005, "Already authenticated.");
      return;
    }
    if (!acceptsToken(d.path("token").asText())) {
      record("IDENTIFY", "rejected token");
      close(c, 4004, "Authentication failed.");
      return;
    }
    if (!d.path("intents").canConvertToLong()) {
      close(c, 4013, "Invalid intent(s).");
      return;
    }
    long intents = d.path("intents").asLong();
    if ((intents & PRIVILEGED & ~allowedPrivilegedIntents) != 0) {
      record("IDENTIFY", "disallowed intents " + intents);
      close(c, 4014, "Disallowed intent(s).");
      return;
    }
    JsonNode shard = d.path("shard");
    int shardId = 0;
    int numShards = 1;
    if (!shard.isMissingNode() && !shard.isNull()) {
      shardId = shard.path(0).asInt(-1);
      numShards = shard.path(1).asInt(0);
      if (!shard.isArray()
          || shard.size() != 2
          || numShards < 1
          || shardId < 0
          || shardId >= numShards) {
        record("IDENTIFY", "invalid shard " + shard);
        close(c, 4010, "Invalid shard.");
        return;
      }
    }
    String refused = refusedStart(shardId);
    if (refused != null) {
      // Discord answers a start it does not allow with a non-resumable invalid session.
      record("IDENTIFY_REFUSED", "shard " + shardId + "/" + numShards + ": " + refused);
      ObjectNode invalid = json.createObjectNode();
      invalid.put("op", 9);
      invalid.put("d", false);
      send(c, invalid);
      return;
    }
    sessionStartsRemaining--;
    lastIdentify.put(shardId % sharding.maxConcurrency(), clock.instant());
    byte[] random = new byte[16];
    ThreadLocalRandom.current().nextBytes(random);
    Session s = new Session(HexFormat.of().formatHex(random), intents, shardId, numShards);
    sessions.put(s.id, s);
    s.connection = c;
    c.session = s;
    record(
        "IDENTIFY",
        "session "
            + s.id
            + " intents "
            + intents
            + " shard "
            + shardId
            + "/"
            + numShards
            + " via "
            + c.path);
    sequenceAndSend(s, "READY", readyJson(s));
    loop.schedule(() -> sendGuildCreate(s), Duration.ofMillis(20));
  }

  /** Why a new session may not start now (null if it may): the bucket's pace or the daily limit. */
  private String refusedStart(int shardId) {
    if (sessionStartsRemaining <= 0) {
      return "session_start_limit exhausted";
    }
    int bucket = shardId % sharding.maxConcurrency();
    Instant last = lastIdentify.get(bucket);
    if (last != null
        && Duration.between(last, clock.instant()).compareTo(sharding.identifyInterval()) < 0) {
      return "bucket " + bucket + " identified less than " + sharding.identifyInterval() + " ago";
    }
    return null;
  }

  /** The guilds a session's shard holds, in the order they were created. */
  private List<GuildModel> guildsOf(Session s) {
    return guilds.all().stream().filter(s::receives).toList();
  }

  /** {@code GET /gateway/bot}'s body. */
  ObjectNode gatewayBotJson(String url) {
    ObjectNode n = json.createObjectNode();
    n.put("url", url);
    n.put("shards", sharding.recommendedShards());
    ObjectNode limit = n.putObject("session_start_limit");
    limit.put("total", sharding.sessionStartTotal());
    limit.put("remaining", Math.max(0, sessionStartsRemaining));
    limit.put("reset_after", 86_400_000);
    limit.put("max_concurrency", sharding.maxConcurrency());
    return n;
  }

  /**
   * The bot token in IDENTIFY/RESUME: Discord takes it bare; a {@code Bot } prefix is tolerated.
   */
  private boolean acceptsToken(String presented) {
    return token.equals(presented) || ("Bot " + token).equals(presented);
  }

  private ObjectNode readyJson(Session s) {
    String sessionId = s.id;
    GuildModel guild = guilds.first();
    ObjectNode d = json.createObjectNode();
    d.put("v", 10);
    ObjectNode user = guild.userJson(json, guild.bot);
    user.put("verified", true);
    user.put("mfa_enabled", false);
    user.put("flags", 0);
    d.set("user", user);
    ArrayNode guildArray = d.putArray("guilds");
    for (GuildModel g : guildsOf(s)) {
      guildArray.addObject().put("id", g.id).put("unavailable", true);
    }
    d.putArray("private_channels");
    d.putArray("relationships");
    d.putArray("presences");
    d.putArray("guild_join_requests");
    d.putArray("geo_ordered_rtc_regions");
    d.put("session_id", sessionId);
    d.put("session_type", "normal");
    d.put("resume_gateway_url", resumeGatewayUrl);
    d.putArray("shard").add(s.shardId).add(s.numShards);
    ObjectNode app = d.putObject("application");
    app.put("id", guild.bot.id());
    app.put("flags", 1 << 19 | 1 << 23);
    d.putObject("user_settings");
    d.putArray("_trace").add("[\"takebot-sandbox\"]");
    return d;
  }

  private void sendGuildCreate(Session s) {
    if (!s.alive) {
      return;
    }
    for (GuildModel g : guildsOf(s)) {
      sequenceAndSend(s, "GUILD_CREATE", g.guildCreateJson(json));
    }
    s.guildPending = false;
    for (Dispatch d : s.deferred) {
      sequenceAndSend(s, d.type(), d.d());
    }
    s.deferred.clear();
  }

  private void resume(Connection c, JsonNode d) {
    Session s = sessions.get(d.path("session_id").asText());
    long seq = d.path("seq").asLong(0);
    if (!acceptsToken(d.path("token").asText())) {
      close(c, 4004, "Authentication failed.");
      return;
    }
    ObjectNode first = s == null ? null : s.buffer.peekFirst();
    boolean gap = first != null && first.get("s").asLong() > seq + 1;
    if (s == null || !s.alive || gap) {
      record("RESUME_FAILED", "session " + d.path("session_id").asText() + " seq " + seq);
      ObjectNode invalid = json.createObjectNode();
      invalid.put("op", 9);
      invalid.put("d", false);
      send(c, invalid);
      return;
    }
    if (s.connection != null && s.connection != c) {
      Connection old = s.connection;
      old.session = null;
      close(old, 4000, "Session resumed elsewhere.");
    }
    s.connection = c;
    c.session = s;
    int replayed = 0;
    for (ObjectNode p : s.buffer) {
      if (p.get("s").asLong() > seq) {
        send(c, p);
        replayed++;
      }
    }
    record(
        "RESUME",
        "session " + s.id + " from seq " + seq + " replayed " + replayed + " via " + c.path);
    sequenceAndSend(s, "RESUMED", json.createObjectNode());
  }

  private void requestMembers(Connection c, JsonNode d) {
    if (c.session == null) {
      close(c, 4003, "Not authenticated.");
      return;
    }
    GuildModel guild = guilds.byId(d.path("guild_id").asText());
    if (guild == null || !c.session.receives(guild)) {
      return; // Discord ignores requests for guilds the shard does not hold
    }
    sequenceAndSend(c.session, "GUILD_MEMBERS_CHUNK", guild.membersChunkJson(json, d));
  }

  // ---- dispatching ----

  /**
   * Sends a dispatch to every live session whose intents include {@code intent} (0 = always),
   * applying the Message Content rule to message payloads.
   */
  void dispatch(String type, ObjectNode d, int intent) {
    GuildModel guild = guildOf(type, d);
    for (Session s : sessions.values()) {
      if (!s.alive || (intent != 0 && (s.intents & intent) == 0) || !s.receives(guild)) {
        continue;
      }
      ObjectNode payload = d;
      if ((s.intents & MESSAGE_CONTENT) == 0
          && (type.equals("MESSAGE_CREATE") || type.equals("MESSAGE_UPDATE"))) {
        payload = withoutContent(d);
      }
      if (s.guildPending) {
        s.deferred.add(new Dispatch(type, payload));
      } else {
        sequenceAndSend(s, type, payload);
      }
    }
  }

  /**
   * The guild a dispatch is about: its {@code guild_id}, or the guild itself for GUILD_CREATE and
   * GUILD_DELETE.
   */
  private GuildModel guildOf(String type, ObjectNode d) {
    boolean isGuild = type.equals("GUILD_CREATE") || type.equals("GUILD_DELETE");
    return guilds.byId(d.path(isGuild ? "id" : "guild_id").asText());
  }

  /**
   * Discord blanks content, embeds, attachments, components and polls of others' messages without
   * the intent.
   */
  private ObjectNode withoutContent(ObjectNode message) {
    String botId = guilds.bot().id();
    boolean own = botId.equals(message.path("author").path("id").asText());
    boolean mentionsBot = false;
    for (JsonNode m : message.path("mentions")) {
      mentionsBot |= botId.equals(m.path("id").asText());
    }
    ObjectNode copy = message.deepCopy();
    if (!own && !mentionsBot) {
      copy.put("content", "");
      copy.putArray("embeds");
      copy.putArray("attachments");
      copy.putArray("components");
      copy.remove("poll");
    }
    if (copy.get("referenced_message") instanceof ObjectNode ref) {
      copy.set("referenced_message", withoutContent(ref));
    }
    return copy;
  }

  private void sequenceAndSend(Session s, String type, ObjectNode d) {
    ObjectNode p = json.createObjectNode();
    p.put("op", 0);
    p.put("t", type);
    p.put("s", ++s.seq);
    p.set("d", d);
    s.buffer.addLast(p);
    if (s.buffer.size() > REPLAY_BUFFER) {
      s.buffer.removeFirst();
    }
    if (s.connection != null && s.connection.open) {
      send(s.connection, p);
    }
  }

  private void send(Connection c, ObjectNode payload) {
    if (!c.open) {
      return;
    }
    byte[] bytes;
    try {
      bytes = json.writeValueAsBytes(payload);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    try {
      if (c.deflater == null) {
        c.ctx.session.sendText(new String(bytes, StandardCharsets.UTF_8), Callback.NOOP);
      } else {
        c.ctx.session.sendBinary(ByteBuffer.wrap(deflate(c.deflater, bytes)), Callback.NOOP);
      }
    } catch (RuntimeException e) {
      LOG.debug("gateway send failed", e);
    }
  }

  /**
   * zlib-stream: one deflate context per connection, every message ending in a sync flush (00 00 ff
   * ff).
   */
  private static byte[] deflate(Deflater deflater, byte[] input) {
    deflater.setInput(input);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(input.length / 2 + 64);
    byte[] buf = new byte[8192];
    int n;
    do {
      n = deflater.deflate(buf, 0, buf.length, Deflater.SYNC_FLUSH);
      out.write(buf, 0, n);
    } while (n == buf.length);
    return out.toByteArray();
  }

  private void close(Connection c, int code, String reason) {
    record("SERVER_CLOSE", code + " " + reason);
    c.open = false;
    Session s = c.session;
    if (s != null && s.connection == c) {
      s.connection = null;
    }
    try {
      c.ctx.closeSession(code, reason);
    } catch (RuntimeException e) {
      LOG.debug("close failed", e);
    }
  }

  private void record(String kind, String detail) {
    events.add(new GatewayEvent(clock.instant(), kind, detail));
  }

  // ---- controls for tests ----

  /**
   * Cuts every identified connection without a close frame; dispatches from now on are buffered.
   */
  void dropConnections() {
    for (Session s : sessions.values()) {
      Connection c = s.connection;
      if (c != null) {
        record("DROP", "session " + s.id);
        c.open = false;
        s.connection = null;
        try {
          c.ctx.session.disconnect();
        } catch (Exception e) {
          LOG.debug("disconnect failed", e);
        }
      }
    }
  }

  /**
   * A gateway outage: every identified connection is cut, and connections made until {@link
   * #endOutage()} are accepted but get no HELLO and no answer (their IDENTIFY or RESUME waits), as
   * when Discord's gateway is unreachable. JDA's read timeout before HELLO is 10 s.
   */
  void beginOutage() {
    outage = true;
    record("OUTAGE", "begin");
    dropConnections();
  }

  /** Ends the outage: connections made meanwhile get their HELLO and their waiting payloads. */
  void endOutage() {
    outage = false;
    record("OUTAGE", "end");
    for (Connection c : List.copyOf(connections.values())) {
      if (c.held != null && c.open) {
        List<JsonNode> waiting = c.held;
        c.held = null;
        hello(c);
        waiting.forEach(p -> handle(c, p));
      }
    }
  }

  /**
   * Closes every identified connection with a close frame; sessions stay resumable for 4000-range
   * codes.
   */
  void closeConnections(int code, String reason) {
    for (Session s : sessions.values()) {
      if (s.connection != null) {
        close(s.connection, code, reason);
      }
    }
  }

  /** Sends op 7 RECONNECT. */
  void requestReconnect() {
    for (Session s : sessions.values()) {
      if (s.connection != null) {
        record("RECONNECT_REQUESTED", "session " + s.id);
        ObjectNode p = json.createObjectNode();
        p.put("op", 7);
        p.putNull("d");
        send(s.connection, p);
      }
    }
  }

  /** Sends op 9; a non-resumable invalidation ends the session so only a new IDENTIFY works. */
  void invalidateSessions(boolean resumable) {
    for (Session s : sessions.values()) {
      if (!s.alive) {
        continue;
      }
      record("INVALIDATED", "session " + s.id + " resumable " + resumable);
      if (!resumable) {
        s.alive = false;
      }
      if (s.connection != null) {
        ObjectNode p = json.createObjectNode();
        p.put("op", 9);
        p.put("d", resumable);
        send(s.connection, p);
      }
    }
  }

  /** True when a session is identified, connected and has received its GUILD_CREATE. */
  boolean isReady() {
    return sessions.values().stream()
        .anyMatch(s -> s.alive && s.connection != null && !s.guildPending);
  }

  List<GatewayEvent> events() {
    return List.copyOf(events);
  }

  /** Closes all sockets at shutdown. */
  void shutdown() {
    for (Connection c : connections.values()) {
      try {
        c.open = false;
        c.ctx.closeSession(1001, "Sandbox shutting down");
      } catch (RuntimeException e) {
        LOG.debug("close at shutdown failed", e);
      }
    }
  }
}
