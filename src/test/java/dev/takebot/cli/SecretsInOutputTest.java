package dev.takebot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Regression: {@code takebot config} printed {@code storage.jdbcUrl} with its {@code password=…},
 * and a failing migration quoted the raw URL. Whatever the command line prints is pasted into bug
 * reports.
 */
@DisplayName("Credentials never reach the command line's output")
class SecretsInOutputTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @TempDir Path dir;

  /**
   * Runs like {@code Main.main}, with {@code run} reading {@code env} instead of the real
   * environment.
   */
  private int takebot(Map<String, String> env, String... args) {
    CommandLine cli =
        Main.commandLine(
            new CommandLine.IFactory() {
              @Override
              public <K> K create(Class<K> cls) throws Exception {
                return cls == RunCommand.class
                    ? cls.cast(new RunCommand(env))
                    : CommandLine.defaultFactory().create(cls);
              }
            });
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  private Path config(String yaml) throws Exception {
    return Files.writeString(dir.resolve("takebot.yaml"), yaml);
  }

  @Test
  @DisplayName(
      "config masks the database password, the SSL key password and URL userinfo, and keeps the rest")
  void configOutputIsRedacted() throws Exception {
    Path file =
        config(
            """
        discord:
          restUrl: https://bot:hunter1@proxy.example/api/v10/
          gatewayUrl: wss://gateway.example/?token=hunter2
        storage:
          jdbcUrl: jdbc:postgresql://db:5432/takebot?user=bot&password=hunter3&sslpassword=hunter4
          username: bot
          passwordEnv: TAKEBOT_DB_PASSWORD
        """);

    int rc = takebot(Map.of(), "config", "--config", file.toString());

    assertThat(rc).isEqualTo(0);
    assertThat(out.toString())
        .contains("jdbc:postgresql://db:5432/takebot?user=bot&password=***&sslpassword=***")
        .contains("https://bot:***@proxy.example/api/v10/")
        .contains("wss://gateway.example/?token=***")
        .contains("passwordEnv: \"TAKEBOT_DB_PASSWORD\"")
        .doesNotContain("hunter");
  }

  @Test
  @DisplayName(
      "a failing migration is one line naming the database, without the password in its URL")
  void migrationErrorIsRedacted() throws Exception {
    Path db =
        Files.write(
            dir.resolve("takes.db"),
            "this is not a SQLite database, not even close".repeat(100).getBytes());
    Path file = config("storage:\n  jdbcUrl: jdbc:sqlite:" + db + "?password=hunter2\n");

    int rc = takebot(Map.of("DISCORD_TOKEN", "any-token"), "run", "--config", file.toString());

    assertThat(rc).isEqualTo(1);
    assertThat(err.toString().strip())
        .startsWith("error: cannot migrate the schema of jdbc:sqlite:" + db + "?password=***: ")
        .doesNotContain("hunter2")
        .doesNotContain("\n");
  }

  @Test
  @DisplayName(
      "a failing connection is one line without the URL's userinfo password or the env password")
  void connectionErrorIsRedacted() throws Exception {
    Path file =
        config(
            """
        storage:
          jdbcUrl: jdbc:postgresql://bot:hunter2@127.0.0.1:1/takes?connectTimeout=2
          username: bot
          passwordEnv: DB_PW
        """);

    int rc =
        takebot(
            Map.of("DISCORD_TOKEN", "any-token", "DB_PW", "hunter3"),
            "run",
            "--config",
            file.toString());

    assertThat(rc).isEqualTo(1);
    assertThat(err.toString().strip())
        .startsWith("error: cannot connect to jdbc:postgresql://bot:***@127.0.0.1:1/takes")
        .doesNotContain("hunter")
        .doesNotContain("\n");
  }
}
