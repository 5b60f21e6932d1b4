package dev.takebot.discord;

import static dev.takebot.discord.BotHarness.WAIT;
import static dev.takebot.discord.BotHarness.now;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.takebot.config.ArticleSettings;
import dev.takebot.config.DiscordSettings;
import dev.takebot.config.StorageSettings;
import dev.takebot.config.TakeBotConfig;
import dev.takebot.config.TakesSettings;
import dev.takebot.sandbox.Channel;
import dev.takebot.sandbox.DiscordSandbox;
import dev.takebot.sandbox.FileUpload;
import dev.takebot.sandbox.GatewayEvent;
import dev.takebot.sandbox.InteractionHandle;
import dev.takebot.sandbox.Member;
import dev.takebot.sandbox.SandboxMessage;
import dev.takebot.schedule.Scheduler;
import dev.takebot.sentiment.KeywordAnalyzer;
import dev.takebot.sentiment.Label;
import dev.takebot.takes.Discussion;
import dev.takebot.takes.Take;
import dev.takebot.takes.TakeRepository;
import dev.takebot.takes.TakeService;
import dev.takebot.takes.summary.SummaryService;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
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
 * Issue #4 through the sandbox with the real JDA bot: backfill after an outage and after a lost
 * session, {@code /takes forget} and {@code /takes export}.
 */
