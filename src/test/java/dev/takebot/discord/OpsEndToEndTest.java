package dev.takebot.discord;

import static dev.takebot.discord.BotHarness.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.takebot.config.ArticleSettings;
import dev.takebot.config.DiscordSettings;
import dev.takebot.config.OpsSettings;
import dev.takebot.config.StorageSettings;
import dev.takebot.config.TakeBotConfig;
import dev.takebot.config.TakesSettings;
import dev.takebot.sandbox.Channel;
import dev.takebot.sandbox.DiscordSandbox;
import dev.takebot.sandbox.InteractionHandle;
import dev.takebot.sandbox.Member;
import dev.takebot.sandbox.SandboxMessage;
import dev.takebot.sentiment.KeywordAnalyzer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * What an operator sees of a running bot, scraped over HTTP the way Prometheus and a container
 * probe do: the counters move as takes arrive, and readiness follows the gateway connection.
 */
@DisplayName("Operations end to end: /metrics and /health/ready of a running bot")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpsEndToEndTest {
  private static final Pattern POST_LINK =
      Pattern.compile("https://discord\\.com/channels/\\d+/(\\d+)/(\\d+)");
  private static final String STORED = "takebot_takes_total{change=\"stored\"}";
  private static final String EDITED = "takebot_takes_total{change=\"edited\"}";
  private static final String DELETED = "takebot_takes_total{change=\"deleted\"}";
  private static final String LATE = "takebot_interactions_total{outcome=\"late\"}";
  private static final String INGESTED = "takebot_ingest_latency_seconds_count";

  private final HttpClient http = HttpClient.newHttpClient();
  private DiscordSandbox sandbox;
  private TakeBotAssembly app;
  private String base;
  private Member alice;
  private Path database;

  @BeforeAll
  void start(@TempDir Path dir) throws InterruptedException {
    sandbox = DiscordSandbox.builder().start();
    database = dir.resolve("takes.db");
    TakeBotConfig config =
        new TakeBotConfig(
            new DiscordSettings(
                sandbox.restUrl(),
                sandbox.gatewayUrl(),
                Long.parseLong(sandbox.guildId()),
                List.of(),
                "news"),
            new ArticleSettings(Path.of("config", "articles"), 6),
            StorageSettings.of("jdbc:sqlite:" + database),
            new TakesSettings(0, 0),
            new OpsSettings(0, null, null));
    app =
        TakeBotAssembly.start(
            config,
            sandbox.token(),
            Map.of(),
            TakeBotAssembly.Overrides.none().analyzer(new KeywordAnalyzer()));
    base = "http://127.0.0.1:" + app.opsPort().orElseThrow();
    alice = sandbox.addMember("alice");
  }

  @AfterAll
  void stop() {
    try {
      if (app != null) {
        app.close();
      }
    } finally {
      sandbox.close();
    }
  }

  private HttpResponse<String> get(String path) {
    try {
      return http.send(
          HttpRequest.newBuilder(URI.create(base + path)).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError("GET " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** A sample's value in a fresh scrape of /metrics; 0 when the series does not exist yet. */
  private double metric(String series) {
    for (String line : get("/metrics").body().split("\n")) {
      if (line.startsWith(series + " ")) {
        return Double.parseDouble(line.substring(series.length() + 1).strip());
      }
    }
    return 0;
  }

  private Channel postArticle() {
    String post = postedId();
    return sandbox.awaitThread(t -> t.id().equals(post), WAIT);
  }

  /** Posts the sample article; @return the post's message id (its thread's id too). */
  private String postedId() {
    SandboxMessage answer =
        sandbox
            .slash(
                sandbox.moderator(),
                sandbox.news(),
                "article post",
                BotHarness.now(Map.of("name", "sahel-reset")))
            .awaitResponse(WAIT);
    Matcher link = POST_LINK.matcher(answer.content());
    assertThat(link.find()).as("jump link in %s", answer.content()).isTrue();
    return link.group(2);
  }

  @Test
  @DisplayName(
      "what the bot logs while handling an interaction carries its shard, guild and interaction ids")
  void logsCarryIds() {
    SandboxMessage post = sandbox.message(postedId()).orElseThrow();
    Logger router = (Logger) LoggerFactory.getLogger(InteractionRouter.class);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    Level level = router.getLevel();
    router.setLevel(Level.DEBUG);
    router.addAppender(appender);
    try {
      // a button no feature made: the router logs it (at debug) on its worker thread
      InteractionHandle press = sandbox.pressForgedButton(alice, post, "nobody:1");
      press.awaitResponse(WAIT);
      BotHarness.await("the router's log line", () -> !appender.list.isEmpty());
      assertThat(appender.list.get(0).getMDCPropertyMap())
          .containsEntry("shard", "0")
          .containsEntry("guild", sandbox.guildId())
          .containsEntry("interaction", press.id());
      assertThat(appender.list.get(0).getFormattedMessage()).contains("nobody:1");
    } finally {
      router.detachAppender(appender);
      router.setLevel(level);
    }
  }

  @Test
  @DisplayName(
      "the take counters and the ingest latency histogram move as takes are stored, edited and deleted")
  void countersMoveAsTakesArrive() {
    Channel thread = postArticle();
    double stored = metric(STORED);
    double edited = metric(EDITED);
    double deleted = metric(DELETED);
    double ingested = metric(INGESTED);

    // when two members' takes arrive, one is edited and one deleted
    SandboxMessage first = sandbox.post(alice, thread, "A sensible step, finally");
    SandboxMessage second = sandbox.post(sandbox.member(), thread, "Bad idea, it will backfire");
    BotHarness.await("two takes counted", () -> metric(STORED) == stored + 2);
    sandbox.edit(first, "A sensible step, finally, and overdue");
    BotHarness.await("the edit counted", () -> metric(EDITED) == edited + 1);
    sandbox.delete(second);
    BotHarness.await("the deletion counted", () -> metric(DELETED) == deleted + 1);

    // then the histogram saw both, and the REST and interaction meters saw the post
    assertThat(metric(INGESTED)).isEqualTo(ingested + 2);
    String scrape = get("/metrics").body();
    assertThat(scrape)
        .contains("takebot_ingest_latency_seconds_bucket{le=\"+Inf\"}")
        .containsPattern(
            "takebot_rest_requests_total\\{route=\"POST channels/\\{id\\}/messages\",status=\"200\"\\} [1-9]")
        .containsPattern("takebot_interactions_total\\{outcome=\"on_time\"\\} [1-9]")
        .containsPattern("takebot_gateway_events_total\\{type=\"MessageReceivedEvent\"\\} [1-9]")
        .containsPattern("takebot_gateway_ping_seconds\\{shard=\"0\"\\}")
        .contains("hikaricp_connections_active{pool=\"takebot-sqlite-read\"}")
        .containsPattern("takebot_db_query_seconds_count\\{kind=\"write\"\\} [1-9]")
        .contains("takebot_summary_cache_hits_total")
        .contains("jvm_threads_live_threads")
        // and no label carries an interaction token or message text
        .doesNotContain("sensible");
    assertThat(scrape.lines().filter(l -> l.contains("interactions/")))
        .allSatisfy(l -> assertThat(l).contains("interactions/{id}/{token}/callback"));
  }

  @Test
  @DisplayName(
      "a take shared through the \"Share your take\" form is counted and timed like a thread reply")
  void sharedTakesAreCounted() {
    String post = postArticle().id();
    double stored = metric(STORED);
    double ingested = metric(INGESTED);

    InteractionHandle press =
        sandbox.pressButton(alice, sandbox.message(post).orElseThrow(), ShareTakeFeature.PREFIX);
    press.awaitModal(WAIT);
    sandbox
        .submitModal(alice, press, Map.of(ShareTakeFeature.INPUT_ID, "A sensible step, finally"))
        .awaitResponse(WAIT);

    // the answer comes once the take is stored, and counted
    assertThat(metric(STORED)).isEqualTo(stored + 1);
    assertThat(metric(INGESTED)).isEqualTo(ingested + 1);
  }

  @Test
  @DisplayName(
      "interactions that reach the bot after Discord's 3 s: each counted late with one warning"
          + " naming it and no error; the member sees Discord's failure and no take is posted or"
          + " stored")
  void lateInteractions() {
    Channel thread = postArticle();
    SandboxMessage post = sandbox.message(thread.id()).orElseThrow();
    double late = metric(LATE);
    double stored = metric(STORED);
    InteractionHandle opened = sandbox.pressButton(alice, post, ShareTakeFeature.PREFIX);
    opened.awaitModal(WAIT);
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    root.addAppender(appender);
    try {
      // when a press of "Share your take" (answered with a queued modal) and a form submitted
      // (acknowledged before the take is posted) reach the bot 5 s after the member sent them
      List<InteractionHandle> lateOnes;
      sandbox.deliverInteractionsLate(java.time.Duration.ofSeconds(5));
      try {
        lateOnes =
            List.of(
                sandbox.pressButton(sandbox.moderator(), post, ShareTakeFeature.PREFIX),
                sandbox.submitModal(
                    alice, opened, Map.of(ShareTakeFeature.INPUT_ID, "Too late to be counted")));
      } finally {
        sandbox.deliverInteractionsLate(java.time.Duration.ZERO);
      }
      lateOnes.forEach(i -> i.awaitExpiredCallback(WAIT));

      // then the operator sees both counted late, and a warning naming each
      BotHarness.await("counted late", () -> metric(LATE) == late + 2);
      for (InteractionHandle i : lateOnes) {
        BotHarness.await(
            "a warning naming interaction " + i.id(),
            () -> List.copyOf(appender.list).stream().anyMatch(e -> names(e, i, Level.WARN)));
      }
      // and, once an on-time take by another member has gone through, nothing else about them
      InteractionHandle marker =
          sandbox.pressButton(sandbox.member(), post, ShareTakeFeature.PREFIX);
      marker.awaitModal(WAIT);
      sandbox
          .submitModal(
              sandbox.member(), marker, Map.of(ShareTakeFeature.INPUT_ID, "On time, this one"))
          .awaitResponse(WAIT);
      List<ILoggingEvent> logged = List.copyOf(appender.list);
      assertThat(logged).noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.ERROR));
      for (InteractionHandle i : lateOnes) {
        assertThat(logged).filteredOn(e -> names(e, i, Level.INFO)).hasSize(1);
        // while the member saw Discord's "This interaction failed"
        assertThat(i.memberSeesFailure()).isTrue();
      }
      // and the late take was neither posted nor stored; the on-time one was
      assertThat(sandbox.messages(thread))
          .noneMatch(m -> m.embeds().toString().contains("Too late"))
          .anyMatch(m -> m.embeds().toString().contains("On time"));
      assertThat(metric(STORED)).isEqualTo(stored + 1);
    } finally {
      root.detachAppender(appender);
    }
  }

  /** Whether a log line at {@code level} or above names the interaction. */
  private static boolean names(ILoggingEvent e, InteractionHandle i, Level level) {
    return e.getLevel().isGreaterOrEqual(level) && e.getFormattedMessage().contains(i.id());
  }

  @Test
  @DisplayName("readiness drops while the gateway is cut and comes back once the shard resumes")
  void readinessFollowsTheGateway() {
    BotHarness.await("ready", () -> get("/health/ready").statusCode() == 200);
    assertThat(get("/health/ready").body())
        .isEqualTo("{\"status\":\"UP\",\"database\":\"UP\",\"shards\":{\"0\":\"CONNECTED\"}}");
    assertThat(metric("takebot_gateway_connected{shard=\"0\"}")).isEqualTo(1);

    sandbox.beginGatewayOutage();
    try {
      BotHarness.await("not ready", () -> get("/health/ready").statusCode() == 503);
      assertThat(get("/health/ready").body())
          .startsWith("{\"status\":\"DOWN\",\"database\":\"UP\"")
          .doesNotContain("CONNECTED\"");
      assertThat(metric("takebot_gateway_connected{shard=\"0\"}")).isZero();
      assertThat(get("/health/live").statusCode()).as("still live").isEqualTo(200);
    } finally {
      sandbox.endGatewayOutage();
    }
    BotHarness.await("ready again", () -> get("/health/ready").statusCode() == 200);
  }

  @Test
  @DisplayName(
      "readiness drops while another process holds the SQLite database locked, and comes back once"
          + " it lets go")
  void readinessFollowsTheDatabase() throws SQLException {
    BotHarness.await("ready", () -> get("/health/ready").statusCode() == 200);

    try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + database);
        Statement st = other.createStatement()) {
      st.execute("BEGIN IMMEDIATE");
      try {
        HttpResponse<String> locked = get("/health/ready");
        assertThat(locked.statusCode()).isEqualTo(503);
        assertThat(locked.body()).startsWith("{\"status\":\"DOWN\",\"database\":\"DOWN\"");
        assertThat(get("/health/live").statusCode()).as("still live").isEqualTo(200);
      } finally {
        st.execute("ROLLBACK");
      }
    }
    assertThat(get("/health/ready").statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("a 429 from Discord is counted for its route, and JDA's retry as a success")
  void rateLimitsAreCountedPerRoute() {
    String limited = "takebot_rest_ratelimited_total{route=\"POST channels/{id}/messages\"}";
    double before = metric(limited);
    sandbox.rateLimitNext("POST", "/messages", 1, java.time.Duration.ofSeconds(1));
    postArticle(); // its post is refused once, then sent again by JDA
    assertThat(metric(limited)).isEqualTo(before + 1);
    assertThat(
            metric(
                "takebot_rest_requests_total{route=\"POST channels/{id}/messages\",status=\"429\"}"))
        .isGreaterThanOrEqualTo(1);
  }
}
