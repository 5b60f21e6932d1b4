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
  final GuildModel guild;
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
      long allowedPrivilegedIntents) {
    this.json = json;
    this.clock = clock;
    this.token = token;
    Snowflakes ids = new Snowflakes(clock);
    String botId = ids.next();
    this.guild = new GuildModel(ids, botId, botName, clock.instant());
    this.gateway =
        new Gateway(json, clock, loop, guild, token, heartbeatInterval, allowedPrivilegedIntents);
    this.messageJson = new MessageJson(json, ids, guild);
    this.commands = new CommandRegistry(json, ids, guild);
    // Posting in a thread reopens it and makes the poster a member, while thread work needs the
    // messages:
    // the callback breaks the cycle.
    this.messages = new Messages(json, clock, ids, guild, gateway, messageJson, this::onPost);
    this.threads = new Threads(json, clock, ids, guild, gateway, messages);
    this.reactions = new Reactions(json, guild, gateway, messages);
    this.interactions =
        new Interactions(json, ids, guild, gateway, messageJson, messages, commands);
    this.responses =
        new InteractionResponses(json, clock, guild, messageJson, messages, interactions);
    this.guildChanges = new GuildChanges(json, clock, ids, guild, gateway);
    this.routeRules = new RouteRules(clock);
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
