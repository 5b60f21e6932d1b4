package dev.takebot.store;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;

/**
 * The store's only door to JDBC: runs work in a read or write transaction, commits, rolls back on
 * failure, and turns every {@link SQLException} into one unchecked {@link StoreException}.
 *
 * <p>SQLite allows one writer at a time, so writes go through one dedicated connection with group
 * commit ({@link GroupCommit}); that avoids {@code SQLITE_BUSY} retries, keeps prepared statements
 * and the page cache warm, and lets concurrent writers share a commit. Reads use a small pool and,
 * in WAL mode, never wait for the writer. PostgreSQL uses one pool for both and retries a write
 * that lost a deadlock or serialisation race against another bot process; its small, frequent
 * writes (live takes) share commits through group commit as well ({@link #writeShared}), while
 * longer work keeps a transaction of its own so it never holds up ingest.
 */
final class Database implements AutoCloseable {
  private static final int MAX_ATTEMPTS = 3;

  /** Longer than the busy timeout (10 s) a TRUNCATE checkpoint may spend waiting for readers. */
  private static final long SCRUB_WAIT_MILLIS = 30_000;

  private final Dialect dialect;
  private final HikariDataSource readPool;
  private final GroupCommit groupCommit;
  private final HikariDataSource writePool;
  private final Checkpointer checkpointer;
  private final SqliteProbe probe;

  /** Query time, once {@link #bindMetrics} was called; recording nothing before. */
  private volatile Timer readTime;

  private volatile Timer writeTime;

  /**
   * SQLite: one writer connection, a pool of readers, a background WAL checkpointer, and a probe of
   * the file for readiness.
   */
  static Database sqlite(
      Connection writer, HikariDataSource readPool, Checkpointer checkpointer, SqliteProbe probe) {
    return new Database(
        Dialect.SQLITE, readPool, GroupCommit.sqlite(writer), null, checkpointer, probe);
  }

  /** PostgreSQL: one pool for reads and writes; group commit borrows from it per batch. */
  static Database postgres(HikariDataSource pool) {
    return new Database(
        Dialect.POSTGRESQL, pool, GroupCommit.pooled(pool, MAX_ATTEMPTS), pool, null, null);
  }

  private Database(
      Dialect dialect,
      HikariDataSource readPool,
      GroupCommit groupCommit,
      HikariDataSource writePool,
      Checkpointer checkpointer,
      SqliteProbe probe) {
    this.dialect = dialect;
    this.probe = probe;
    this.checkpointer = checkpointer;
    this.readPool = readPool;
    this.groupCommit = groupCommit;
    this.writePool = writePool;
  }

  Dialect dialect() {
    return dialect;
  }

  /** The writers' shared commits; lets tests line up a batch. */
  GroupCommit groupCommit() {
    return groupCommit;
  }

  /**
   * After deleting text that must be gone from disk, not only from queries: on SQLite, checkpoints
   * and truncates the write-ahead log (old frames still hold the deleted rows; {@code
   * secure_delete} already zeroes them in the database file). Nothing to do on PostgreSQL, whose
   * storage the server manages.
   *
   * @return false when SQLite could not finish within the wait (its checkpoint thread keeps
   *     retrying)
   */
  boolean scrubDeletedText() {
    return checkpointer == null || checkpointer.truncate(SCRUB_WAIT_MILLIS);
  }

  /**
   * Runs read-only work in one transaction (one consistent snapshot; lets PostgreSQL use a cursor).
   */
  <T> T read(SqlWork<T> work) {
    long start = System.nanoTime();
    try {
      return readNow(work);
    } finally {
      record(readTime, start);
    }
  }

  private <T> T readNow(SqlWork<T> work) {
    try (Connection c = readPool.getConnection()) {
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        rollbackQuietly(c, e);
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException("database read failed: " + e.getMessage(), e);
    }
  }

