package dev.takebot.cli;

import dev.takebot.schedule.Scheduler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Touches a file while the bot is connected, so that {@code takebot health} (the container's
 * HEALTHCHECK) can tell a live bot from a hung one without a port or the token.
 */
final class HealthBeacon {
  private static final Logger log = LoggerFactory.getLogger(HealthBeacon.class);
  static final long PERIOD_SECONDS = 30;

  private HealthBeacon() {}

  /**
   * Beats now and every {@value #PERIOD_SECONDS} s as the scheduler's {@code health} routine; stops
   * with it.
   */
  static void register(Scheduler scheduler, Path file, BooleanSupplier connected) {
    scheduler
        .routine("health")
        .every(Duration.ZERO, Duration.ofSeconds(PERIOD_SECONDS), () -> beat(file, connected));
  }

  /** One beat: touch the file when connected. Never throws, so the schedule keeps running. */
  static void beat(Path file, BooleanSupplier connected) {
    try {
      if (!connected.getAsBoolean()) {
        return;
      }
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      if (Files.notExists(file)) {
        Files.writeString(file, "takebot heartbeat\n");
      }
      Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
    } catch (IOException | RuntimeException e) {
      log.warn("Could not write the health file {}: {}", file, e.toString());
    }
  }
}
