package dev.takebot.discord;

import dev.takebot.config.DiscordSettings;
import dev.takebot.config.ShardSettings;
import dev.takebot.schedule.IdentifyGate;
import dev.takebot.schedule.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.ApplicationInfo;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.events.session.ShutdownEvent;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.requests.CloseCode;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.cache.CacheFlag;
import net.dv8tion.jda.api.utils.messages.MessageRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connected client: JDA pointed at {@code discord.restUrl} / {@code discord.gatewayUrl}, with
 * the {@link Features} it was given registered and their slash commands published. {@link
 * TakeBotAssembly} connects it; {@link #close()} disconnects and stops the interaction threads.
 */
public final class TakeBot implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(TakeBot.class);

  /** Exactly what the bot needs in a channel: read, post, embed, attach, history, threads. */
  public static final EnumSet<Permission> PERMISSIONS =
      EnumSet.of(
          Permission.VIEW_CHANNEL,
          Permission.MESSAGE_SEND,
          Permission.MESSAGE_EMBED_LINKS,
          Permission.MESSAGE_ATTACH_FILES,
          Permission.MESSAGE_HISTORY,
          Permission.CREATE_PUBLIC_THREADS,
          Permission.MESSAGE_SEND_IN_THREADS);

  /**
   * Interaction handlers run at most this many at once. Handlers block on REST calls and the store,
   * and Discord expires an interaction not acknowledged within 3 s, so one slow command (a big
   * summary, an export) must not hold up everyone else's: the pool is sized for many blocked
   * handlers, not for CPUs.
   */
  static final int MAX_INTERACTION_THREADS = 32;

  /**
   * Interactions waiting beyond that; more are answered "busy" rather than queued past their 3 s.
   */
  static final int MAX_QUEUED_INTERACTIONS = 256;

  private final ShardManager shards;
  private final List<Integer> shardIds;
  private final ExecutorService interactions;
  private final Set<GatewayIntent> intents;
  private int commandsRegistered = -1;

  private TakeBot(
      ShardManager shards,
      List<Integer> shardIds,
      ExecutorService interactions,
      Set<GatewayIntent> intents) {
    this.shards = shards;
    this.shardIds = shardIds;
    this.interactions = interactions;
    this.intents = intents;
  }

  /** This process's shard ids. */
  public List<Integer> shardIds() {
    return shardIds;
  }

  /** The gateway intents the bot connected with, by name. */
  public List<String> intents() {
    return intents.stream().map(Enum::name).sorted().toList();
  }

  /** Slash and context-menu commands this process registered; -1 when another process does. */
  public int commandsRegistered() {
    return commandsRegistered;
  }

  /**
   * The JDA client of this process's lowest shard (the only one unless {@code discord.shards} says
   * otherwise), for callers that need Discord-level access (backfill, diagnostics).
   */
  public JDA jda() {
    return shards.getShardById(shardIds.get(0));
  }

  /** Every shard this process runs. */
  public ShardManager shards() {
    return shards;
  }

  /**
   * True while the gateway connection of every shard of this process is up (what the container
   * health check reports): a process with one shard down serves some of its servers no more.
   */
  public boolean isConnected() {
    for (int id : shardIds) {
      JDA shard = shards.getShardById(id);
      if (shard == null || shard.getStatus() != JDA.Status.CONNECTED) {
        return false;
      }
    }
    return true;
  }

  /** The OAuth2 URL that adds the bot to a server with exactly {@link #PERMISSIONS}. */
  public String inviteUrl() {
    return inviteUrl(jda().getSelfUser().getApplicationId());
  }

  static String inviteUrl(String applicationId) {
    return "https://discord.com/oauth2/authorize?client_id="
        + applicationId
        + "&permissions="
        + Permission.getRaw(PERMISSIONS)
        + "&scope=bot+applications.commands";
  }

  /**
   * Whether the application has the Message Content intent enabled, as far as Discord says; empty
   * when the application info could not be read (e.g. a proxy that does not serve it).
   */
  public java.util.Optional<Boolean> messageContentEnabled() {
    try {
      ApplicationInfo info = shards.retrieveApplicationInfo().complete();
      EnumSet<ApplicationInfo.Flag> flags = info.getFlags();
      return java.util.Optional.of(
          flags.contains(ApplicationInfo.Flag.GATEWAY_MESSAGE_CONTENT)
              || flags.contains(ApplicationInfo.Flag.GATEWAY_MESSAGE_CONTENT_LIMITED));
    } catch (RuntimeException e) {
      // A REST proxy may not serve this route. Starting is still right (the gateway refuses a
      // disallowed intent by itself), but the operator should know the check was skipped.
      log.warn(
          "Could not check the Message Content intent: GET oauth2/applications/@me failed ({})."
              + " Carrying on; if takes arrive empty, enable the intent in the Developer Portal.",
          failure(e));
      log.debug("Application info request failed", e);
      return java.util.Optional.empty();
    }
  }

  /**
   * The status of a failed request, without its message: a network error may quote the REST URL,
   * credentials included.
   */
  private static String failure(RuntimeException e) {
    if (e instanceof ErrorResponseException r && r.getResponse() != null) {
      return "HTTP " + r.getResponse().code + ", " + r.getMeaning();
    }
    return e.getClass().getSimpleName();
  }

  /**
   * Disconnects from the gateway and stops the interaction threads; waits up to 10 s for a clean
   * close.
   */
  @Override
  public void close() {
    List<JDA> all = shards.getShards();
    shards.shutdown();
    interactions.shutdown();
    try {
      // One deadline for all shards, not 10 + 5 s each: with many stuck shards a per-shard wait
      // would outlast the shutdown watchdog (25 s) before the store is drained.
      long graceful = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      List<JDA> stuck = new ArrayList<>();
      for (JDA jda : all) {
        if (!jda.awaitShutdown(Duration.ofNanos(Math.max(0, graceful - System.nanoTime())))) {
          stuck.add(jda);
        }
      }
      stuck.forEach(JDA::shutdownNow);
      long forced = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      for (JDA jda : stuck) {
        jda.awaitShutdown(Duration.ofNanos(Math.max(0, forced - System.nanoTime())));
      }
      if (!interactions.awaitTermination(5, TimeUnit.SECONDS)) {
        interactions.shutdownNow();
      }
    } catch (InterruptedException e) {
      all.forEach(JDA::shutdownNow);
      interactions.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Logs in with {@code features} registered, waits until every guild is loaded and publishes the
   * slash commands. Called by {@link TakeBotAssembly}, which builds everything the features need.
   *
   * @throws net.dv8tion.jda.api.exceptions.InvalidTokenException when Discord rejects the token
   * @throws InterruptedException when interrupted while waiting for the gateway
   */
  static TakeBot connect(
      DiscordSettings discord,
      String token,
      Features features,
      Function<Guild, Moderators> moderators,
      Observers observers)
      throws InterruptedException {
    return connect(discord, token, features, moderators, observers, Optional.empty());
  }

  /**
   * As {@link #connect(DiscordSettings, String, Features, Function, Observers)}, with the shards
   * taking their identify turns from {@code identifyGate} when given (several processes on one
   * database), else one after another within this process.
   */
  static TakeBot connect(
      DiscordSettings discord,
      String token,
      Features features,
      Function<Guild, Moderators> moderators,
      Observers observers,
      Optional<IdentifyGate> identifyGate)
      throws InterruptedException {
    try {
      return connect(discord, token, features, moderators, observers, identifyGate, true);
    } catch (DisallowedIntentException e) {
      // Unverified apps must switch the intent on; large ones must apply for it. Either way members
      // can
      // still share takes through the button and modal, whose payloads carry their text regardless.
      log.warn(
          "Discord refused the Message Content intent, so replies will arrive without text and only"
              + " \"Share your take\" submissions can be collected. Enable it in the Developer Portal (your"
              + " application > Bot > Privileged Gateway Intents > Message Content Intent) and restart."
              + " Connecting without it.");
      return connect(
          discord,
          token,
          features,
          moderators,
          observers,
          identifyGate,
          false); // afresh: the failed attempt closed the first client
    }
  }

  private static TakeBot connect(
      DiscordSettings discord,
      String token,
      Features features,
      Function<Guild, Moderators> moderators,
      Observers observers,
      Optional<IdentifyGate> identifyGate,
      boolean messageContent)
      throws InterruptedException {
    // JDA-wide defaults, as defence in depth: every message the bot sends already sets its own
    // allowed
    // mentions (none), and one that forgot would still ping nobody.
    MessageRequest.setDefaultMentions(EnumSet.noneOf(Message.MentionType.class));
    MessageRequest.setDefaultMentionRepliedUser(false);
    ExecutorService pool = interactionPool();
    List<Object> listeners = new ArrayList<>();
    listeners.add(new GatewayObserver(observers.metrics(), observers.shards()));
    listeners.addAll(features.listeners());
    listeners.add(
        new InteractionRouter(
            features.commands(), features.components(), features.menus(), moderators, pool));
    CompletableFuture<CloseCode> closedWith = new CompletableFuture<>();
    listeners.add(
        (net.dv8tion.jda.api.hooks.EventListener)
            e -> {
              if (e instanceof ShutdownEvent s) {
                closedWith.complete(s.getCloseCode());
              }
            });
    EnumSet<GatewayIntent> intents =
        EnumSet.of(GatewayIntent.GUILD_MESSAGES, GatewayIntent.GUILD_MESSAGE_REACTIONS);
    if (messageContent) {
      intents.add(GatewayIntent.MESSAGE_CONTENT);
    }
    ShardSettings configured = discord.shards();
    ExpiredInteractions.quietInJdaDefaultFailure();
    ShardManager manager;
    try {
      DefaultShardManagerBuilder builder =
          DefaultShardManagerBuilder.createLight(token, intents)
              .setRestConfig(new RestConfig().setBaseUrl(discord.restUrl()))
              .setSessionController(sessionController(discord.gatewayUrl(), identifyGate))
              .setCompression(compression(discord.gatewayUrl()))
              // A member's own overwrite (e.g. denied Send Messages in Threads, or View Channel)
              // must count
              // when the bot checks what that member may see or do; createLight drops them
              // otherwise.
              .enableCache(CacheFlag.MEMBER_OVERRIDES)
              .setEnableShutdownHook(false) // the command owns shutdown: bot first, then the store
              .setEventManagerProvider(shard -> new MdcEventManager())
              .setHttpClientBuilder(
                  new RestObserver(observers.metrics(), discord.restUrl(), Clock.systemUTC())
                      .httpClient())
              .addEventListeners(listeners.toArray());
      if (configured.auto()) {
        builder.setShardsTotal(-1); // JDA asks GET /gateway/bot for Discord's recommendation
      } else {
        builder.setShardsTotal(configured.total()).setShards(configured.ids());
      }
      manager = builder.build();
    } catch (RuntimeException e) {
      pool.shutdownNow();
      throw e;
    }
    List<Integer> ids =
        configured.auto()
            ? java.util.stream.IntStream.range(0, manager.getShardsTotal()).boxed().toList()
            : configured.ids();
    TakeBot bot = new TakeBot(manager, ids, pool, intents);
    observers.shards().expect(ids);
    try {
      awaitReady(manager, ids, closedWith);
      log.info("Shards {} of {} ready", ids, manager.getShardsTotal());
      Moderators.warnAboutEveryone(discord.moderatorRoles(), manager.getGuilds());
      bot.commandsRegistered = registerCommands(manager, features, discord.devGuildId());
    } catch (IllegalStateException e) {
      bot.close();
      if (messageContent && closeCode(closedWith) == CloseCode.DISALLOWED_INTENTS) {
        throw new DisallowedIntentException();
      }
      throw e;
    } catch (InterruptedException | RuntimeException e) {
      bot.close();
      throw e;
    }
    return bot;
  }

  /**
   * Waits until every shard of this process has loaded its guilds. The ShardManager starts the
   * first shard at once and the others as their identify turn comes, so a shard may not exist yet.
   *
   * @throws IllegalStateException when a shard shut down instead (e.g. a refused intent)
   */
  private static void awaitReady(
      ShardManager manager, List<Integer> ids, CompletableFuture<CloseCode> closed)
      throws InterruptedException {
    for (int id : ids) {
      JDA shard;
      while ((shard = manager.getShardById(id)) == null) {
        if (closed.isDone()) {
          throw new IllegalStateException("shard " + id + " could not connect");
        }
        Thread.sleep(20);
      }
      shard.awaitReady();
    }
  }

  /**
   * The close code JDA shut down with; its ShutdownEvent may trail the failed awaitReady a little.
   */
  private static CloseCode closeCode(CompletableFuture<CloseCode> closed)
      throws InterruptedException {
    try {
      return closed.get(5, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      return null;
    }
  }

  /** The gateway closed with 4014: the application may not use the Message Content intent. */
  private static final class DisallowedIntentException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DisallowedIntentException() {
      super("Message Content intent disallowed", null, false, false);
    }
  }

  /**
   * Shared turns when other processes may start shards on the same token, else JDA's own pacing:
   * one shard at a time, 5 s apart.
   */
  private static GatewaySessionController sessionController(
      String gatewayUrl, Optional<IdentifyGate> identifyGate) {
    return identifyGate
        .<GatewaySessionController>map(g -> new SharedSessionController(gatewayUrl, g))
        .orElseGet(() -> new GatewaySessionController(gatewayUrl));
  }

  /**
   * zlib-stream saves Discord's bandwidth and ours on a real gateway; on a plain {@code ws://}
   * gateway (the local sandbox, or a proxy on the same host) compression buys nothing, costs CPU on
   * both ends, and makes the traffic unreadable when debugging.
   */
  static Compression compression(String gatewayUrl) {
    return gatewayUrl.startsWith("ws://") ? Compression.NONE : Compression.ZLIB;
  }

  /**
   * Publishes the commands from one shard only, so that several processes do not all overwrite
   * them: the dev guild's shard, or else shard 0. A process running neither leaves it to the one
   * that does.
   */
  private static int registerCommands(ShardManager manager, Features features, Long devGuildId) {
    Map<CommandGroup, List<SubcommandData>> groups = new LinkedHashMap<>();
    for (SlashFeature f : features.commands()) {
      groups.computeIfAbsent(f.group(), g -> new ArrayList<>()).add(f.subcommand());
    }
    List<CommandData> commands = new ArrayList<>();
    groups.forEach((g, subs) -> commands.add(g.build(subs)));
    features.menus().forEach(m -> commands.add(m.command()));
    CommandLocalizations localizations = new CommandLocalizations();
    commands.forEach(c -> c.setLocalizationFunction(localizations));
    int total = manager.getShardsTotal();
    int registrar = devGuildId == null ? 0 : (int) ((devGuildId >>> 22) % total);
    JDA jda = manager.getShardById(registrar);
    if (jda == null) {
      log.info("Shard {} runs in another process, which registers the slash commands", registrar);
      return -1;
    }
    if (devGuildId != null) {
      Guild guild = jda.getGuildById(devGuildId);
      if (guild == null) {
        throw new IllegalStateException(
            "discord.devGuildId "
                + devGuildId
                + " is not a server the bot is in: invite it there or remove the setting");
      }
      guild.updateCommands().addCommands(commands).complete();
      warnUntranslated(localizations);
      log.info("Registered {} commands in development guild {}", commands.size(), guild.getName());
    } else {
      jda.updateCommands().addCommands(commands).complete();
      warnUntranslated(localizations);
      log.info(
          "Registered {} global commands (Discord may take a while to show them)", commands.size());
    }
    return commands.size();
  }

  /** JDA asks for the translations while it sends the commands, so this runs after. */
  private static void warnUntranslated(CommandLocalizations localizations) {
    if (!localizations.missing().isEmpty()) {
      log.warn(
          "Commands without a translation (Discord shows them in English): {}",
          localizations.missing());
    }
  }

  /** Up to {@link #MAX_INTERACTION_THREADS} handlers at once; idle threads end after a minute. */
  static ThreadPoolExecutor interactionPool() {
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            MAX_INTERACTION_THREADS,
            MAX_INTERACTION_THREADS,
            60,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(MAX_QUEUED_INTERACTIONS),
            Scheduler.daemonThreads("takebot-interaction-"),
            new ThreadPoolExecutor.AbortPolicy());
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }
}
