package dev.takebot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takebot.cli.Main;
import dev.takebot.config.ConfigLoader;
import dev.takebot.config.TakeBotConfig;
import dev.takebot.sandbox.Channel;
import dev.takebot.sandbox.DiscordSandbox;
import dev.takebot.sandbox.InteractionHandle;
import dev.takebot.sandbox.SandboxGuild;
import dev.takebot.sandbox.SandboxMessage;
import dev.takebot.store.Stores;
import dev.takebot.takes.Discussion;
import dev.takebot.takes.TakeRepository;
import dev.takebot.takes.settings.SettingsService;
import dev.takebot.testing.TestPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proof of issue #13: two bot processes — separate JVMs running {@code takebot run}, as in
 * production — with two shards each (ids 0-1 and 2-3 of 4) over one PostgreSQL database and one
 * Discord sandbox with six guilds spread over the four shards. The token reaches them through the
 * environment only. One process is SIGKILLed and restarted while members keep posting in its
 * servers.
 */
@Tag("multiprocess")
@DisplayName("Two bot processes × two shards over one PostgreSQL")
class MultiProcessEndToEndTest {
  private static final int SHARDS = 4;

  /** A JVM starting on a loaded two-core machine, then five seconds of identify turns. */
  private static final Duration START = Duration.ofSeconds(90);

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final Pattern POST_LINK = Pattern.compile("channels/\\d+/(\\d+)/(\\d+)");

  @TempDir Path dir;

  private EmbeddedPostgres postgres;
  private DiscordSandbox sandbox;
  private TakeRepository store;
  private final List<Bot> bots = new ArrayList<>();

  @AfterEach
  void stopEverything() throws Exception {
    try {
      for (Bot bot : bots) {
        bot.stop();
      }
    } finally {
      if (store != null) {
        store.close();
      }
      if (sandbox != null) {
        sandbox.close();
      }
      if (postgres != null) {
        postgres.close();
      }
    }
  }

  /** One {@code takebot run} process and its log. */
  private final class Bot {
    final String name;
    final Path config;
    final Path log;
    Process process;

    /** Startup summary lines in the log before the current start (the log is appended to). */
    long startsBefore;

    Bot(String name, String ids, String jdbcUrl) throws IOException {
      this.name = name;
      this.log = dir.resolve(name + ".log");
      // No token here: it comes through DISCORD_TOKEN, as in production.
      this.config =
          Files.writeString(
              dir.resolve(name + ".yaml"),
              String.join(
                  "\n",
                  "discord:",
                  "  restUrl: " + sandbox.restUrl(),
                  "  gatewayUrl: " + sandbox.gatewayUrl(),
                  "  moderatorRoles: [Moderator]",
                  "  postChannel: news",
                  "  shards: {total: " + SHARDS + ", ids: \"" + ids + "\"}",
                  "articles:",
                  "  directory: " + Path.of("config", "articles").toAbsolutePath(),
                  "storage:",
                  "  jdbcUrl: " + jdbcUrl,
                  "  username: postgres",
                  "  poolSize: 4",
                  ""));
    }

    /** Starts the process; {@link #awaitRunning} tells when it serves its shards. */
    void start() throws IOException {
      startsBefore = starts();
      ProcessBuilder builder =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  // A small bot: quick to start, light on the two cores the test shares.
                  "-Xmx256m",
                  "-XX:+UseSerialGC",
                  "-XX:TieredStopAtLevel=1",
                  "-cp",
                  System.getProperty("java.class.path"),
                  Main.class.getName(),
                  "run",
                  "--config",
                  config.toString(),
                  "--metrics-port",
                  "0")
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      builder.environment().put("DISCORD_TOKEN", sandbox.token());
      process = builder.start();
    }

    /**
     * {@code takebot run} logs its startup summary once every shard is up and the commands are
     * registered.
     */
    void awaitRunning() {
      await(name + " to start (see " + log + ")", START, () -> starts() > startsBefore);
    }

    private long starts() {
      try {
        return Files.notExists(log)
            ? 0
            : Files.readAllLines(log).stream()
                .filter(l -> l.contains("TakeBot dev started:"))
                .count();
      } catch (IOException e) {
        return 0;
      }
    }

    void kill() throws InterruptedException {
      process.destroyForcibly(); // SIGKILL: no shutdown hook, no clean close of the gateway
      assertThat(process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    }

    void stop() throws InterruptedException {
      if (process == null || !process.isAlive()) {
        return;
      }
      process.destroy();
      if (!process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS);
      }
    }

    private void await(String what, Duration atMost, BooleanSupplier condition) {
      Awaitility.await(what)
          .atMost(atMost)
          .pollInterval(Duration.ofMillis(50))
          .failFast(name + " exited; its log:\n" + tail(), () -> !process.isAlive())
          .until(condition::getAsBoolean);
    }

