package dev.takebot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takebot.ops.Health;
import dev.takebot.ops.Metrics;
import dev.takebot.ops.OpsServer;
import dev.takebot.ops.ShardStates;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@DisplayName("Command line")
class MainTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(CommandLine cli, String... args) {
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  @DisplayName("an unknown subcommand exits 2 with a usage message")
  void unknownSubcommand() {
    assertThat(run(Main.commandLine(), "frobnicate")).isEqualTo(2);
    assertThat(err.toString()).contains("Unmatched argument");
  }

  @Test
  @DisplayName("sentiment with an unknown --context exits 2 with one line naming the valid ones")
  void sentimentUnknownContext() {
    assertThat(run(Main.commandLine(), "sentiment", "--context", "sports", "-")).isEqualTo(2);
    assertThat(err.toString().strip())
        .contains("auto, news, any")
        .doesNotContain("\n")
        .doesNotContain("Exception");
  }

  @Test
  @DisplayName("config prints the effective settings of a valid file")
  void configOk() {
    assertThat(run(Main.commandLine(), "config", "--config", "config/takebot.yaml")).isEqualTo(0);
    assertThat(out.toString()).contains("hashtagLimit: 6").contains("config/takebot.yaml: OK");
  }

  @Test
  @DisplayName("config with a broken file exits 2 with one line naming the key and line")
  void configBroken(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("bad.yaml");
    Files.writeString(f, "takes:\n  retentionDays: -1\n");
    assertThat(run(Main.commandLine(), "config", "--config", f.toString())).isEqualTo(2);
    assertThat(err.toString().strip())
        .startsWith("error: " + f + ":")
        .contains("retentionDays must be 0")
        .doesNotContain("\n")
        .doesNotContain("Exception");
  }

  @Test
  @DisplayName(
      "health exits 0 when the bot's /health/ready answers 200, 1 when it answers 503 or nothing answers")
  void health() {
    ShardStates shards = new ShardStates(Metrics.none().registry());
    shards.expect(List.of(0));
    try (Health health = new Health(shards, () -> true, Duration.ofSeconds(1));
        OpsServer server = OpsServer.start("127.0.0.1", 0, Metrics.none(), health)) {
      String url = "http://127.0.0.1:" + server.port() + "/health/ready";
      assertThat(run(Main.commandLine(), "health", "--url", url)).isEqualTo(1);
      assertThat(err.toString()).contains("unhealthy: HTTP 503").contains("\"0\":\"UNKNOWN\"");

      shards.update(0, ShardStates.CONNECTED);
      assertThat(run(Main.commandLine(), "health", "--url", url)).isZero();
      assertThat(out.toString()).contains("healthy: {\"status\":\"UP\"");
    }
    assertThat(run(Main.commandLine(), "health", "--url", "http://127.0.0.1:1/health/ready"))
        .isEqualTo(1);
    assertThat(err.toString()).contains("nothing answers at http://127.0.0.1:1/health/ready");
  }
}
