package dev.takebot.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The sandbox's state, one class per Discord resource, wired together and owned by one {@link
 * EngineLoop}. REST routes, gateway sockets and the scenario API reach the resources only through
 * {@link #call}, {@link #run} or {@link #await}, so every read and change runs on the loop's
 * thread, in one order, without locks.
 */
final class SandboxEngine implements AutoCloseable {
  final ObjectMapper json;
  final Clock clock;
  final String token;
  final EngineLoop loop = new EngineLoop();
  final Guilds guilds = new Guilds();

  /** The first guild, the one the single-guild scenario API names. */
  final GuildModel guild;

  private final Snowflakes ids;
  private final String botId;
  private final String botName;
  final Gateway gateway;
  final MessageJson messageJson;
  final CommandRegistry commands;
  final Messages messages;
  final Threads threads;
  final Reactions reactions;
  final Interactions interactions;
  final InteractionResponses responses;
  final GuildChanges guildChanges;
  final RouteRules routeRules;
  final RequestLog requestLog = new RequestLog();
  private volatile String httpBase = "http://127.0.0.1/";

  SandboxEngine(
      ObjectMapper json,
      Clock clock,
      String token,
      String botName,
      int heartbeatInterval,
      long allowedPrivilegedIntents,
      Gateway.Sharding sharding,
      int guildCount) {
    this.json = json;
    this.clock = clock;
    this.token = token;
    this.ids = new Snowflakes(clock);
    this.botId = ids.next();
    this.botName = botName;
    this.guild = addGuild("TakeBot Sandbox");
    for (int i = 2; i <= guildCount; i++) {
      addGuild("TakeBot Sandbox " + i);
    }
    this.gateway =
        new Gateway(
            json,
            clock,
            loop,
            guilds,
            token,
            heartbeatInterval,
            allowedPrivilegedIntents,
            sharding);
    this.messageJson = new MessageJson(json, ids, guilds);
    this.commands = new CommandRegistry(json, ids, guilds);
    // Posting in a thread reopens it and makes the poster a member, while thread work needs the
    // messages:
    // the callback breaks the cycle.
    this.messages = new Messages(json, clock, ids, guilds, gateway, messageJson, this::onPost);
    this.threads = new Threads(json, clock, ids, guilds, gateway, messages);
    this.reactions = new Reactions(json, guilds, gateway, messages);
    this.interactions =
        new Interactions(json, ids, guilds, gateway, messageJson, messages, commands);
    this.responses =
        new InteractionResponses(json, clock, guilds, messageJson, messages, interactions);
    this.guildChanges = new GuildChanges(json, clock, ids, guilds, gateway);
    this.routeRules = new RouteRules(clock);
  }

  /**
   * A new guild with its own roles, channels and members; its id gets a millisecond of its own, so
   * consecutive guilds spread over shards. Before the server starts, or on the loop.
   */
  GuildModel addGuild(String name) {
    return guilds.add(
        new GuildModel(ids.nextInNewMillisecond(), name, ids, botId, botName, clock.instant()));
  }

  private void onPost(GuildModel.ChannelData channel, Member author) {
    threads.onPost(channel, author);
  }

  /** Called once the HTTP server listens, before any client can connect. */
  void httpBase(String base) {
    this.httpBase = base;
    messageJson.httpBase(base);
    gateway.resumeGatewayUrl(resumeGatewayUrl());
  }

  String gatewayUrl() {
    return httpBase.replaceFirst("^http", "ws") + "gateway";
  }

  String resumeGatewayUrl() {
    return httpBase.replaceFirst("^http", "ws") + "gateway-resume";
  }

  String botId() {
    return guild.bot.id();
  }

  /** Runs {@code task} on the loop and returns its result. */
  <T> T call(Supplier<T> task) {
    return loop.call(task);
  }

  void run(Runnable task) {
    loop.run(task);
  }

  /** Waits until {@code probe}, run on the loop after every change, returns non-null. */
  <T> T await(Supplier<T> probe, Duration timeout, Supplier<String> what) {
    return loop.await(probe, timeout, what);
  }

  @Override
  public void close() {
    loop.close();
  }
}
