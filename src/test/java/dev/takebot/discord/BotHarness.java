package dev.takebot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takebot.config.ArticleSettings;
import dev.takebot.config.DiscordSettings;
import dev.takebot.config.FeedSettings;
import dev.takebot.config.FetchSettings;
import dev.takebot.config.StorageSettings;
import dev.takebot.config.TakeBotConfig;
import dev.takebot.config.TakesSettings;
import dev.takebot.fetch.FixtureServer;
import dev.takebot.sandbox.Channel;
import dev.takebot.sandbox.DiscordSandbox;
import dev.takebot.sandbox.FileUpload;
import dev.takebot.sandbox.InteractionHandle;
import dev.takebot.sandbox.Member;
import dev.takebot.sandbox.SandboxMessage;
import dev.takebot.sentiment.KeywordAnalyzer;
import dev.takebot.sentiment.LexiconSentimentAnalyzer;
import dev.takebot.sentiment.SentimentAnalyzer;
import dev.takebot.takes.Discussion;
import dev.takebot.takes.TakeRepository;
import dev.takebot.takes.TakeService;
import dev.takebot.takes.summary.SummaryService;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;

/**
 * One sandbox and one real JDA bot, built by the production composition root ({@link
 * TakeBotAssembly}) with test settings, for a whole test class.
 */
final class BotHarness implements AutoCloseable {
  static final Duration WAIT = Duration.ofSeconds(15);

  /** A jump link to a message; its group 1 is the message's id. */
  private static final Pattern POST_LINK =
      Pattern.compile("https://discord\\.com/channels/\\d+/\\d+/(\\d+)");

  /**
   * Short, so tests of the retry need not wait long; production waits {@code
   * Overrides.DEFAULT_TAKE_RETRY_DELAY}.
   */
  static final Duration TAKE_RETRY_DELAY = Duration.ofMillis(100);

  final DiscordSandbox sandbox;
  final TakeBotAssembly app;
  final TakeRepository store;
  final TakeService takes;
  final SummaryService summaries;
  final TakeBot bot;

  /**
   * A bot that reads the tests' local web server (the fetcher refuses private addresses otherwise)
   * and polls feeds every 15 minutes: the feed and link tests' configuration.
   */
  static TakeBotConfig readsLocalFeeds(TakeBotConfig c) {
    return c.withFetch(FetchSettings.defaults().withAllowPrivateAddresses(true))
        .withFeeds(new FeedSettings(15, 120, 5, "newest", 2));
  }

  /**
   * The keyword analyser, the test's {@code clock} (moved to make feeds due) and the harness's
   * short take retry delay: the feed tests' overrides.
   */
  static TakeBotAssembly.Overrides keywordsOn(Clock clock) {
    return TakeBotAssembly.Overrides.none()
        .analyzer(new KeywordAnalyzer())
        .clock(clock)
        .takeRetryDelay(TAKE_RETRY_DELAY);
  }

  /** The production analyser and the harness's short take retry delay: most tests' overrides. */
  static TakeBotAssembly.Overrides realAnalyzer() {
    return TakeBotAssembly.Overrides.none()
        .analyzer(LexiconSentimentAnalyzer.standard())
        .takeRetryDelay(TAKE_RETRY_DELAY);
  }

  BotHarness(
      Path dir,
      SentimentAnalyzer analyzer,
      List<String> moderatorRoles,
      UnaryOperator<SummaryProvider> decorate)
      throws InterruptedException {
    this(DiscordSandbox.builder(), dir, analyzer, moderatorRoles, decorate);
  }

  BotHarness(
      DiscordSandbox.Builder sandboxBuilder,
      Path dir,
      SentimentAnalyzer analyzer,
      List<String> moderatorRoles,
      UnaryOperator<SummaryProvider> decorate)
      throws InterruptedException {
    this(sandboxBuilder, dir, analyzer, moderatorRoles, decorate, new TakesSettings(0, 0));
  }

  BotHarness(
      DiscordSandbox.Builder sandboxBuilder,
      Path dir,
      SentimentAnalyzer analyzer,
      List<String> moderatorRoles,
      UnaryOperator<SummaryProvider> decorate,
      TakesSettings takesSettings)
      throws InterruptedException {
    this(sandboxBuilder, dir, analyzer, moderatorRoles, decorate, takesSettings, Clock.systemUTC());
  }

  /**
   * @param botClock the bot's own clock (e.g. one a test moves forward to expire buttons)
   */
  BotHarness(
      DiscordSandbox.Builder sandboxBuilder,
      Path dir,
      SentimentAnalyzer analyzer,
      List<String> moderatorRoles,
      UnaryOperator<SummaryProvider> decorate,
      TakesSettings takesSettings,
      Clock botClock)
      throws InterruptedException {
    this(sandboxBuilder, dir, analyzer, moderatorRoles, decorate, takesSettings, botClock, r -> r);
  }

