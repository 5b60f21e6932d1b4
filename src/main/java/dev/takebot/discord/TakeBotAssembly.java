package dev.takebot.discord;

import dev.takebot.config.Secrets;
import dev.takebot.config.StorageSettings;
import dev.takebot.config.TakeBotConfig;
import dev.takebot.config.TakesSettings;
import dev.takebot.feed.FeedPoller;
import dev.takebot.feed.FeedService;
import dev.takebot.feed.Links;
import dev.takebot.fetch.SafeFetcher;
import dev.takebot.ops.Health;
import dev.takebot.ops.Metrics;
import dev.takebot.ops.OpsServer;
import dev.takebot.ops.ShardStates;
import dev.takebot.schedule.IdentifyGate;
import dev.takebot.schedule.Leases;
import dev.takebot.schedule.Scheduler;
import dev.takebot.schedule.SharedIdentifyGate;
import dev.takebot.sentiment.LexiconSentimentAnalyzer;
import dev.takebot.sentiment.SentimentAnalyzer;
import dev.takebot.store.JdbcTakeStore;
import dev.takebot.store.Stores;
import dev.takebot.takes.TakeRepository;
import dev.takebot.takes.TakeService;
import dev.takebot.takes.settings.GuildSettings;
import dev.takebot.takes.settings.SettingsService;
import dev.takebot.takes.summary.RenderedSummary;
import dev.takebot.takes.summary.SummaryService;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: the one place the whole bot is put together, in this order — configuration
 * → store → analyser → services → scheduler → features → JDA. {@code takebot run}, {@code takebot
 * demo} and the end-to-end tests all start the bot here; tests change only what {@link Overrides}
 * offers.
 *
 * <p>It lives in {@code discord} because it builds the JDA client and the package-private features,
 * and only this package may import JDA. {@link #close()} takes everything down in reverse:
 * background routines, then the gateway, then the hand-off thread, then the store, so no work runs
 * against a closed database.
 */
public final class TakeBotAssembly implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(TakeBotAssembly.class);

  /** How long a readiness probe waits for the database before calling it down. */
  static final Duration DATABASE_PROBE_TIMEOUT = Duration.ofSeconds(2);

  private final TakeRepository store;
  private final TakeService takes;
  private final SummaryService summaries;
  private final SettingsService settings;
  private final Scheduler scheduler;
  private final PendingPosts previews;
  private final TakeBot bot;
  private final Operations ops;
  private final FeedPosting feedPosting;

  /** How often due feeds are looked for; each feed has its own interval ({@code feeds.*}). */
  static final Duration FEED_TICK = Duration.ofMinutes(1);

  private TakeBotAssembly(
      TakeRepository store,
      TakeService takes,
      SummaryService summaries,
      SettingsService settings,
      Scheduler scheduler,
      PendingPosts previews,
      TakeBot bot,
      Operations ops,
      FeedPosting feedPosting) {
    this.feedPosting = feedPosting;
    this.store = store;
    this.takes = takes;
    this.summaries = summaries;
    this.settings = settings;
    this.scheduler = scheduler;
    this.previews = previews;
    this.bot = bot;
    this.ops = ops;
  }

  /**
   * The operators' side of the bot: meters, health, the HTTP server serving them (null when {@code
   * ops.metricsPort} is unset), and the listener whose pending retries are drained at shutdown.
   */
  private record Operations(
      Metrics metrics, Health health, OpsServer server, TakesListener collector)
      implements AutoCloseable {
    @Override
    public void close() {
      try {
        if (server != null) {
          server.close();
        }
      } finally {
        health.close();
        metrics.close();
      }
    }
  }

  /**
   * What a test may change about the bot; production uses {@link #none()}.
   *
   * @param clock the clock of every service and feature
   * @param analyzer the sentiment analyser, or null for the bundled lexicon analyser
   * @param storeView what the services see of the store (e.g. one that fails on demand); {@link
   *     #store()} stays the real one
   * @param summaries wraps the answer to {@code /takes summary} (e.g. to hold it up)
   * @param takeRetryDelay how long a take whose write failed waits for its one retry
   * @param articles the pipeline behind {@code /article post}, or null for the article package's
   * @param digestCheckPeriod how often digests on the clock are looked for (a test moves its clock
   *     and needs no minute's wait)
   */
  public record Overrides(
      Clock clock,
      SentimentAnalyzer analyzer,
      UnaryOperator<TakeRepository> storeView,
      UnaryOperator<SummaryProvider> summaries,
      Duration takeRetryDelay,
      ArticlePipeline articles,
      Duration digestCheckPeriod) {
    public static final Duration DEFAULT_TAKE_RETRY_DELAY = Duration.ofSeconds(2);

    public Overrides {
      Objects.requireNonNull(clock, "clock");
      Objects.requireNonNull(storeView, "storeView");
      Objects.requireNonNull(summaries, "summaries");
      Objects.requireNonNull(takeRetryDelay, "takeRetryDelay");
      Objects.requireNonNull(digestCheckPeriod, "digestCheckPeriod");
    }

    public static Overrides none() {
      return new Overrides(
          Clock.systemUTC(),
          null,
          UnaryOperator.identity(),
          UnaryOperator.identity(),
          DEFAULT_TAKE_RETRY_DELAY,
          null,
          DigestFeature.CHECK_PERIOD);
    }

    public Overrides clock(Clock c) {
      return new Overrides(
          c, analyzer, storeView, summaries, takeRetryDelay, articles, digestCheckPeriod);
    }

    public Overrides analyzer(SentimentAnalyzer a) {
      return new Overrides(
          clock, a, storeView, summaries, takeRetryDelay, articles, digestCheckPeriod);
    }

    public Overrides storeView(UnaryOperator<TakeRepository> v) {
      return new Overrides(
          clock, analyzer, v, summaries, takeRetryDelay, articles, digestCheckPeriod);
    }

    public Overrides summaries(UnaryOperator<SummaryProvider> s) {
      return new Overrides(
          clock, analyzer, storeView, s, takeRetryDelay, articles, digestCheckPeriod);
    }

    public Overrides takeRetryDelay(Duration d) {
      return new Overrides(clock, analyzer, storeView, summaries, d, articles, digestCheckPeriod);
    }

    /**
     * Replaces the article package's pipeline behind {@code /article post} (e.g. with a broken
     * one).
     */
    public Overrides articles(ArticlePipeline a) {
      return new Overrides(
          clock, analyzer, storeView, summaries, takeRetryDelay, a, digestCheckPeriod);
    }

    public Overrides digestCheckPeriod(Duration d) {
      return new Overrides(clock, analyzer, storeView, summaries, takeRetryDelay, articles, d);
    }
  }

  /** The production bot. */
  public static TakeBotAssembly start(TakeBotConfig config, String token, Map<String, String> env)
      throws InterruptedException {
    return start(config, token, env, Overrides.none());
  }

  /**
   * Opens the store, builds every service and feature and connects to Discord; on failure, whatever
   * was already started is closed again.
   *
   * @param token handed to JDA only, never logged
   * @param env where the database password variable is read
   * @throws net.dv8tion.jda.api.exceptions.InvalidTokenException when Discord rejects the token
   */
  public static TakeBotAssembly start(
      TakeBotConfig config, String token, Map<String, String> env, Overrides o)
      throws InterruptedException {
    Clock clock = o.clock();
    // Store, reporting its pool and query time
    JdbcTakeStore store = openStore(config.storage(), config.storage().password(env));
    Scheduler scheduler = null;
    Metrics metrics = Metrics.prometheus();
    ShardStates shards = new ShardStates(metrics.registry());
    Health health = new Health(shards, store::reachable, DATABASE_PROBE_TIMEOUT);
    OpsServer server = null;
    try {
      store.bindMetrics(metrics.registry());
      // The probes answer from the start: live at once, ready once every shard is connected.
      if (config.ops().serving()) {
        server =
            OpsServer.start(
                config.ops().metricsHost(), config.ops().metricsPort(), metrics, health);
      }
      TakeRepository seen = o.storeView().apply(store);
      // Analyser and services
      SentimentAnalyzer analyzer =
          o.analyzer() != null ? o.analyzer() : LexiconSentimentAnalyzer.standard();
      TakeService takes = new TakeService(seen, analyzer, clock);
      ReactionTracker reactions = new ReactionTracker(takes);
      SummaryService summaries = new SummaryService(seen, clock, reactions);
      takes.addListener(summaries::invalidate);
      takes.addListener(reactions::discussionChanged);
      reactions.addListener(summaries::invalidate);
      metrics.summaryCache(summaries, SummaryService::hits, SummaryService::computations);
      SummaryProvider summary =
          o.summaries()
              .apply(
                  (discussion, requester, locale) -> {
                    long started = System.nanoTime();
                    try {
                      return summaries
                          .summary(discussion.postMessageId(), locale)
                          .map(RenderedSummary::message)
                          .orElseThrow(
                              () ->
                                  new IllegalStateException(
                                      "discussion vanished: " + discussion.postMessageId()));
                    } finally {
                      metrics.summaryLatency(Duration.ofNanos(System.nanoTime() - started));
                    }
                  });
      ArticlePipeline articles =
          o.articles() != null
              ? o.articles()
              : new ArticlePipelineAdapter(config.articles().hashtagLimit());
      // Settings per server, defaulting to the configuration
      SettingsService settings = new SettingsService(seen, defaults(config));
      BotContext ctx = new BotContext(takes, articles, summary, clock, Readers.of(settings));
      // Scheduler: every background thread of the bot (the store's own writer aside)
      scheduler = new Scheduler();
      // Features, each given the services and the settings it needs; who counts as a moderator is
      // checked once, by the router, for every feature that declares it: a server's own moderator
      // roles (by id) when its managers chose some that still exist, else the configured ones
      Moderators.warnAboutNames(config.discord().moderatorRoles());
      ServerModerators moderators = new ServerModerators(settings);
      // Previews waiting for Post, Edit or Cancel: /article post's own, and reviews offered
      PendingPosts previews = new PendingPosts(clock, ctx.readers());
      TakesListener collector =
          new TakesListener(takes, scheduler.routine("take-retry"), o.takeRetryDelay(), metrics);
      // Links and feeds: every fetch through the one safe fetcher
      SafeFetcher fetcher = new SafeFetcher(config.fetch());
      ArticlePublisher publisher = new ArticlePublisher(ctx, settings);
      FeedPoller poller =
          new FeedPoller(
              store.feeds(),
              fetcher,
              config.feeds(),
              clock,
              () -> ThreadLocalRandom.current().nextDouble(),
              scheduler.workers("feed-reads", config.feeds().parallelServers()),
              // A server whose feeds take longer than a tick goes on being read while the next
              // ticks read the others.
              FEED_TICK);
      FeedPosting feedPosting =
          new FeedPosting(ctx, poller, publisher, previews, scheduler.routine("feeds"), FEED_TICK);
      Feeds feeds =
          new Feeds(
              new Links(fetcher),
              FeedCommands.all(
                  ctx,
                  new FeedService(store.feeds(), fetcher, config.feeds(), clock),
                  settings,
                  publisher,
                  previews,
                  poller),
              feedPosting);
      Features features =
          features(
              ctx,
              config,
              settings,
              reactions,
              scheduler,
              seen,
              previews,
              collector,
              metrics,
              publisher,
              feeds,
              o.digestCheckPeriod(),
              moderators);
      // JDA
      TakeBot bot =
          TakeBot.connect(
              config.discord(),
              token,
              features,
              moderators::of,
              new Observers(metrics, shards),
              identifyGate(config, store));
      Operations ops = new Operations(metrics, health, server, collector);
      logStartup(config, bot, ops);
      return new TakeBotAssembly(
          store, takes, summaries, settings, scheduler, previews, bot, ops, feedPosting);
    } catch (InterruptedException | RuntimeException e) {
      if (scheduler != null) {
        scheduler.close();
      }
      try {
        store.close();
      } finally {
        new Operations(metrics, health, server, null).close();
      }
      throw e;
    }
  }

  /**
   * Opens the store on a thread of its own, so that a stop arriving meanwhile (a SIGTERM during the
   * migrations, or while the database is locked or does not answer) ends the start at once instead
   * of waiting for the database: the start is interrupted and throws, and the opening thread closes
   * the store if it opens after all. A process that halts first cuts the opening off like a crash,
   * which either engine survives (a migration cut short is rolled back).
   *
   * @throws InterruptedException when the start is stopped while the store opens
   */
  private static JdbcTakeStore openStore(StorageSettings storage, String password)
      throws InterruptedException {
    log.info("Opening the store {}", Secrets.redactUrl(storage.jdbcUrl()));
    CompletableFuture<JdbcTakeStore> opening =
        CompletableFuture.supplyAsync(
            () -> Stores.open(storage, password),
            task -> {
              Thread t = new Thread(task, "takebot-store-open");
              t.setDaemon(true);
              t.start();
            });
    try {
      return opening.get();
    } catch (InterruptedException e) {
      opening.thenAccept(JdbcTakeStore::close);
      throw e;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /** One line that says what runs: version, shards, store, intents, commands, probes. */
  private static void logStartup(TakeBotConfig config, TakeBot bot, Operations ops) {
    String version = TakeBotAssembly.class.getPackage().getImplementationVersion();
    log.info(
        "TakeBot {} started: shards {} of {}, store {}, intents {}, {}, {}",
        version == null ? "dev" : version,
        bot.shardIds(),
        bot.shards().getShardsTotal(),
        Secrets.redactUrl(config.storage().jdbcUrl()),
        bot.intents(),
        bot.commandsRegistered() < 0
            ? "commands registered by another process"
            : bot.commandsRegistered() + " commands registered",
        ops.server() == null
            ? "metrics and health endpoints off (ops.metricsPort)"
            : "metrics and health on http://"
                + config.ops().metricsHost()
                + ":"
                + ops.server().port()
                + "/");
  }

  /**
   * On PostgreSQL other processes may run shards on the same token, so the shards take identify
   * turns from the database; SQLite means one process, which paces its own shards.
   */
  private static Optional<IdentifyGate> identifyGate(TakeBotConfig config, Leases leases) {
    return config.storage().jdbcUrl().startsWith("jdbc:postgresql:")
        ? Optional.of(new SharedIdentifyGate(leases))
        : Optional.empty();
  }

  /** What a server that changed nothing gets: the configuration's values. */
  static GuildSettings defaults(TakeBotConfig config) {
    TakesSettings takes = config.takes();
    List<String> roles = config.discord().moderatorRoles();
    return new GuildSettings(
        config.discord().postChannel(),
        roles == null ? List.of() : roles,
        takes.digestEveryTakes(),
        takes.digestEveryHours(),
        takes.retentionDays(),
        takes.summaryCooldownSeconds(),
        false,
        ""); // no language chosen: each server's own Discord language
  }

  private static Features features(
      BotContext ctx,
      TakeBotConfig config,
      SettingsService settings,
      ReactionTracker reactions,
      Scheduler scheduler,
      TakeRepository store,
      PendingPosts previews,
      TakesListener collector,
      Metrics metrics,
      ArticlePublisher publisher,
      Feeds feeds,
      Duration digestCheckPeriod,
      ServerModerators moderators) {
    TakesSettings takes = config.takes();

    TakesListCommand list = new TakesListCommand(ctx, settings);
    CorrectSentimentFeature correct = new CorrectSentimentFeature(ctx);
    ArticlePostCommand post =
        new ArticlePostCommand(
            ctx, settings, config.articles().directory(), publisher, previews, feeds.links());
    TakeBotSettingsCommand settingsCommand = new TakeBotSettingsCommand(settings, moderators);
    List<SlashFeature> commands = new ArrayList<>(feeds.commands());
    commands.addAll(
        List.of(
            post,
            new TakesSummaryCommand(ctx, settings),
            list,
            new TakesMineCommand(ctx),
            new TakesRetagCommand(ctx),
            new TakesForgetCommand(ctx),
            new TakesExportCommand(ctx),
            new ArticleListCommand(ctx),
            new ArticleSummaryCommand(ctx),
            settingsCommand));
    return new Features(
        List.copyOf(commands),
        List.of(
            new ShareTakeFeature(ctx, Duration.ofSeconds(takes.shareCooldownSeconds()), metrics),
            new ArticlePasteModal(post),
            new PostPreviewFeature(previews, publisher),
            list,
            correct,
            settingsCommand),
        List.of(
            collector,
            moderators,
            reactions.listener(scheduler.handoff()),
            new Backfill(
                ctx,
                collector,
                g -> settings.get(g).retentionDays(),
                scheduler.routine("backfill"),
                metrics),
            new Retention(
                ctx, takes, g -> settings.get(g).retentionDays(), scheduler.routine("retention")),
            new BackgroundRetag(ctx, scheduler.routine("retag"), store, metrics),
            new DigestFeature(
                ctx,
                g -> settings.get(g).digestEveryTakes(),
                scheduler.handoff(),
                g -> settings.get(g).digestEveryHours(),
                store,
                scheduler.routine("digests"),
                digestCheckPeriod),
            feeds.posting()),
        List.of(correct, new ExplainSentimentFeature(ctx)));
  }

  /** The connected client. */
  public TakeBot bot() {
    return bot;
  }

  /** The take service the features use. */
  public TakeService takes() {
    return takes;
  }

  /** Each server's settings, with their cache. */
  public SettingsService settings() {
    return settings;
  }

  /** How many takes wait for their retry after a failed write. */
  int takesWaitingForRetry() {
    return ops.collector().waitingForRetry();
  }

  /** The previews waiting for Post, Edit or Cancel, e.g. to offer one for review. */
  PendingPosts previews() {
    return previews;
  }

  /** The summaries with their cache. */
  public SummaryService summaries() {
    return summaries;
  }

  /**
   * The real store (not the {@link Overrides#storeView} the services see): for the transcript and
   * tests.
   */
  public TakeRepository store() {
    return store;
  }

  /** What links and feeds add to the bot: the reader of links, the /feed commands, the poster. */
  private record Feeds(Links links, List<SlashFeature> commands, FeedPosting posting) {}

  /**
   * Polls the due feeds of this process's servers now, as the feed routine does every minute (for
   * tests, whose clock decides what is due).
   *
   * @return how many feeds were polled
   */
  public int pollFeedsNow() {
    return feedPosting.pollDue();
  }

  /** The bot's scheduler, for routines of the command that runs it (e.g. the health file). */
  public Scheduler scheduler() {
    return scheduler;
  }

  /** The meters, for tests and for what the command that runs the bot adds. */
  public Metrics metrics() {
    return ops.metrics();
  }

  /** The port of {@code /metrics} and {@code /health/*}, when {@code ops.metricsPort} is set. */
  public OptionalInt opsPort() {
    return ops.server() == null ? OptionalInt.empty() : OptionalInt.of(ops.server().port());
  }

  /**
   * Stops in order: background routines, the gateway (readiness drops), takes still waiting for
   * their retry (written now, not left to the next backfill), the hand-off thread, the store, and
   * last the probes.
   */
  @Override
  public void close() {
    try {
      try {
        scheduler.stopRoutines(); // backfill and re-tagging stop between two steps
        bot.close();
      } finally {
        try {
          ops.collector().drainRetries();
        } finally {
          try {
            scheduler.close(); // after the gateway: what its last events handed off still runs
          } finally {
            store.close();
          }
        }
      }
    } finally {
      ops.close();
    }
  }
}
