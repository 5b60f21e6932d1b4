package dev.takebot.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies SQLite's write-ahead log back into the database file from a background thread.
 *
 * <p>Left to itself SQLite checkpoints inside whichever commit crosses the threshold, so one take in a
 * few hundred would wait for two fsyncs and megabytes of copying. A PASSIVE checkpoint from another
 * connection runs alongside the writer instead; the writer's own auto-checkpoint stays only as a
 * backstop should this thread fall far behind.
 */
final class Checkpointer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Checkpointer.class);

  private final Connection connection;
  private final ScheduledExecutorService executor;

  Checkpointer(Connection connection, long periodMillis) {
    this.connection = connection;
    this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "takebot-sqlite-checkpoint");
      t.setDaemon(true);
      return t;
    });
    executor.scheduleWithFixedDelay(this::checkpoint, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
  }

  private void checkpoint() {
    try (Statement s = connection.createStatement()) {
      s.execute("PRAGMA wal_checkpoint(PASSIVE)");
    } catch (SQLException e) {
      // Busy or interrupted: the next run (or the writer's backstop) catches up.
      LOG.debug("WAL checkpoint skipped: {}", e.getMessage());
    }
  }

  @Override
  public void close() {
    executor.shutdown();
    try {
      if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
    try {
      connection.close();
    } catch (SQLException e) {
      LOG.warn("could not close the checkpoint connection: {}", e.getMessage());
    }
  }
}
