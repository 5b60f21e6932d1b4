package dev.takebot.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;

/**
 * Group commit: threads that write at the same time share one transaction and one commit.
 *
 * <p>Each caller queues its work and tries the writer lock. Whoever holds the lock drains the
 * queue, runs every queued piece of work in one transaction, commits once and hands each caller its
 * result; the others park until their work is done, or until the lock is free and they lead the
 * next batch. Nobody learns of success before the commit, so "returned" still means "durable"; a
 * lone writer pays nothing extra, concurrent writers share the cost of a commit (on a disk, the
 * flush).
 *
 * <p>One piece of work failing must not undo the others: on SQLite each runs under its own
 * savepoint (cheap, in-process). On PostgreSQL a savepoint costs two round trips, so a batch first
 * runs without; if a piece of work fails, the batch is rolled back and run again with savepoints,
 * and only the failed work hears of its failure. A batch that lost a deadlock or serialisation race
 * against another process is rolled back and run again as a whole (work on PostgreSQL must be safe
 * to repeat, as it always was); after the last attempt, or when the commit itself fails, every
 * caller of the batch gets the failure and nothing of the batch is stored.
 *
 * <p>Work may defer writes to the end of the transaction ({@link Statements#deferred}); without
 * savepoints a batch writes them once for all its callers (one update of a discussion's counts for
 * all the takes of the batch instead of one per take), with savepoints each caller writes its own.
 */
final class GroupCommit implements AutoCloseable {
  private static final int MAX_BATCH = 256;

  private final Transactions transactions;
  private final int maxAttempts;
  private final ReentrantLock lock = new ReentrantLock();
  private final ConcurrentLinkedQueue<Pending<?>> queue = new ConcurrentLinkedQueue<>();

  private GroupCommit(Transactions transactions, int maxAttempts) {
    this.transactions = transactions;
    this.maxAttempts = maxAttempts;
  }

  /**
   * SQLite's single writer. The connection stays in autocommit between batches, so no lock is held
   * while idle (another process may write, migrate or checkpoint); each batch runs {@code BEGIN
   * IMMEDIATE} … {@code COMMIT} itself, with prepared statements kept for the store's life.
   */
  static GroupCommit sqlite(Connection writer) {
    return new GroupCommit(new SqliteTransactions(writer), 1);
  }

  /**
   * PostgreSQL: each batch borrows a connection (autocommit off) from {@code pool}, so a broken
   * connection is replaced by the pool instead of failing every later write.
   */
  static GroupCommit pooled(DataSource pool, int maxAttempts) {
    return new GroupCommit(new PooledTransactions(pool), maxAttempts);
  }

