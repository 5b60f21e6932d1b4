package dev.takebot.cli;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code takebot health}: exit 0 when the running bot's heartbeat file is fresh. The bot rewrites
 * the file while its gateway connection is up, so a container health check needs no port and no
 * token.
 */
@Command(
    name = "health",
    mixinStandardHelpOptions = true,
    description =
        "Exit 0 if the running bot reported a live gateway connection recently (for health checks).")
final class HealthCommand implements Callable<Integer> {
  private final Clock clock;

  @Spec CommandSpec spec;

  @Option(
      names = "--file",
      defaultValue = "data/health",
      description = "Heartbeat file the bot writes (default: ${DEFAULT-VALUE}).")
  Path file;

  @Option(
      names = "--max-age",
      defaultValue = "120",
      description =
          "Seconds after which the heartbeat counts as stale (default: ${DEFAULT-VALUE}).")
  long maxAgeSeconds;

  HealthCommand() {
    this(Clock.systemUTC());
  }

  HealthCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() throws Exception {
    Instant beat;
    try {
      beat = Files.getLastModifiedTime(file).toInstant();
    } catch (NoSuchFileException e) {
      spec.commandLine()
          .getErr()
          .println("unhealthy: no heartbeat file at " + file + " (is the bot running?)");
      return 1;
    }
    Duration age = Duration.between(beat, clock.instant());
    if (age.toSeconds() > maxAgeSeconds) {
      spec.commandLine()
          .getErr()
          .println("unhealthy: last gateway heartbeat " + age.toSeconds() + " s ago");
      return 1;
    }
    spec.commandLine()
        .getOut()
        .println("healthy: last gateway heartbeat " + Math.max(0, age.toSeconds()) + " s ago");
    return 0;
  }
}