    String tail() {
      try {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
      } catch (IOException e) {
        return "(no log: " + e.getMessage() + ")";
      }
    }
  }

  /** A guild's article: the discussion stored for it and the takes members posted in it. */
  private record Article(SandboxGuild guild, Discussion discussion, List<String> takes) {}

  @Test
  @DisplayName(
      "every take stored once, every interaction answered once, each server's settings honoured;"
          + " a SIGKILLed process restarts and backfills its servers' takes, duplicated by nobody")
  void twoProcessesShareOneDatabase() throws Exception {
    postgres = TestPostgres.startWithoutFsync();
    String jdbcUrl = postgres.getJdbcUrl("postgres", "postgres");
    // Two identify buckets for four shards: the processes' shards 0 and 2 (and 1 and 3) contend.
    sandbox =
        DiscordSandbox.builder()
            .guilds(6)
            .recommendedShards(SHARDS)
            .maxConcurrency(2)
            .heartbeatInterval(5_000)
            .start();
    Map<Integer, List<SandboxGuild>> byShard =
        sandbox.guilds().stream().collect(Collectors.groupingBy(g -> g.shard(SHARDS)));
    assertThat(byShard).as("guilds on every shard").containsOnlyKeys(0, 1, 2, 3);

    // given each odd guild's managers chose their general channel for posts (the rest keep the
    // configured "news"), stored before the bots start
    store = Stores.open(jdbcUrl, "postgres", null);
    Bot a = new Bot("a", "0-1", jdbcUrl);
    Bot b = new Bot("b", "2-3", jdbcUrl);
    bots.addAll(List.of(a, b));
    TakeBotConfig config = new ConfigLoader().load(a.config);
    SettingsService settings = new SettingsService(store, TakeBotAssembly.defaults(config));
    Map<SandboxGuild, Channel> postChannel = new LinkedHashMap<>();
    for (int i = 0; i < sandbox.guilds().size(); i++) {
      SandboxGuild g = sandbox.guilds().get(i);
      if (i % 2 == 1) {
        settings.setPostChannel(Long.parseLong(g.id()), Long.parseLong(g.general().id()));
        postChannel.put(g, g.general());
      } else {
        postChannel.put(g, g.news());
      }
    }

    // when both processes start at once
    a.start();
    b.start();
    a.awaitRunning();
    b.awaitRunning();

    // then each guild's article goes to its own post channel, and its takes are stored
    List<InteractionHandle> interactions = new ArrayList<>();
    List<Article> articles = new ArrayList<>();
    for (SandboxGuild g : sandbox.guilds()) {
      articles.add(postArticle(g, postChannel.get(g), interactions));
    }
    for (Article article : articles) {
      takeIn(article, "A great idea, finally", "An awful waste of money");
    }
    for (SandboxGuild g : sandbox.guilds()) {
      InteractionHandle mine = sandbox.slash(g.member(), g.general(), "takes mine");
      assertThat(mine.awaitResponse(WAIT).embeds().get(0).path("description").asText())
          .contains("A great idea, finally");
      interactions.add(mine);
    }

    // when the process of shards 2-3 is killed and members keep posting everywhere
    b.kill();
    List<Article> bArticles = articles.stream().filter(x -> x.guild().shard(SHARDS) >= 2).toList();
    List<Article> aArticles = articles.stream().filter(x -> x.guild().shard(SHARDS) < 2).toList();
    List<String> missed = new ArrayList<>();
    for (Article article : bArticles) {
      missed.addAll(postTakes(article, "Posted while the bot was down", "Still down, still here"));
    }
    for (Article article : aArticles) {
      takeIn(article, "The other process carries on");
    }
    // the live process stored its servers' new takes; nobody stored the dead one's
    for (String id : missed) {
      assertThat(store.findTake(Long.parseLong(id))).as("take %s while down", id).isEmpty();
    }

    // and it is restarted
    b.start();
    b.awaitRunning();

    // then its servers' takes posted meanwhile are backfilled, and nothing is counted twice
    for (String id : missed) {
      awaitTrue("missed take " + id, () -> store.findTake(Long.parseLong(id)).isPresent());
    }
    for (Article article : articles) {
      long post = article.discussion().postMessageId();
      awaitTrue(
          "takes of " + article.guild().name() + " counted once",
          () -> store.stats(post).takes() == article.takes().size());
      assertThat(storedTakes(post))
          .as("takes of %s", article.guild().name())
          .isEqualTo(article.takes().size());
    }
    for (Article article : bArticles) {
      InteractionHandle mine =
          sandbox.slash(article.guild().member(), article.guild().general(), "takes mine");
      assertThat(mine.awaitResponse(WAIT).embeds().get(0).path("description").asText())
          .contains("Posted while the bot was down");
      interactions.add(mine);
    }
    answeredOnce(interactions, List.of(aArticles.get(0).guild(), bArticles.get(0).guild()));
    // one post per article (with its lead message), from one process
    for (Article article : articles) {
      Discussion d = article.discussion();
      List<String> expected = new ArrayList<>();
      if (d.leadMessageId() != 0) {
        expected.add(Long.toString(d.leadMessageId()));
      }
      expected.add(Long.toString(d.postMessageId()));
      assertThat(sandbox.messages(postChannel.get(article.guild())))
          .as("bot messages in %s", article.guild().name())
          // interaction responses aside (the /takes mine answers in general)
          .filteredOn(m -> m.authorId().equals(sandbox.bot().id()) && m.interactionId() == null)
          .extracting(SandboxMessage::id)
          .containsExactlyInAnyOrderElementsOf(expected);
    }
    // and no process ever identified out of turn
    assertThat(sandbox.gatewayEvents())
        .as("gateway events")
        .noneMatch(e -> e.kind().equals("IDENTIFY_REFUSED"));
  }

  /** A moderator runs /article post in the channel that is not the guild's post channel. */
  private Article postArticle(
      SandboxGuild g, Channel expected, List<InteractionHandle> interactions) {
    Channel elsewhere = expected.id().equals(g.news().id()) ? g.general() : g.news();
    InteractionHandle cmd =
        sandbox.slash(
            g.moderator(),
            elsewhere,
            "article post",
            BotHarness.now(Map.of("name", "sahel-reset")));
    interactions.add(cmd);
    SandboxMessage answer = cmd.awaitResponse(WAIT);
    Matcher link = POST_LINK.matcher(answer.content());
    assertThat(link.find()).as("jump link in %s", answer.content()).isTrue();
    assertThat(link.group(1)).as("post channel of %s", g.name()).isEqualTo(expected.id());
    long post = Long.parseLong(link.group(2));
    awaitTrue("discussion of " + g.name(), () -> store.findDiscussion(post).isPresent());
    Discussion d = store.findDiscussion(post).orElseThrow();
    assertThat(d.guildId()).isEqualTo(Long.parseLong(g.id()));
    return new Article(g, d, new ArrayList<>());
  }

  /**
   * Posts takes (each text in the thread, the last also as a reply to the post); waits for none.
   */
  private List<String> postTakes(Article article, String... texts) {
    SandboxGuild g = article.guild();
    long threadId = article.discussion().threadId();
    Channel thread = sandbox.awaitThread(t -> t.id().equals(Long.toString(threadId)), WAIT);
    List<String> ids = new ArrayList<>();
    for (String text : texts) {
      ids.add(sandbox.post(g.member(), thread, text).id());
    }
    SandboxMessage post =
        sandbox.message(Long.toString(article.discussion().postMessageId())).orElseThrow();
    ids.add(sandbox.reply(g.moderator(), post, texts[texts.length - 1] + ", says a reply").id());
    article.takes().addAll(ids);
    return ids;
  }

  /** Posts takes and waits until each is stored. */
  private void takeIn(Article article, String... texts) {
    for (String id : postTakes(article, texts)) {
      awaitTrue("take " + id, () -> store.findTake(Long.parseLong(id)).isPresent());
    }
  }

  /**
   * Each interaction got exactly one callback. The sandbox logs a request once it has answered it,
   * so a later marker command's callback in each process shows the earlier ones are all in.
   */
  private void answeredOnce(List<InteractionHandle> handles, List<SandboxGuild> markers) {
    for (SandboxGuild g : markers) {
      InteractionHandle marker = sandbox.slash(g.member(), g.general(), "takes mine");
      marker.awaitResponse(WAIT);
      sandbox.awaitRequest(r -> r.is("POST", callback(marker)), WAIT);
    }
    for (InteractionHandle h : handles) {
      assertThat(sandbox.requests())
          .as("callbacks of %s", h)
          .filteredOn(r -> r.is("POST", callback(h)))
          .hasSize(1);
    }
  }

  private static String callback(InteractionHandle h) {
    return "interactions/" + h.id() + "/" + h.token() + "/callback";
  }

  /** Rows in the takes table for the post, straight from the database. */
  private int storedTakes(long post) throws SQLException {
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT count(*) FROM takes WHERE post_message_id = ?")) {
      ps.setLong(1, post);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  private static void awaitTrue(String what, BooleanSupplier condition) {
    Awaitility.await(what)
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(50))
        .until(condition::getAsBoolean);
  }
}
