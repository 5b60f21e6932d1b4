package dev.takebot.discord;


import dev.takebot.cli.ArticlePipelineAdapter;
import dev.takebot.config.ArticleSettings;
import dev.takebot.config.DiscordSettings;
import dev.takebot.config.StorageSettings;
import dev.takebot.config.TakeBotConfig;
import dev.takebot.config.TakesSettings;
import dev.takebot.sandbox.DiscordSandbox;
import dev.takebot.sentiment.SentimentAnalyzer;
import dev.takebot.store.Stores;
import dev.takebot.takes.TakeRepository;
import dev.takebot.takes.TakeService;
import dev.takebot.takes.summary.RenderedSummary;
import dev.takebot.takes.summary.SummaryService;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.awaitility.Awaitility;

/**
 * One sandbox and one real JDA bot wired like production (SQLite store, summary service with cache
 * invalidation, the article package's pipeline), for a whole test class.
 */
final class BotHarness implements AutoCloseable {
  static final Duration WAIT = Duration.ofSeconds(15);

  final DiscordSandbox sandbox;
  final TakeRepository store;
  final TakeService takes;
  final SummaryService summaries;
  final TakeBot bot;

  BotHarness(Path dir, SentimentAnalyzer analyzer, List<String> moderatorRoles,
      UnaryOperator<SummaryProvider> decorate) throws InterruptedException {
    this(DiscordSandbox.builder(), dir, analyzer, moderatorRoles, decorate);
  }

  BotHarness(DiscordSandbox.Builder sandboxBuilder, Path dir, SentimentAnalyzer analyzer,
      List<String> moderatorRoles, UnaryOperator<SummaryProvider> decorate) throws InterruptedException {
    this(sandboxBuilder, dir, analyzer, moderatorRoles, decorate, new TakesSettings(0, 0));
  }

  BotHarness(DiscordSandbox.Builder sandboxBuilder, Path dir, SentimentAnalyzer analyzer,
      List<String> moderatorRoles, UnaryOperator<SummaryProvider> decorate, TakesSettings takesSettings)
      throws InterruptedException {
    this(sandboxBuilder, dir, analyzer, moderatorRoles, decorate, takesSettings, Clock.systemUTC());
  }

  /** @param botClock the bot's own clock (e.g. one a test moves forward to expire buttons) */
  BotHarness(DiscordSandbox.Builder sandboxBuilder, Path dir, SentimentAnalyzer analyzer,
      List<String> moderatorRoles, UnaryOperator<SummaryProvider> decorate, TakesSettings takesSettings,
      Clock botClock) throws InterruptedException {
    this(sandboxBuilder, dir, analyzer, moderatorRoles, decorate, takesSettings, botClock, r -> r);
  }

  /**
   * @param wrapStore what the bot sees of the store (e.g. one that fails on demand); {@link #store}
   *     stays the real one, for assertions
   */
  BotHarness(DiscordSandbox.Builder sandboxBuilder, Path dir, SentimentAnalyzer analyzer,
      List<String> moderatorRoles, UnaryOperator<SummaryProvider> decorate, TakesSettings takesSettings,
      Clock botClock, UnaryOperator<TakeRepository> wrapStore) throws InterruptedException {
    this(sandboxBuilder, dir, analyzer, s -> moderatorRoles, decorate, takesSettings, botClock, wrapStore);
  }

  /**
   * @param moderatorRoles the configured moderator roles, read from the started sandbox (e.g. a role's id,
   *     which only exists once the sandbox runs)
   */
  BotHarness(DiscordSandbox.Builder sandboxBuilder, Path dir, SentimentAnalyzer analyzer,
      Function<DiscordSandbox, List<String>> moderatorRoles, UnaryOperator<SummaryProvider> decorate,
      TakesSettings takesSettings, Clock botClock, UnaryOperator<TakeRepository> wrapStore)
      throws InterruptedException {
    sandbox = sandboxBuilder.start();
    TakeRepository s = null;
    try {
      s = Stores.open("jdbc:sqlite:" + dir.resolve("takes.db"), null, null);
      Clock clock = Clock.systemUTC();
      TakeRepository seen = wrapStore.apply(s);
      takes = new TakeService(seen, analyzer, clock);
      ReactionTracker reactions = new ReactionTracker(takes);
      summaries = new SummaryService(s, clock, reactions);
      takes.addListener(summaries::invalidate);
      reactions.addListener(summaries::invalidate);
      TakeBotConfig config = new TakeBotConfig(
          new DiscordSettings(sandbox.restUrl(), sandbox.gatewayUrl(), Long.parseLong(sandbox.guildId()),
              moderatorRoles.apply(sandbox), "news"),
          new ArticleSettings(Path.of("config", "articles"), 6),
          new StorageSettings("jdbc:sqlite:" + dir.resolve("takes.db"), null, null),
          takesSettings);
      SummaryProvider renderer = (d, requester) -> summaries.summary(d.postMessageId())
          .map(RenderedSummary::message).orElseThrow();
      bot = TakeBot.builder(config, sandbox.token())
          .takes(takes)
          .articles(BotHarness::prepare)
          .summaries(decorate.apply(renderer))
          .reactions(reactions)
          .clock(botClock)
          .start();
      store = s;
    } catch (InterruptedException | RuntimeException e) {
      if (s != null) {
        s.close();
      }
      sandbox.close();
      throw e;
    }
  }

  /** The command line's adapter over the article package. */
  static PreparedArticle prepare(String origin, String text) {
    return new ArticlePipelineAdapter(6).prepare(origin, text);
  }

  /** Polls on the calling thread, so waits for threads to end see no poller thread of their own. */
  static void await(String what, BooleanSupplier condition) {
    Awaitility.await(what).atMost(WAIT).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20))
        .pollInSameThread().until(condition::getAsBoolean);
  }

  void awaitTake(String messageId) {
    await("take " + messageId, () -> store.findTake(Long.parseLong(messageId)).isPresent());
  }

  @Override
  public void close() {
    try {
      bot.close();
    } finally {
      try {
        store.close();
      } finally {
        sandbox.close();
      }
    }
  }
}
