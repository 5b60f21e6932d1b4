package dev.takebot.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Touches a file while the bot is connected, so that {@code takebot health} (the container's
 * HEALTHCHECK) can tell a live bot from a hung one without a port or the token.
 */
final class HealthBeacon implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(HealthBeacon.class);
  static final long PERIOD_SECONDS = 30;

  private final ScheduledExecutorService timer;

  private HealthBeacon(ScheduledExecutorService timer) {
    this.timer = timer;
  }

  static HealthBeacon start(Path file, BooleanSupplier connected) {
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "takebot-health");
      t.setDaemon(true);
      return t;
    });
    timer.scheduleAtFixedRate(() -> beat(file, connected), 0, PERIOD_SECONDS, TimeUnit.SECONDS);
    return new HealthBeacon(timer);
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

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
