package dev.takebot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
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
  @DisplayName("health is ok for a fresh heartbeat and fails for a stale or missing one")
  void health(@TempDir Path dir) throws Exception {
    Path beat = dir.resolve("health");
    Instant now = Instant.parse("2026-01-01T12:00:00Z");
    Files.writeString(beat, "");
    Files.setLastModifiedTime(beat, FileTime.from(now.minusSeconds(30)));
    Clock clock = Clock.fixed(now, ZoneOffset.UTC);

    assertThat(run(new CommandLine(new HealthCommand(clock)), "--file", beat.toString())).isZero();
    Files.setLastModifiedTime(beat, FileTime.from(now.minusSeconds(600)));
    assertThat(run(new CommandLine(new HealthCommand(clock)), "--file", beat.toString()))
        .isEqualTo(1);
    assertThat(
            run(
                new CommandLine(new HealthCommand(clock)),
                "--file",
                dir.resolve("none").toString()))
        .isEqualTo(1);
    assertThat(err.toString()).contains("600 s ago").contains("no heartbeat file");
  }

  @Test
  @DisplayName("the beacon touches the health file only while connected")
  void beacon(@TempDir Path dir) throws Exception {
    Path beat = dir.resolve("data/health");
    HealthBeacon.beat(beat, () -> false);
    assertThat(beat).doesNotExist();
    HealthBeacon.beat(beat, () -> true);
    assertThat(beat).exists();
    assertThat(run(new CommandLine(new HealthCommand()), "--file", beat.toString())).isZero();
  }
}
