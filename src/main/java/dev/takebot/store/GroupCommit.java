package dev.takebot.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * SQLite's single writer with group commit: threads that write at the same time share one commit.
 *
 * <p>The connection stays in SQLite's autocommit state between batches, so no lock is held while
 * idle (another process may write, migrate or checkpoint); each batch runs {@code BEGIN IMMEDIATE}
 * … {@code COMMIT} itself, with prepared statements. Each caller queues its work and takes the
 * writer lock. Whoever holds the lock drains the queue, runs every queued piece of work under its
 * own savepoint (one failing rolls back only itself), commits once and hands each caller its
 * result. A caller that finds its work already done by an earlier lock holder just returns. Nobody
 * learns of success before the commit, so "returned" still means "durable"; a lone writer pays
 * nothing extra, concurrent writers share the cost of a commit.
 */
final class GroupCommit implements AutoCloseable {
  private static final int MAX_BATCH = 256;

  private final Connection writer;
  private final Statements statements;
  private final ReentrantLock lock = new ReentrantLock();
  private final ConcurrentLinkedQueue<Pending<?>> queue = new ConcurrentLinkedQueue<>();

  GroupCommit(Connection writer) {
    this.writer = writer;
    this.statements = new Statements(writer);
  }

  <T> T write(SqlWork.Write<T> work) {
    Pending<T> mine = new Pending<>(work);
    queue.add(mine);
    lock.lock();
    try {
      while (!mine.done) {
        runBatch();
      }
    } finally {
      lock.unlock();
    }
    return mine.result();
  }

  /** Runs under the lock: one transaction for everything queued so far. */
  private void runBatch() {
    List<Pending<?>> batch = new ArrayList<>();
    Pending<?> p;
    while (batch.size() < MAX_BATCH && (p = queue.poll()) != null) {
      batch.add(p);
    }
    if (batch.isEmpty()) {
      return;
    }
    Throwable failed = null;
    try {
      exec("BEGIN IMMEDIATE");
      if (batch.size() == 1) {
        Pending<?> only = batch.get(0);
        only.run(statements);
        exec(only.failure == null ? "COMMIT" : "ROLLBACK");
      } else {
        for (Pending<?> each : batch) {
          exec("SAVEPOINT item");
          each.run(statements);
          if (each.failure != null) {
            exec("ROLLBACK TO item");
          }
          exec("RELEASE item");
        }
        exec("COMMIT");
      }
    } catch (Throwable e) {
      // BEGIN, a savepoint or the commit itself failed: nothing in this batch is stored.
      failed = e;
      try {
        exec("ROLLBACK");
      } catch (SQLException r) {
        // No transaction left to roll back; the failure above is what the callers hear about.
        e.addSuppressed(r);
      }
    } finally {
      for (Pending<?> each : batch) {
        if (failed != null) {
          each.failure = failed;
        }
        each.done = true;
      }
    }
    if (failed instanceof Error error) {
      throw error;
    }
  }

  private void exec(String sql) throws SQLException {
    statements.get(sql).execute();
  }

  @Override
  public void close() throws SQLException {
    lock.lock();
    try {
      statements.close();
      writer.close();
    } finally {
      lock.unlock();
    }
  }

  /**
   * One caller's work and, once its batch committed or failed, its outcome. Guarded by the lock.
   */
  private static final class Pending<T> {
    private final SqlWork.Write<T> work;
    private T value;
    private Throwable failure;
    private boolean done;

    Pending(SqlWork.Write<T> work) {
      this.work = work;
    }

    void run(Statements st) {
      try {
        value = work.run(st);
      } catch (SQLException | RuntimeException e) {
        failure = e;
      }
    }

    T result() {
      if (failure instanceof RuntimeException r) {
        throw r;
      }
      if (failure instanceof Error e) {
        throw e;
      }
      if (failure != null) {
        throw new StoreException("database write failed: " + failure.getMessage(), failure);
      }
      return value;
    }
  }
}
