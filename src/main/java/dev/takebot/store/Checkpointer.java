package dev.takebot.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies SQLite's write-ahead log back into the database file from a background thread.
 *
 * <p>Left to itself SQLite checkpoints inside whichever commit crosses the threshold, so one take
 * in a few hundred would wait for two fsyncs and megabytes of copying. A PASSIVE checkpoint from
 * another connection runs alongside the writer instead; the writer's own auto-checkpoint stays only
 * as a backstop should this thread fall far behind.
 *
 * <p>A PASSIVE checkpoint copies pages but never shrinks the log, so the text of a deleted take
 * would stay in old frames of the {@code -wal} file. After a deletion that must really remove text
 * ({@code /takes forget}, purges) the store asks for {@link #truncate()}: a TRUNCATE checkpoint
 * copies everything back (where {@code secure_delete} has already zeroed the deleted cells) and
 * cuts the log to zero bytes. If a long read keeps it from finishing, every later run tries
 * TRUNCATE again until one succeeds.
 */
final class Checkpointer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Checkpointer.class);

  private final Connection connection;
  private final ScheduledExecutorService executor;
  private final AtomicBoolean truncatePending = new AtomicBoolean();

  Checkpointer(Connection connection, long periodMillis) {
    this.connection = connection;
    this.executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "takebot-sqlite-checkpoint");
              t.setDaemon(true);
              return t;
            });
    executor.scheduleWithFixedDelay(
        () -> checkpoint(), periodMillis, periodMillis, TimeUnit.MILLISECONDS);
  }

  /**
   * Checkpoints everything and truncates the log, on this class's own thread (so never alongside a
   * periodic run on the same connection); waits up to {@code waitMillis} for it.
   *
   * @return true when the log is now empty; false when it is still pending (later runs retry)
   */
  boolean truncate(long waitMillis) {
    truncatePending.set(true);
    try {
      return executor.submit(this::checkpoint).get(waitMillis, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException | ExecutionException | TimeoutException e) {
      LOG.warn(
          "WAL truncation not confirmed yet ({}); the checkpoint thread keeps trying",
          e.toString());
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * @return true when the checkpoint completed (not blocked by a reader or writer)
   */
  private boolean checkpoint() {
    boolean truncate = truncatePending.getAndSet(false);
    try (Statement s = connection.createStatement();
        ResultSet rs =
            s.executeQuery("PRAGMA wal_checkpoint(" + (truncate ? "TRUNCATE" : "PASSIVE") + ")")) {
      // One row: busy (1 when a reader or writer kept it from completing), log frames, frames
      // copied.
      boolean completed = rs.next() && rs.getInt(1) == 0;
      if (truncate && !completed) {
        truncatePending.set(true);
      }
      return completed;
    } catch (SQLException e) {
      if (truncate) {
        truncatePending.set(true);
      }
      // Busy or interrupted: the next run (or the writer's backstop) catches up.
      LOG.debug("WAL checkpoint skipped: {}", e.getMessage());
      return false;
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
