package dev.takebot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.takebot.sandbox.Channel;
import dev.takebot.sandbox.DiscordSandbox;
import dev.takebot.sandbox.GatewayEvent;
import dev.takebot.sandbox.SandboxMessage;
import dev.takebot.store.JdbcTakeStore;
import dev.takebot.store.Stores;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression: {@code takebot run} stopped by SIGTERM exited 143 (the JVM's status after a signal),
 * so {@code systemctl stop} and {@code docker stop} recorded every ordinary stop as a failure. A
 * real {@code java} process runs {@code Main run} against the sandbox, with the test classpath, its
 * logs in JSON ({@code ops.logFormat: json}) and its probes on a free port.
 */
@DisplayName("takebot run, stopped with SIGTERM")
class RunShutdownTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final Pattern POST_LINK =
      Pattern.compile("https://discord\\.com/channels/\\d+/(\\d+)/(\\d+)");

  @TempDir Path dir;

  @Test
  @DisplayName(
      "is ready over HTTP, then closes the gateway and the store, keeps the last take, and exits 0;"
          + " its log is JSON without message text or token")
  void sigtermIsACleanStop() throws Exception {
    Path db = dir.resolve("takes.db");
    String takeId;
    try (DiscordSandbox sandbox = DiscordSandbox.start()) {
      Process bot =
          startBot(
              sandbox,
              BotProcesses.configWithArticles(sandbox, db) + "ops:\n  logFormat: json\n",
              "--metrics-port",
              "0");
      try {
        // given a running bot that has just stored a take
        await(
            "the bot to register its commands (see bot.log)",
            bot,
            () -> !sandbox.guildCommands().isEmpty());
        SandboxMessage answer =
            sandbox
                .slash(
                    sandbox.moderator(),
                    sandbox.news(),
                    "article post",
                    Map.of("name", "sahel-reset", "now", true))
                .awaitResponse(WAIT);
        Matcher link = POST_LINK.matcher(answer.content());
        assertThat(link.find()).as("jump link in %s", answer.content()).isTrue();
        Channel thread = sandbox.awaitThread(t -> t.parentId() != null, WAIT);
        takeId = sandbox.post(sandbox.member(), thread, "A sensible step, finally").id();
        await("the take to be stored", bot, () -> BotProcesses.stored(db, takeId));
        // and ready, as its container health check asks
        assertThat(ready()).isEqualTo(200);
        int eventsBefore = sandbox.gatewayEvents().size();

        // when it is sent SIGTERM (Process.destroy on Linux)
        bot.destroy();

        // then it exits 0, having closed the gateway normally
        assertThat(bot.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).as("exited in time").isTrue();
        assertThat(bot.exitValue()).as("exit status; log:%n%s", log()).isZero();
        GatewayEvent close = sandbox.awaitGatewayEvent("CLOSE", eventsBefore, WAIT);
        assertThat(close.detail()).startsWith("1000");
        // and its log was JSON lines, with the startup summary, and never the take's text or the
        // token
        List<JsonNode> lines = jsonLines();
        assertThat(lines)
            .anySatisfy(
                l ->
                    assertThat(l.path("message").asText())
                        .startsWith("TakeBot dev started: shards [0] of 1, store jdbc:sqlite:")
                        .contains(
                            "intents [GUILD_MESSAGES, GUILD_MESSAGE_REACTIONS, MESSAGE_CONTENT]")
                        .contains("commands registered"));
        assertThat(lines)
            .allSatisfy(
                l ->
                    assertThat(l.has("@timestamp") && l.has("level") && l.has("logger_name"))
                        .isTrue());
        assertThat(log()).doesNotContain("A sensible step").doesNotContain(sandbox.token());
      } finally {
        bot.destroyForcibly();
        bot.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS);
      }
    }
    // and the store was closed, not abandoned: SQLite removes the WAL when its last connection
    // closes
    assertThat(dir.resolve("takes.db-wal")).doesNotExist();
    try (JdbcTakeStore store = Stores.open("jdbc:sqlite:" + db, null, null)) {
      assertThat(store.findTake(Long.parseLong(takeId))).isPresent();
    }
  }

  @Test
  @DisplayName(
      "stopped while still connecting (the gateway gives no HELLO), it closes what it opened and"
          + " exits 0 rather than 143")
  void sigtermWhileConnectingIsACleanStop() throws Exception {
    Path db = dir.resolve("takes.db");
    try (DiscordSandbox sandbox = DiscordSandbox.start()) {
      // given a gateway that accepts the bot's connection but never says HELLO
      sandbox.beginGatewayOutage();
      Process bot = startBot(sandbox, BotProcesses.config(sandbox, db), "--metrics-port", "0");
      try {
        // and a bot waiting for its session: live, not ready
        await("the bot to serve its probes", bot, () -> logContains("/health/ready"));
        sandbox.awaitGatewayEvent("CONNECT", 0, WAIT);
        assertThat(ready()).isEqualTo(503);

        // when it is sent SIGTERM
        bot.destroy();

        // then it stops and exits 0
        assertThat(bot.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).as("exited in time").isTrue();
        assertThat(bot.exitValue()).as("exit status; log:%n%s", log()).isZero();
        assertThat(log()).contains("Stopped cleanly").doesNotContain(sandbox.token());
      } finally {
        bot.destroyForcibly();
        bot.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS);
      }
    }
    // and the store it had opened was closed
    assertThat(dir.resolve("takes.db-wal")).doesNotExist();
  }

  @Test
  @DisplayName(
      "stopped while still opening its store (the database locked by another process), it exits 0"
          + " at once rather than 1 once the database gives up")
  void sigtermWhileOpeningTheStoreIsACleanStop() throws Exception {
    Path db = dir.resolve("takes.db");
    // given a database another process holds locked, so opening it waits (SQLite's busy timeout)
    try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + db);
        java.sql.Statement st = other.createStatement();
        DiscordSandbox sandbox = DiscordSandbox.start()) {
      st.execute("CREATE TABLE held (x INTEGER)");
      st.execute("BEGIN EXCLUSIVE");
      Process bot = startBot(sandbox, BotProcesses.config(sandbox, db));
      try {
        await("the bot to open its store", bot, () -> logContains("Opening the store"));

        // when it is sent SIGTERM
        bot.destroy();

        // then it stops and exits 0 (before, it waited out the database's 10 s and exited 1; the
        // exit status tells the two apart, so a loaded machine's slow exit cannot fail this)
        assertThat(bot.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).as("exited in time").isTrue();
        assertThat(bot.exitValue()).as("exit status; log:%n%s", log()).isZero();
        assertThat(log()).contains("Stopped cleanly").doesNotContain(" started: ");
        assertThat(sandbox.gatewayEvents()).as("never connected").isEmpty();
      } finally {
        bot.destroyForcibly();
        bot.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS);
        st.execute("ROLLBACK");
      }
    }
  }

  /** Starts {@code Main run} in a JVM of its own on the test classpath. */
  private Process startBot(DiscordSandbox sandbox, String config, String... options)
      throws IOException {
    List<String> launcher =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            System.getProperty("java.class.path"),
            Main.class.getName());
    return BotProcesses.start(launcher, dir, sandbox, config, options);
  }

  private boolean logContains(String text) {
    try {
      return log().contains(text);
    } catch (Exception e) {
      return false;
    }
  }

  private String log() throws Exception {
    return Files.readString(dir.resolve("bot.log"));
  }

  /** Every line of the log, each parsed as JSON: a line that is not JSON fails the test. */
  private List<JsonNode> jsonLines() throws Exception {
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> out = new ArrayList<>();
    for (String line : log().split("\\R")) {
      if (line.isBlank() || line.startsWith("Picked up JAVA_TOOL_OPTIONS")) {
        continue;
      }
      out.add(json.readTree(line));
    }
    return out;
  }

  /** The status of the bot's /health/ready, at the port its log names. */
  private int ready() throws Exception {
    Matcher port = Pattern.compile("on http://127\\.0\\.0\\.1:(\\d+)/").matcher(log());
    assertThat(port.find()).as("the metrics port in the log").isTrue();
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port.group(1) + "/health/ready"))
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  /** Waits for {@code condition}, failing at once, with the bot's log, if the bot exits first. */
  private void await(String what, Process bot, BooleanSupplier condition) throws Exception {
    try {
      Awaitility.await(what)
          .atMost(WAIT)
          .pollInterval(Duration.ofMillis(50))
          .failFast("the bot exited", () -> !bot.isAlive())
          .until(condition::getAsBoolean);
    } catch (ConditionTimeoutException | TerminalFailureException e) {
      throw new AssertionError(e.getMessage() + ":\n" + log(), e);
    }
  }
}
