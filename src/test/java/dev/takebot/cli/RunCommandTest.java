package dev.takebot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takebot.sandbox.DiscordSandbox;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@DisplayName("takebot run")
class RunCommandTest {

  private static int run(Map<String, String> env, Path config, StringWriter err) {
    CommandLine cli = new CommandLine(new RunCommand(env));
    cli.setErr(new PrintWriter(err));
    return cli.execute("--config", config.toString());
  }

  @Test
  @DisplayName("without DISCORD_TOKEN: one clear line, exit 2")
  void missingToken() {
    StringWriter err = new StringWriter();

    int rc = run(Map.of(), Path.of("config", "takebot.yaml"), err);

    assertThat(rc).isEqualTo(2);
    assertThat(err.toString().strip())
        .startsWith("error: DISCORD_TOKEN is not set")
        .doesNotContain("\n");
  }

  @Test
  @DisplayName("with a token Discord rejects: one clear line, exit 2, the token never printed")
  void rejectedToken(@TempDir Path dir) throws Exception {
    try (DiscordSandbox sandbox = DiscordSandbox.start()) {
      Path config = dir.resolve("takebot.yaml");
      Files.writeString(
          config,
          "discord:\n  restUrl: "
              + sandbox.restUrl()
              + "\n  gatewayUrl: "
              + sandbox.gatewayUrl()
              + "\nstorage:\n  jdbcUrl: jdbc:sqlite:"
              + dir.resolve("t.db")
              + "\n");
      StringWriter err = new StringWriter();

      int rc = run(Map.of("DISCORD_TOKEN", "not-the-token-123"), config, err);

      assertThat(rc).isEqualTo(2);
      assertThat(err.toString().strip())
          .startsWith("error: Discord rejected the token")
          .doesNotContain("not-the-token-123")
          .doesNotContain("\n");
    }
  }
}