  /**
   * Runs short work that many threads do at once in a transaction it may share with theirs (group
   * commit on both engines); durable once this returns, and on PostgreSQL safe to repeat.
   */
  <T> T writeShared(SqlWork.Write<T> work) {
    long start = System.nanoTime();
    try {
      return groupCommit.write(work);
    } finally {
      record(writeTime, start);
    }
  }

  /** Runs work in one write transaction; it is durable once this returns. */
  <T> T write(SqlWork.Write<T> work) {
    long start = System.nanoTime();
    try {
      return writeNow(work);
    } finally {
      record(writeTime, start);
    }
  }

  private <T> T writeNow(SqlWork.Write<T> work) {
    if (writePool == null) {
      return groupCommit.write(work);
    }
    for (int attempt = 1; ; attempt++) {
      try (Connection c = writePool.getConnection();
          Statements st = new Statements(c)) {
        return inTransaction(
            c,
            x -> {
              T result = work.run(st);
              st.flushDeferred();
              return result;
            });
      } catch (SQLException e) {
        if (attempt < MAX_ATTEMPTS && GroupCommit.isTransient(e)) {
          continue;
        }
        throw new StoreException("database write failed: " + e.getMessage(), e);
      }
    }
  }

  private static <T> T inTransaction(Connection c, SqlWork<T> work) throws SQLException {
    try {
      T result = work.run(c);
      c.commit();
      return result;
    } catch (SQLException | RuntimeException e) {
      rollbackQuietly(c, e);
      throw e;
    }
  }

  private static void rollbackQuietly(Connection c, Exception cause) {
    try {
      c.rollback();
    } catch (SQLException r) {
      cause.addSuppressed(r);
    }
  }

  /**
   * Reports the pools' usage (Hikari's own meters, {@code hikaricp_connections_*}) and the time of
   * reads and writes ({@code takebot_db_query_seconds}) to {@code registry}. Once only.
   */
  void bindMetrics(MeterRegistry registry) {
    MicrometerMetricsTrackerFactory pools = new MicrometerMetricsTrackerFactory(registry);
    readPool.setMetricsTrackerFactory(pools);
    if (writePool != null && writePool != readPool) {
      writePool.setMetricsTrackerFactory(pools);
    }
    readTime = queryTimer(registry, "read");
    writeTime = queryTimer(registry, "write");
  }

  private static Timer queryTimer(MeterRegistry registry, String kind) {
    return Timer.builder("takebot.db.query")
        .description("Time of database transactions, waiting for a connection included")
        .tag("kind", kind)
        .publishPercentileHistogram()
        .minimumExpectedValue(java.time.Duration.ofNanos(100_000))
        .maximumExpectedValue(java.time.Duration.ofSeconds(30))
        .register(registry);
  }

  private static void record(Timer timer, long startNanos) {
    if (timer != null) {
      timer.record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
    }
  }

  /**
   * Whether the database answers now. PostgreSQL: a connection from the pool that validates within
   * 2 s. SQLite: see {@link SqliteProbe}.
   */
  boolean reachable() {
    if (probe != null) {
      return probe.reachable();
    }
    try (Connection c = readPool.getConnection()) {
      return c.isValid(2);
    } catch (SQLException | RuntimeException e) {
      return false;
    }
  }

  @Override
  public void close() {
    try {
      groupCommit.close();
    } catch (SQLException e) {
      throw new StoreException("could not close the database: " + e.getMessage(), e);
    } finally {
      if (checkpointer != null) {
        checkpointer.close();
      }
      readPool.close();
    }
  }

  /** The two engines; they differ only in row locking syntax and cursor set-up. */
  enum Dialect {
    SQLITE(""),
    POSTGRESQL(" FOR UPDATE");

    private final String forUpdate;

    Dialect(String forUpdate) {
      this.forUpdate = forUpdate;
    }

    /** Suffix that locks selected rows until commit (SQLite's single writer needs none). */
    String forUpdate() {
      return forUpdate;
    }
  }
}