  /**
   * Queues {@code work}, then either leads batches (whoever gets the lock) or parks until its batch
   * is done. A caller whose work a leader committed returns at once, without taking the lock: were
   * it to queue for the lock instead, it would wait behind the next leader's whole batch before
   * even learning it is done, and could not bring its next write to that batch.
   */
  <T> T write(SqlWork.Write<T> work) {
    Pending<T> mine = new Pending<>(work, Thread.currentThread());
    queue.add(mine);
    boolean interrupted = false;
    while (!mine.done) {
      if (lock.tryLock()) {
        try {
          while (!mine.done) {
            runBatch();
          }
        } finally {
          lock.unlock();
          // Whoever still waits for a batch leads the next one.
          Pending<?> next = queue.peek();
          if (next != null) {
            LockSupport.unpark(next.caller);
          }
        }
      } else {
        // Woken when its batch is done or the leader let go of the lock; spurious wake-ups loop.
        LockSupport.park(this);
        // Like waiting for a lock, not interruptible (the work may be committed meanwhile); the
        // interrupt is kept for the caller, and cleared here so that parking does not spin.
        interrupted |= Thread.interrupted();
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    return mine.result();
  }

  /** Callers whose work waits for the next batch; lets tests line up a batch. */
  int waiting() {
    return queue.size();
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
      for (int attempt = 1; ; attempt++) {
        try {
          boolean savepoints = transactions.savepointsUpFront() && batch.size() > 1;
          if (!runTransaction(batch, savepoints)) {
            runTransaction(batch, true);
          }
          break;
        } catch (SQLException e) {
          if (attempt < maxAttempts && isTransient(e)) {
            continue;
          }
          throw e;
        }
      }
    } catch (Throwable e) {
      // BEGIN, a savepoint, the commit or the connection failed: nothing in this batch is stored.
      failed = e;
    } finally {
      for (Pending<?> each : batch) {
        if (failed != null) {
          each.failure = failed;
        }
        each.done = true;
        if (each.caller != Thread.currentThread()) {
          LockSupport.unpark(each.caller);
        }
      }
    }
    if (failed instanceof Error error) {
      throw error;
    }
  }

  /**
   * One transaction for the batch; rolled back on any exception.
   *
   * @return false when, without savepoints, a piece of work failed and the batch was rolled back so
   *     it can run again with them
   */
  private boolean runTransaction(List<Pending<?>> batch, boolean savepoints) throws SQLException {
    for (Pending<?> each : batch) {
      each.reset();
    }
    Statements st = transactions.begin();
    Throwable failure = null;
    try {
      st.discardDeferred();
      if (batch.size() == 1) {
        Pending<?> only = batch.get(0);
        only.run(st, true);
        throwIfTransient(only);
        if (only.failure == null) {
          transactions.commit();
        } else {
          transactions.rollback();
        }
        return true;
      }
      for (Pending<?> each : batch) {
        if (savepoints) {
          exec(st, "SAVEPOINT item");
        }
        // With savepoints each caller's deferred writes go in its own savepoint, so a failure
        // there is that caller's alone; without, they are written once for the whole batch.
        each.run(st, savepoints);
        throwIfTransient(each);
        if (each.failure != null) {
          if (!savepoints) {
            transactions.rollback();
            return false;
          }
          exec(st, "ROLLBACK TO SAVEPOINT item");
        }
        if (savepoints) {
          exec(st, "RELEASE SAVEPOINT item");
        }
      }
      if (!savepoints && !flushDeferred(st)) {
        transactions.rollback();
        return false;
      }
      transactions.commit();
      return true;
    } catch (SQLException | RuntimeException | Error e) {
      failure = e;
      st.discardDeferred();
      try {
        transactions.rollback();
      } catch (SQLException r) {
        // No transaction left to roll back; the failure above is what the callers hear about.
        e.addSuppressed(r);
      }
      throw e;
    } finally {
      try {
        transactions.end();
      } catch (SQLException e) {
        if (failure == null) {
          throw e;
        }
        failure.addSuppressed(e);
      }
    }
  }

  /**
   * The batch's deferred writes, once for all its callers.
   *
   * @return false when they failed for a reason other than a lost race: the batch runs again with
   *     savepoints, each caller's deferred writes in its own, to find whose they were
   */
  private boolean flushDeferred(Statements st) throws SQLException {
    try {
      st.flushDeferred();
      return true;
    } catch (SQLException e) {
      if (maxAttempts > 1 && isTransient(e)) {
        throw e;
      }
      return false;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** A lost race fails the whole batch, which then runs again, rather than only that caller. */
  private void throwIfTransient(Pending<?> p) throws SQLException {
    if (maxAttempts > 1 && p.failure instanceof SQLException e && isTransient(e)) {
      throw e;
    }
  }

  /** Deadlock or serialisation failure: another process won the race, the work may be retried. */
  static boolean isTransient(SQLException e) {
    String state = e.getSQLState();
    return "40001".equals(state) || "40P01".equals(state);
  }

  private static void exec(Statements st, String sql) throws SQLException {
    st.get(sql).execute();
  }

  @Override
  public void close() throws SQLException {
    lock.lock();
    try {
      transactions.close();
    } finally {
      lock.unlock();
    }
  }

  /** How one engine starts and ends a batch's transaction. Used under the lock only. */
  private interface Transactions extends AutoCloseable {
    /** Starts a transaction; the statements serve until {@link #end}. */
    Statements begin() throws SQLException;

    void commit() throws SQLException;

    void rollback() throws SQLException;

    /** After commit or rollback. */
    void end() throws SQLException;

    /**
     * Whether every batch runs each piece of work under a savepoint; otherwise only a batch in
     * which one failed runs again with them (where a savepoint costs round trips).
     */
    boolean savepointsUpFront();

    @Override
    void close() throws SQLException;
  }

  private static final class SqliteTransactions implements Transactions {
    private final Connection writer;
    private final Statements statements;

    SqliteTransactions(Connection writer) {
      this.writer = writer;
      this.statements = new Statements(writer);
    }

    @Override
    public Statements begin() throws SQLException {
      exec(statements, "BEGIN IMMEDIATE");
      return statements;
    }

    @Override
    public void commit() throws SQLException {
      exec(statements, "COMMIT");
    }

    @Override
    public void rollback() throws SQLException {
      exec(statements, "ROLLBACK");
    }

    @Override
    public void end() {}

    @Override
    public boolean savepointsUpFront() {
      return true;
    }

    @Override
    public void close() throws SQLException {
      statements.close();
      writer.close();
    }
  }

  private static final class PooledTransactions implements Transactions {
    private final DataSource pool;
    private Connection connection;
    private Statements statements;

    PooledTransactions(DataSource pool) {
      this.pool = pool;
    }

    @Override
    public Statements begin() throws SQLException {
      connection = pool.getConnection();
      statements = new Statements(connection);
      return statements;
    }

    @Override
    public void commit() throws SQLException {
      connection.commit();
    }

    @Override
    public void rollback() throws SQLException {
      connection.rollback();
    }

    @Override
    public void end() throws SQLException {
      try (Connection c = connection;
          Statements s = statements) {
        connection = null;
        statements = null;
      }
    }

    @Override
    public boolean savepointsUpFront() {
      return false;
    }

    /** The pool belongs to the {@link Database}. */
    @Override
    public void close() {}
  }

  /**
   * One caller's work and, once its batch committed or failed, its outcome. Written under the lock;
   * the caller reads the outcome after seeing {@link #done}, which publishes it.
   */
  private static final class Pending<T> {
    private final SqlWork.Write<T> work;
    private final Thread caller;
    private T value;
    private Throwable failure;
    private volatile boolean done;

    Pending(SqlWork.Write<T> work, Thread caller) {
      this.work = work;
      this.caller = caller;
    }

    void reset() {
      value = null;
      failure = null;
    }

    /**
     * @param flush whether this caller's deferred writes are written now, as part of its work
     */
    void run(Statements st, boolean flush) {
      try {
        value = work.run(st);
        if (flush) {
          st.flushDeferred();
        }
      } catch (SQLException | RuntimeException e) {
        failure = e;
        st.discardDeferred();
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