  /**
   * @param wrapStore what the bot sees of the store (e.g. one that fails on demand); {@link #store}
   *     stays the real one, for assertions
   */
  BotHarness(
      DiscordSandbox.Builder sandboxBuilder,
      Path dir,
      SentimentAnalyzer analyzer,
      List<String> moderatorRoles,
      UnaryOperator<SummaryProvider> decorate,
      TakesSettings takesSettings,
      Clock botClock,
      UnaryOperator<TakeRepository> wrapStore)
      throws InterruptedException {
    this(
        sandboxBuilder,
        dir,
        analyzer,
        s -> moderatorRoles,
        decorate,
        takesSettings,
        botClock,
        wrapStore);
  }

  /**
   * @param moderatorRoles the configured moderator roles, read from the started sandbox (e.g. a
   *     role's id, which only exists once the sandbox runs)
   */
  BotHarness(
      DiscordSandbox.Builder sandboxBuilder,
      Path dir,
      SentimentAnalyzer analyzer,
      Function<DiscordSandbox, List<String>> moderatorRoles,
      UnaryOperator<SummaryProvider> decorate,
      TakesSettings takesSettings,
      Clock botClock,
      UnaryOperator<TakeRepository> wrapStore)
      throws InterruptedException {
    this(
        sandboxBuilder,
        dir,
        moderatorRoles,
        takesSettings,
        TakeBotAssembly.Overrides.none()
            .analyzer(analyzer)
            .summaries(decorate)
            .clock(botClock)
            .storeView(wrapStore)
            .takeRetryDelay(TAKE_RETRY_DELAY));
  }

  /**
   * The bot as production builds it, through {@link TakeBotAssembly}, with the test's {@code
   * overrides}.
   */
  BotHarness(
      DiscordSandbox.Builder sandboxBuilder,
      Path dir,
      Function<DiscordSandbox, List<String>> moderatorRoles,
      TakesSettings takesSettings,
      TakeBotAssembly.Overrides overrides)
      throws InterruptedException {
    this(sandboxBuilder, dir, moderatorRoles, takesSettings, overrides, "news");
  }

  /**
   * @param postChannel {@code discord.postChannel}, the default post channel (name or id; null:
   *     none)
   */
  BotHarness(
      DiscordSandbox.Builder sandboxBuilder,
      Path dir,
      Function<DiscordSandbox, List<String>> moderatorRoles,
      TakesSettings takesSettings,
      TakeBotAssembly.Overrides overrides,
      String postChannel)
      throws InterruptedException {
    this(sandboxBuilder, dir, moderatorRoles, takesSettings, overrides, postChannel, c -> c);
  }

  /**
   * @param configure changes the test configuration further (e.g. its {@code fetch} or {@code
   *     feeds} sections)
   */
  BotHarness(
      DiscordSandbox.Builder sandboxBuilder,
      Path dir,
      Function<DiscordSandbox, List<String>> moderatorRoles,
      TakesSettings takesSettings,
      TakeBotAssembly.Overrides overrides,
      String postChannel,
      UnaryOperator<TakeBotConfig> configure)
      throws InterruptedException {
    sandbox = sandboxBuilder.start();
    try {
      app =
          TakeBotAssembly.start(
              configure.apply(
                  config(sandbox, dir, moderatorRoles.apply(sandbox), takesSettings, postChannel)),
              sandbox.token(),
              Map.of(),
              overrides);
    } catch (InterruptedException | RuntimeException e) {
      sandbox.close();
      throw e;
    }
    store = app.store();
    takes = app.takes();
    summaries = app.summaries();
    bot = app.bot();
  }

  /** The configuration of a bot on {@code sandbox} with its SQLite file in {@code dir}. */
  static TakeBotConfig config(
      DiscordSandbox sandbox, Path dir, List<String> moderatorRoles, TakesSettings takesSettings) {
    return config(sandbox, dir, moderatorRoles, takesSettings, "news");
  }

  static TakeBotConfig config(
      DiscordSandbox sandbox,
      Path dir,
      List<String> moderatorRoles,
      TakesSettings takesSettings,
      String postChannel) {
    return new TakeBotConfig(
        new DiscordSettings(
            sandbox.restUrl(),
            sandbox.gatewayUrl(),
            Long.parseLong(sandbox.guildId()),
            moderatorRoles,
            postChannel),
        new ArticleSettings(Path.of("config", "articles"), 6),
        StorageSettings.of("jdbc:sqlite:" + dir.resolve("takes.db")),
        takesSettings);
  }

  /** The command line's adapter over the article package. */
  static PreparedArticle prepare(String origin, String text) {
    return new ArticlePipelineAdapter(6).prepare(origin, text);
  }