@DisplayName("Durable takes end to end: backfill, forget and export through the sandbox")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DurableTakesEndToEndTest {
  private static final Pattern POST_LINK =
      Pattern.compile("https://discord\\.com/channels/\\d+/(\\d+)/(\\d+)");

  private Path dir;
  private DiscordSandbox sandbox;
  private TakeBotConfig config;
  private TakeRepository store;
  private TakeService takes;
  private SummaryService summaries;
  private TakeBotAssembly app;
  private TakeBot bot;
  private Member alice;
  private Member bob;
  private final AtomicInteger articles = new AtomicInteger();
  private Set<Thread> threadsBefore;

  @BeforeAll
  void start(@TempDir Path tmp) throws InterruptedException {
    threadsBefore = Thread.getAllStackTraces().keySet();
    dir = tmp;
    sandbox = DiscordSandbox.builder().start();
    config =
        new TakeBotConfig(
            new DiscordSettings(
                sandbox.restUrl(),
                sandbox.gatewayUrl(),
                Long.parseLong(sandbox.guildId()),
                List.of(),
                "news"),
            new ArticleSettings(Path.of("config", "articles"), 6),
            StorageSettings.of("jdbc:sqlite:" + dir.resolve("takes.db")),
            new TakesSettings(0, 0));
    startBot();
    alice = sandbox.addMember("alice");
    bob = sandbox.addMember("bob");
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
    BotHarness.await(
        "the bot's threads to end",
        () ->
            Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && !threadsBefore.contains(t))
                .noneMatch(
                    t -> t.getName().startsWith("JDA") || t.getName().startsWith("takebot-")));
  }

  /**
   * What a (re)started process does: a fresh store handle, services and summary cache on the same
   * file.
   */
  private void startBot() throws InterruptedException {
    untilBackfillLogged(
        () ->
            app =
                TakeBotAssembly.start(
                    config,
                    sandbox.token(),
                    Map.of(),
                    TakeBotAssembly.Overrides.none().analyzer(new KeywordAnalyzer())));
    bot = app.bot();
    store = app.store();
    takes = app.takes();
    summaries = app.summaries();
  }

  private record Posted(Discussion discussion, SandboxMessage post, Channel thread) {}

  /** A step that (re)starts the bot or its gateway session. */
  private interface SessionStep {
    void run() throws InterruptedException;
  }

  /**
   * Runs {@code step}, which starts a backfill (a start, or a new gateway session), and waits until
   * that backfill has logged its result: one still running when the next test begins would be
   * counted there (noBackfillOnResume counts the backfills while it runs).
   */
  private void untilBackfillLogged(SessionStep step) throws InterruptedException {
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.list = new CopyOnWriteArrayList<>();
    Logger logger = (Logger) LoggerFactory.getLogger(Backfill.class);
    log.start();
    logger.addAppender(log);
    try {
      step.run();
      BotHarness.await(
          "the backfill's result",
          () ->
              log.list.stream()
                  .anyMatch(e -> e.getFormattedMessage().startsWith("Backfill after")));
    } finally {
      logger.detachAppender(log);
    }
  }

  private Posted postArticle(String title) {
    String text =
        "# "
            + title
            + " "
            + articles.incrementAndGet()
            + "\n\n"
            + "The council approved the new cycle lanes after a long debate this week. "
            + "Shop owners said parking would suffer, while residents welcomed safer streets.\n\n"
            + "Critics called the plan rushed, supporters called it overdue.\n";
    InteractionHandle cmd =
        sandbox.slash(
            sandbox.moderator(),
            sandbox.news(),
            "article post",
            now(Map.of("file", FileUpload.text("article.md", text))));
    Matcher m = POST_LINK.matcher(cmd.awaitResponse(WAIT).content());
    assertThat(m.find()).isTrue();
    Discussion d = store.findDiscussion(Long.parseLong(m.group(2))).orElseThrow();
    Channel thread = sandbox.awaitThread(t -> t.id().equals(Long.toString(d.threadId())), WAIT);
    return new Posted(d, sandbox.message(m.group(2)).orElseThrow(), thread);
  }

  /** The store's takes of a discussion: message id to text. */
  private Map<Long, String> stored(Discussion d) {
    Map<Long, String> out = new TreeMap<>();
    store.forEachTake(d.postMessageId(), t -> out.put(t.messageId(), t.text()));
    return out;
  }

  /** What Discord holds: members' messages in the thread and their replies to the post. */
  private Map<Long, String> onDiscord(Posted p) {
    Map<Long, String> out = new TreeMap<>();
    List<SandboxMessage> candidates = new ArrayList<>(sandbox.messages(p.thread()));
    sandbox.messages(sandbox.news()).stream()
        .filter(m -> p.post().id().equals(m.referencedMessageId()))
        .forEach(candidates::add);
    for (SandboxMessage m : candidates) {
      if (!m.authorId().equals(sandbox.bot().id()) && !m.isEphemeral() && !m.content().isBlank()) {
        out.put(Long.parseLong(m.id()), m.content());
      }
    }
    return out;
  }

  private void awaitInSync(Posted p) {
    BotHarness.await(
        "the store to match the sandbox", () -> stored(p.discussion()).equals(onDiscord(p)));
  }

  @Test
  @DisplayName(
      "after an outage, takes posted, edited and deleted meanwhile are reconciled on start")
  void backfillAfterOutage() throws InterruptedException {
    // given a discussion with takes collected live, in the thread and as a reply to the post
    Posted p = postArticle("Cycle lanes");
    SandboxMessage early1 = sandbox.post(alice, p.thread(), "I love the new lanes");
    SandboxMessage early2 = sandbox.post(bob, p.thread(), "Terrible for the shops on Main Street");
    SandboxMessage early3 = sandbox.reply(alice, p.post(), "Finally, safer streets");
    Posted q = postArticle("Cycle parking");
    SandboxMessage qEarly = sandbox.reply(bob, q.post(), "Too few racks");
    awaitInSync(p);
    awaitInSync(q);
    assertThat(stored(p.discussion())).hasSize(3);

    // when the bot is down while members post three takes, delete one and edit one
    app.close();
    app = null;
    SandboxMessage late1 = sandbox.post(alice, p.thread(), "Second thought: great for kids");
    SandboxMessage late2 = sandbox.post(bob, p.thread(), "Parking is a real problem, not great");
    SandboxMessage late3 = sandbox.reply(bob, p.post(), "Rushed plan, bad consultation");
    sandbox.delete(early2);
    sandbox.edit(early1, "I love the new lanes, mostly");
    SandboxMessage qLate = sandbox.reply(alice, q.post(), "Racks by the station, please");
    sandbox.delete(qEarly);
    startBot();

    // then the store holds exactly the members' messages on Discord, for both posts of the channel
    awaitInSync(p);
    awaitInSync(q);
    assertThat(stored(q.discussion())).containsOnlyKeys(Long.parseLong(qLate.id()));
    Map<Long, String> after = stored(p.discussion());
    assertThat(after)
        .containsOnlyKeys(
            Long.parseLong(early1.id()),
            Long.parseLong(early3.id()),
            Long.parseLong(late1.id()),
            Long.parseLong(late2.id()),
            Long.parseLong(late3.id()));
    assertThat(after).containsEntry(Long.parseLong(early1.id()), "I love the new lanes, mostly");
    assertThat(store.findTake(Long.parseLong(late2.id())).orElseThrow().authorId())
        .isEqualTo(Long.parseLong(bob.id()));
    assertThat(store.stats(p.discussion().postMessageId()).takes()).isEqualTo(5);
  }

  /**
   * Regression: a backfill interrupted by shutdown used to treat the discussions it had not read
   * yet as empty and delete every one of their takes.
   */
  @Test
  @DisplayName("a backfill interrupted mid-way deletes no take it has not seen")
  void interruptedBackfillDeletesNothing() {
    // given an older discussion with a take, and a newer one (read first) with a take the store
    // missed
    Posted older = postArticle("Tram line");
    sandbox.post(alice, older.thread(), "Trams are great");
    awaitInSync(older);
    Posted newer = postArticle("Tram fares");
    SandboxMessage missed = sandbox.post(bob, newer.thread(), "Fares are too high");
    awaitInSync(newer);
    store.deleteTake(Long.parseLong(missed.id()));
    Map<Long, String> olderBefore = stored(older.discussion());

    // when shutdown interrupts the backfill right after it collects the missed take
    Thread caller = Thread.currentThread();
    java.util.concurrent.atomic.AtomicBoolean armed =
        new java.util.concurrent.atomic.AtomicBoolean(true);
    takes.addListener(
        post -> {
          if (Thread.currentThread() == caller && armed.getAndSet(false)) {
            caller.interrupt();
          }
        });
    try (Scheduler scheduler = new Scheduler()) {
      TakesListener collector =
          new TakesListener(takes, scheduler.routine("take-retry"), Duration.ofMillis(100));
      new Backfill(
              new BotContext(takes, null, null, Clock.systemUTC()),
              collector,
              g -> 0,
              Runnable::run)
          .run(bot.jda());
    } finally {
      Thread.interrupted();
    }

    // then the discussion it never read keeps its takes
    assertThat(armed).isFalse();
    assertThat(stored(older.discussion())).isEqualTo(olderBefore).isNotEmpty();
  }

  @Test
  @DisplayName(
      "backfill leaves uncollected what the server's own retention purges: a missed message older"
          + " than its retention days, though the configuration keeps takes forever")
  void backfillHonoursEachServersRetention() {
    // given a take the store missed, in a server that keeps takes 1 day (the configuration:
    // forever)
    Posted p = postArticle("Ferry timetable");
    SandboxMessage missed = sandbox.post(bob, p.thread(), "The ferry is always late");
    awaitInSync(p);
    long id = Long.parseLong(missed.id());
    store.deleteTake(id);
    long guild = Long.parseLong(sandbox.guildId());
    app.settings().setRetentionDays(guild, 1);
    try (Scheduler scheduler = new Scheduler()) {
      TakesListener collector =
          new TakesListener(takes, scheduler.routine("take-retry"), Duration.ofMillis(100));
      Backfill backfill =
          new Backfill(
              new BotContext(
                  takes, null, null, Clock.offset(Clock.systemUTC(), Duration.ofDays(2))),
              collector,
              g -> app.settings().get(g).retentionDays(),
              Runnable::run);

      // when a backfill runs two days later, then the 2-day-old message is not collected again
      assertThat(backfill.run(bot.jda()).added).as("older than the server's 1 day").isZero();
      assertThat(store.findTake(id)).isEmpty();

      // and once the server keeps takes 3 days, it is
      app.settings().setRetentionDays(guild, 3);
      assertThat(backfill.run(bot.jda()).added).as("within the server's 3 days").isEqualTo(1);
      assertThat(store.findTake(id)).isPresent();
    } finally {
      app.settings().setRetentionDays(guild, 0);
    }
  }

  @Test
  @DisplayName(
      "after an invalidated session, takes posted while disconnected are collected on SessionRecreate")
  void backfillAfterLostSession() throws InterruptedException {
    // given a discussion with one live take
    Posted p = postArticle("Bus lanes");
    sandbox.post(alice, p.thread(), "Good idea");
    awaitInSync(p);
    int mark = sandbox.gatewayEvents().size();

    // when the gateway invalidates the session and members post before the bot identifies again
    SandboxMessage[] missed = new SandboxMessage[2];
    untilBackfillLogged(
        () -> {
          sandbox.invalidateSession(false);
          missed[0] = sandbox.post(bob, p.thread(), "Bad idea, the buses are empty");
          missed[1] = sandbox.post(alice, p.thread(), "Agree with the plan");
          assertThat(sandbox.gatewayEventsSince(mark))
              .extracting(GatewayEvent::kind)
              .doesNotContain("IDENTIFY", "RESUME");
        });
    SandboxMessage missed1 = missed[0];
    SandboxMessage missed2 = missed[1];

    // then the bot identifies anew (not a resume) and its backfill collects both
    GatewayEvent identify = sandbox.awaitGatewayEvent("IDENTIFY", mark, WAIT);
    assertThat(identify.detail()).startsWith("session");
    awaitInSync(p);
    assertThat(stored(p.discussion()))
        .containsKeys(Long.parseLong(missed1.id()), Long.parseLong(missed2.id()));
    assertThat(sandbox.gatewayEventsSince(mark))
        .extracting(GatewayEvent::kind)
        .doesNotContain("RESUME");
  }

  @Test
  @DisplayName("a resumed session replays what was missed, so no history is read")
  void noBackfillOnResume() {
    // given a discussion, and the backfill's log, where each run reports when it is done
    Posted p = postArticle("Ferry timetable");
    int requests = sandbox.requests().size();
    int mark = sandbox.gatewayEvents().size();
    ListAppender<ILoggingEvent> backfillLog = new ListAppender<>();
    backfillLog.list = new CopyOnWriteArrayList<>();
    Logger logger = (Logger) LoggerFactory.getLogger(Backfill.class);
    backfillLog.start();
    logger.addAppender(backfillLog);
    try {
      // when the connection drops while a member posts, and the bot resumes
      SandboxMessage[] missed = new SandboxMessage[1];
      sandbox.dropConnection(() -> missed[0] = sandbox.post(bob, p.thread(), "Ferries are great"));
      sandbox.awaitGatewayEvent("RESUME", mark, WAIT);

      // then the take arrives through the replay
      BotHarness.await(
          "the replayed take", () -> store.findTake(Long.parseLong(missed[0].id())).isPresent());

      // and no backfill runs. The marker: the backfill of a later lost session, which runs after
      // any backfill
      // the resume started (one at a time, in order)
      sandbox.invalidateSession(false);
      BotHarness.await(
          "the marker backfill",
          () ->
              backfillLog.list.stream()
                  .anyMatch(
                      e ->
                          e.getFormattedMessage()
                              .startsWith("Backfill after new gateway session")));
    } finally {
      logger.detachAppender(backfillLog);
    }
    assertThat(backfillLog.list)
        .extracting(ILoggingEvent::getFormattedMessage)
        .filteredOn(m -> m.startsWith("Backfill after"))
        .hasSize(1);
    // only the marker read the thread's history from its start
    String history = "channels/" + p.thread().id() + "/messages";
    Pattern fromStart = Pattern.compile("(^|&)after=" + p.thread().id() + "(&|$)");
    assertThat(sandbox.requests().subList(requests, sandbox.requests().size()))
        .filteredOn(
            r ->
                r.method().equals("GET")
                    && r.path().equals(history)
                    && fromStart.matcher(r.query()).find())
        .hasSize(1);
  }

  @Test
  @DisplayName(
      "/takes export refuses, with a message, a file over Discord's 10 MB attachment limit")
  void exportOverTheLimit() {
    // given an article with about 11 MB of takes
    Posted p = postArticle("Stadium vote");
    long post = p.discussion().postMessageId();
    String text = "word ".repeat(380);
    List<Take> big = new ArrayList<>();
    for (int i = 1; i <= 6_000; i++) {
      big.add(
          new Take(
              post + i,
              post,
              p.discussion().threadId(),
              42,
              "m",
              text,
              Instant.now(),
              null,
              Label.NEUTRAL,
              0,
              "v"));
    }
    store.insertTakes(big);

    // when a moderator exports it
    InteractionHandle cmd =
        sandbox.slash(
            sandbox.moderator(),
            sandbox.news(),
            "takes export",
            Map.of("article", Long.toString(post), "format", "json"));
    SandboxMessage answer = cmd.awaitResponse(WAIT);

    // then no file is sent, and the moderator is told why and what to try
    assertThat(answer.attachments()).isEmpty();
    assertThat(answer.content())
        .contains("over Discord's 10 MB attachment limit")
        .contains("format: csv");
  }

  @Test
  @DisplayName(
      "/takes forget deletes the member's takes in the server, confirms privately, refreshes summaries")
  void forget() throws InterruptedException {
    // given takes by two members in two discussions, and a cached summary
    Member carol = sandbox.addMember("carol");
    Posted a = postArticle("Tram line");
    Posted b = postArticle("Night buses");
    SandboxMessage c1 = sandbox.post(carol, a.thread(), "Love the tram");
    SandboxMessage c2 = sandbox.post(carol, b.thread(), "Hate waiting at night");
    SandboxMessage other = sandbox.post(bob, a.thread(), "Trams are fine");
    awaitInSync(a);
    awaitInSync(b);
    assertThat(summaries.summary(a.discussion().postMessageId()).orElseThrow().summary().takes())
        .isEqualTo(2);

    // when carol asks to be forgotten
    InteractionHandle cmd = sandbox.slash(carol, sandbox.general(), "takes forget", Map.of());
    SandboxMessage answer = cmd.awaitResponse(WAIT);

    // then only her takes are gone, she alone sees the count, and the summary no longer counts her
    assertThat(cmd.isEphemeral()).isTrue();
    assertThat(answer.content()).contains("forgot your 2 takes");
    assertThat(store.findTake(Long.parseLong(c1.id()))).isEmpty();
    assertThat(store.findTake(Long.parseLong(c2.id()))).isEmpty();
    assertThat(store.findTake(Long.parseLong(other.id()))).isPresent();
    assertThat(summaries.summary(a.discussion().postMessageId()).orElseThrow().summary().takes())
        .isEqualTo(1);

    // and asking again finds nothing
    assertThat(
            sandbox
                .slash(carol, sandbox.general(), "takes forget", Map.of())
                .awaitResponse(WAIT)
                .content())
        .contains("nothing to forget");

    // and a backfill (after a lost session) does not bring her forgotten takes back, but collects
    // her new one
    int mark = sandbox.gatewayEvents().size();
    SandboxMessage[] posted = new SandboxMessage[1];
    untilBackfillLogged(
        () -> {
          sandbox.invalidateSession(false);
          posted[0] = sandbox.post(carol, a.thread(), "Changed my mind, trams are good");
        });
    SandboxMessage fresh = posted[0];
    sandbox.awaitGatewayEvent("IDENTIFY", mark, WAIT);
    BotHarness.await(
        "carol's new take", () -> store.findTake(Long.parseLong(fresh.id())).isPresent());
    assertThat(store.findTake(Long.parseLong(c1.id()))).isEmpty();
    assertThat(store.findTake(Long.parseLong(c2.id()))).isEmpty();
  }

  @Test
  @DisplayName(
      "/takes export sends a moderator the article's takes as CSV that parses back to the store")
  void exportCsv() throws IOException, InterruptedException {
    // given takes whose text needs quoting
    Posted p = postArticle("Park closure");
    sandbox.post(alice, p.thread(), "I \"love\" parks, honestly");
    sandbox.post(bob, p.thread(), "=cmd| bad idea\nreally bad");
    sandbox.post(alice, p.thread(), "fine");
    awaitInSync(p);

    // when a moderator exports it as CSV
    InteractionHandle cmd =
        sandbox.slash(
            sandbox.moderator(),
            sandbox.news(),
            "takes export",
            Map.of("article", Long.toString(p.discussion().postMessageId()), "format", "csv"));
    SandboxMessage answer = cmd.awaitResponse(WAIT);

    // then an ephemeral answer carries a CSV with one row per stored take, in message-id order
    assertThat(cmd.isEphemeral()).isTrue();
    assertThat(answer.attachments())
        .singleElement()
        .satisfies(
            a ->
                assertThat(a.path("filename").asText())
                    .isEqualTo("takes-" + p.discussion().postMessageId() + ".csv"));
    String csv = download(answer.attachments().get(0).path("url").asText());
    List<List<String>> rows = parseCsv(csv);
    assertThat(rows.get(0))
        .containsExactly(
            "message_id",
            "author_id",
            "author",
            "created_at",
            "edited_at",
            "label",
            "score",
            "analyzer_version",
            "text");
    List<List<String>> expected = new ArrayList<>();
    store.forEachTake(
        p.discussion().postMessageId(),
        t ->
            expected.add(
                List.of(
                    Long.toString(t.messageId()),
                    Long.toString(t.authorId()),
                    t.label().id(),
                    t.text().startsWith("=") ? "'" + t.text() : t.text())));
    assertThat(rows.subList(1, rows.size()))
        .extracting(r -> List.of(r.get(0), r.get(1), r.get(5), r.get(8)))
        .containsExactlyElementsOf(expected);
    assertThat(expected).hasSize(3);
  }

  @Test
  @DisplayName(
      "/takes export kind:corrections sends the server's moderator corrections as JSON labelled data")
  void exportCorrectionsJson() throws IOException, InterruptedException {
    // given a take whose tag a moderator corrected
    Posted p = postArticle("Bridge toll");
    SandboxMessage m = sandbox.post(alice, p.thread(), "The toll is fine I guess");
    awaitInSync(p);
    long id = Long.parseLong(m.id());
    Label before = store.findTake(id).orElseThrow().label();
    Label corrected = before == Label.NEGATIVE ? Label.MIXED : Label.NEGATIVE;
    store.correctLabel(
        id,
        corrected,
        Long.parseLong(sandbox.moderator().id()),
        Instant.parse("2026-01-01T00:00:00Z"));

    // when a moderator exports the corrections as JSON
    InteractionHandle cmd =
        sandbox.slash(
            sandbox.moderator(),
            sandbox.news(),
            "takes export",
            Map.of("kind", "corrections", "format", "json"));
    SandboxMessage answer = cmd.awaitResponse(WAIT);

    // then the file lists the correction with the take's text and both labels
    assertThat(cmd.isEphemeral()).isTrue();
    JsonNode json =
        new ObjectMapper().readTree(download(answer.attachments().get(0).path("url").asText()));
    assertThat(json.path("guild_id").asText()).isEqualTo(sandbox.guildId());
    JsonNode row = json.path("corrections").get(0);
    assertThat(json.path("corrections")).hasSize(1);
    assertThat(row.path("message_id").asText()).isEqualTo(m.id());
    assertThat(row.path("text").asText()).isEqualTo("The toll is fine I guess");
    assertThat(row.path("label").asText()).isEqualTo(corrected.id());
    assertThat(row.path("previous_label").asText()).isEqualTo(before.id());
  }

  @Test
  @DisplayName("/takes export is refused to a member without Manage Messages, with no file")
  void exportRefusedToMembers() {
    InteractionHandle cmd =
        sandbox.slash(sandbox.member(), sandbox.news(), "takes export", Map.of());
    SandboxMessage answer = cmd.awaitResponse(WAIT);
    assertThat(cmd.isEphemeral()).isTrue();
    assertThat(answer.content()).startsWith("Only moderators can export takes");
    assertThat(answer.attachments()).isEmpty();
  }

  private static String download(String url) throws IOException, InterruptedException {
    HttpResponse<byte[]> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).isEqualTo(200);
    return new String(r.body(), StandardCharsets.UTF_8);
  }

  /** RFC 4180: CRLF rows, quoted fields may hold commas, doubled quotes and line breaks. */
  static List<List<String>> parseCsv(String csv) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < csv.length(); i++) {
      char c = csv.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        row.add(cell.toString());
        cell.setLength(0);
      } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
        row.add(cell.toString());
        cell.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
        i++;
      } else {
        cell.append(c);
      }
    }
    assertThat(cell).as("CSV ends with CRLF").isEmpty();
    return rows;
  }
}
