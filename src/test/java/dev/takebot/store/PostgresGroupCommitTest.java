package dev.takebot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Group commit on PostgreSQL when a whole batch fails: every caller hears of it, or all retry. */
@DisplayName("PostgreSQL group commit, failed batches")
class PostgresGroupCommitTest {
  private static final int CALLERS = 4;

  private static EmbeddedPostgres postgres;
  private HikariDataSource pool;

  /** Commits still to fail, and with which SQL state. */
  private final AtomicInteger commitsToFail = new AtomicInteger();

  private volatile String failState;

  /** Set by the gate's work: its own commit, next, still passes. */
  private volatile boolean gateCommitting;

  @BeforeAll
  static void startPostgres() throws Exception {
    postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "off").start();
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    postgres.close();
  }

  @BeforeEach
  void createTable() throws SQLException {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
    config.setAutoCommit(false);
    config.setMaximumPoolSize(2);
    pool = new HikariDataSource(config);
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS items");
      s.execute("CREATE TABLE items (id INT PRIMARY KEY)");
      c.commit();
    }
  }

  @AfterEach
  void closePool() {
    pool.close();
  }

  @Test
  @DisplayName("a batch whose commit fails fails every caller in it, and stores nothing")
  void failedCommitFailsEveryCaller() throws Exception {
    commitsToFail.set(1);
    failState = "08006"; // connection failure: not worth repeating
    List<Future<Integer>> calls = lineUpOneBatch(GroupCommit.pooled(failingCommits(), 3));

    for (Future<Integer> call : calls) {
      assertThatThrownBy(() -> call.get(1, TimeUnit.MINUTES))
          .hasCauseInstanceOf(StoreException.class)
          .hasMessageContaining("commit refused by the test");
    }
    assertThat(storedIds()).isEmpty();
  }

  @Test
  @DisplayName("a batch that lost a serialisation race runs again, and every caller succeeds once")
  void transientFailureRetriesTheBatch() throws Exception {
    commitsToFail.set(1);
    failState = "40001";
    List<Future<Integer>> calls = lineUpOneBatch(GroupCommit.pooled(failingCommits(), 3));

    for (int i = 0; i < CALLERS; i++) {
      assertThat(calls.get(i).get(1, TimeUnit.MINUTES)).isEqualTo(i);
    }
    assertThat(storedIds()).containsExactly(0, 1, 2, 3);
  }

  @Test
  @DisplayName("a batch that keeps losing races gives up after the last attempt, for every caller")
  void retriesAreBounded() throws Exception {
    commitsToFail.set(3);
    failState = "40P01";
    List<Future<Integer>> calls = lineUpOneBatch(GroupCommit.pooled(failingCommits(), 3));

    for (Future<Integer> call : calls) {
      assertThatThrownBy(() -> call.get(1, TimeUnit.MINUTES))
          .hasCauseInstanceOf(StoreException.class);
    }
    assertThat(storedIds()).isEmpty();
  }

  @Test
  @DisplayName(
      "a caller whose batch committed returns at once, though its leader's next write already holds"
          + " the writer lock with a batch that does not end")
  void committedCallerDoesNotWaitForTheNextBatch() throws Exception {
    GroupCommit commits = GroupCommit.pooled(pool, 3);
    ExecutorService threads = Executors.newFixedThreadPool(3);
    CountDownLatch nextBatchMayEnd = new CountDownLatch(1);
    try {
      // The first leader holds its batch until G and A are queued, so they share the next one.
      CountDownLatch firstRunning = new CountDownLatch(1);
      Future<Integer> first =
          threads.submit(
              () ->
                  commits.write(
                      st -> {
                        firstRunning.countDown();
                        spinUntil(() -> commits.waiting() == 2);
                        return 0;
                      }));
      assertThat(firstRunning.await(1, TimeUnit.MINUTES)).isTrue();
      // G writes again as soon as its first write returns, and that batch does not end: were A
      // to need the lock to learn that its write is done, it would wait for that batch.
      Future<Integer> g =
          threads.submit(
              () -> {
                commits.write(insert(1));
                return commits.write(
                    st -> {
                      try {
                        nextBatchMayEnd.await(1, TimeUnit.MINUTES);
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                      }
                      return 3;
                    });
              });
      spinUntil(() -> commits.waiting() == 1);
      Future<Integer> a = threads.submit(() -> commits.write(insert(2)));

      assertThat(a.get(10, TimeUnit.SECONDS)).isEqualTo(2);
      assertThat(g.isDone()).as("G's second batch is still running").isFalse();
      nextBatchMayEnd.countDown();
      assertThat(g.get(1, TimeUnit.MINUTES)).isEqualTo(3);
      assertThat(first.get(1, TimeUnit.MINUTES)).isZero();
      assertThat(storedIds()).containsExactly(1, 2);
    } finally {
      nextBatchMayEnd.countDown();
      threads.shutdownNow();
    }
  }

  private static SqlWork.Write<Integer> insert(int id) {
    return st -> {
      var ps = st.get("INSERT INTO items (id) VALUES (?)");
      ps.setInt(1, id);
      ps.executeUpdate();
      return id;
    };
  }

  private static void spinUntil(java.util.function.BooleanSupplier condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
  }

  /**
   * Caller 0's work waits until callers 1..3 are queued, so they all run in the next batch; each
   * inserts its own id. Caller 0 runs alone first and is not part of the failure.
   */
  private List<Future<Integer>> lineUpOneBatch(GroupCommit commits) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(CALLERS + 1);
    try {
      int saved = commitsToFail.getAndSet(0);
      CountDownLatch gateRunning = new CountDownLatch(1);
      Future<Integer> gate =
          threads.submit(
              () ->
                  commits.write(
                      st -> {
                        gateRunning.countDown();
                        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                        while (commits.waiting() < CALLERS && System.nanoTime() < deadline) {
                          Thread.onSpinWait();
                        }
                        gateCommitting = true;
                        commitsToFail.set(saved);
                        return -1;
                      }));
      // The others are submitted only once the gate's work runs, so none can join the gate's own
      // batch
      // (on a loaded machine they could reach the queue before the gate's batch had started).
      assertThat(gateRunning.await(1, TimeUnit.MINUTES)).as("the gate's work started").isTrue();
      List<Future<Integer>> calls = new ArrayList<>();
      for (int i = 0; i < CALLERS; i++) {
        int id = i;
        calls.add(
            threads.submit(
                () ->
                    commits.write(
                        st -> {
                          var ps = st.get("INSERT INTO items (id) VALUES (?)");
                          ps.setInt(1, id);
                          ps.executeUpdate();
                          return id;
                        })));
      }
      assertThat(gate.get(1, TimeUnit.MINUTES)).isEqualTo(-1);
      for (Future<Integer> call : calls) {
        try {
          call.get(1, TimeUnit.MINUTES);
        } catch (java.util.concurrent.ExecutionException expected) {
          // Asserted by the test.
        }
      }
      assertThat(commitsToFail.get()).as("every planned commit failure happened").isZero();
      return calls;
    } finally {
      threads.shutdownNow();
    }
  }

  private List<Integer> storedIds() throws SQLException {
    List<Integer> ids = new ArrayList<>();
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT id FROM items ORDER BY id")) {
      while (rs.next()) {
        ids.add(rs.getInt(1));
      }
      c.commit();
    }
    return ids;
  }

  /** The pool, with connections whose commit fails (and rolls back) while failures are planned. */
  private DataSource failingCommits() {
    return new DataSource() {
      @Override
      public Connection getConnection() throws SQLException {
        Connection real = pool.getConnection();
        return (Connection)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("commit") && gateCommitting) {
                    gateCommitting = false;
                  } else if (method.getName().equals("commit")
                      && commitsToFail.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    real.rollback();
                    throw new SQLException("commit refused by the test", failState);
                  }
                  try {
                    return method.invoke(real, args);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
                });
      }

      @Override
      public Connection getConnection(String user, String password) {
        throw new UnsupportedOperationException();
      }

      @Override
      public PrintWriter getLogWriter() {
        return null;
      }

      @Override
      public void setLogWriter(PrintWriter out) {}

      @Override
      public void setLoginTimeout(int seconds) {}

      @Override
      public int getLoginTimeout() {
        return 0;
      }

      @Override
      public Logger getParentLogger() {
        return Logger.getGlobal();
      }

      @Override
      public <T> T unwrap(Class<T> iface) {
        throw new UnsupportedOperationException();
      }

      @Override
      public boolean isWrapperFor(Class<?> iface) {
        return false;
      }
    };
  }
}