  /**
   * {@code options} with {@code now:true} and {@code again:true}: {@code /article post} posts at
   * once instead of answering with its private preview, even an article the test posted before in
   * the same server. For tests about what follows a post; {@link PostPreviewEndToEndTest} tests the
   * preview itself, {@link SameArticleEndToEndTest} what a second post of an article does.
   */
  static Map<String, Object> now(Map<String, ?> options) {
    Map<String, Object> all = again(options);
    all.put(ArticlePostCommand.NOW, true);
    return all;
  }

  /**
   * {@code options} with {@code again:true}: {@code /article post} posts (or its preview's Post
   * does) even an article the server already discusses, as tests that post one article many times
   * mean to.
   */
  static Map<String, Object> again(Map<String, ?> options) {
    Map<String, Object> all = new LinkedHashMap<>(options);
    all.put(ArticlePostCommand.AGAIN, true);
    return all;
  }

  /**
   * The private preview answering {@code command}, once complete: the post's messages in order,
   * then the control message with Post, Edit and Cancel.
   */
  static List<SandboxMessage> awaitPreview(InteractionHandle command) {
    List<SandboxMessage> shown = new ArrayList<>();
    await(
        "a preview answering " + command + " (its answer: " + command.original() + ")",
        () -> {
          shown.clear();
          command.original().filter(m -> !m.isLoading()).ifPresent(shown::add);
          shown.addAll(command.followUps());
          return !shown.isEmpty() && isControl(shown.get(shown.size() - 1));
        });
    return List.copyOf(shown);
  }

  /** The control message's button for {@code action}, e.g. {@link PreviewId#POST}. */
  static String previewButton(SandboxMessage control, String action) {
    String start = PreviewId.PREFIX + ":" + action + ":";
    return control.buttonIds().stream()
        .filter(id -> id.startsWith(start))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + action + " button on " + control));
  }

  private static boolean isControl(SandboxMessage m) {
    return m.buttonIds().stream().anyMatch(id -> id.startsWith(PreviewId.PREFIX + ":"));
  }

  /**
   * {@code moderator} presses Post on the preview answering {@code command}; returns the control
   * message once it has become the answer (the link to the post, or why not).
   */
  SandboxMessage pressPost(Member moderator, InteractionHandle command) {
    List<SandboxMessage> preview = awaitPreview(command);
    SandboxMessage control = preview.get(preview.size() - 1);
    sandbox.pressButton(moderator, control, previewButton(control, PreviewId.POST));
    return awaitConcluded(control);
  }

  /** The control message once it says what became of the preview (its buttons are gone). */
  SandboxMessage awaitConcluded(SandboxMessage control) {
    await(
        "the preview " + control.id() + " to conclude",
        () -> sandbox.message(control.id()).map(m -> !isControl(m)).orElse(false));
    return sandbox.message(control.id()).orElseThrow();
  }

  /**
   * The moderator posts {@code markdown}, attached as a file, to the news channel at once; returns
   * the answer (the link to the post, or why not).
   */
  SandboxMessage postArticleFile(String markdown) {
    return sandbox
        .slash(
            sandbox.moderator(),
            sandbox.news(),
            "article post",
            now(Map.of("file", FileUpload.text("article.md", markdown))))
        .awaitResponse(WAIT);
  }

  /**
   * Posts the article "Harbour vote" and a member's take on it; returns once the take is stored.
   */
  void postArticleWithATake() {
    postArticleFile(
        "# Harbour vote\n\nThe council met this week to weigh the plan. Officials said the vote"
            + " would come soon.\n\nCritics said the move came late, while supporters called it a"
            + " pragmatic step.\n");
    Channel thread = sandbox.awaitThread(t -> true, WAIT);
    awaitTake(sandbox.post(sandbox.member(), thread, "a wise and welcome plan").id());
  }

  /** The stored discussion of the post a jump link in {@code message} points at. */
  Discussion linked(SandboxMessage message) {
    Matcher m = POST_LINK.matcher(message.content());
    assertThat(m.find()).as("jump link in %s", message.content()).isTrue();
    return store.findDiscussion(Long.parseLong(m.group(1))).orElseThrow();
  }

  /** Polls on the calling thread, so waits for threads to end see no poller thread of their own. */
  static void await(String what, BooleanSupplier condition) {
    Awaitility.await(what)
        .atMost(WAIT)
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(20))
        .pollInSameThread()
        .until(condition::getAsBoolean);
  }

  void awaitTake(String messageId) {
    await("take " + messageId, () -> store.findTake(Long.parseLong(messageId)).isPresent());
  }

  @Override
  public void close() {
    try {
      app.close();
    } finally {
      sandbox.close();
    }
  }

  /**
   * Closes {@code h}, then {@code web} (the test's local web server) even if that failed (or {@code
   * h} never started).
   */
  static void close(BotHarness h, FixtureServer web) {
    try {
      h.close();
    } finally {
      web.close();
    }
  }
}
