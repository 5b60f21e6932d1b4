package dev.takebot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.takebot.config.StorageSettings;
import dev.takebot.sentiment.Label;
import dev.takebot.takes.TakeStats;
import dev.takebot.testing.TestPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Take store on PostgreSQL (embedded)")
class PostgresTakeStoreTest extends TakeStoreContract {
  private static EmbeddedPostgres postgres;

  @BeforeAll
  static void startPostgres() throws Exception {
    // Durability of the server is not under test here; the SIGKILL test covers SQLite commits.
    postgres =
        TestPostgres.builderWithoutFsync()
            // Tells which takes were committed together, savepoints (subtransactions) included.
            .setServerConfig("track_commit_timestamp", "on")
            .start();
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  @DisplayName(
      "concurrent live takes share one transaction; duplicates, forgotten members and unknown"
          + " discussions keep their answers")
  void concurrentInsertsShareACommit() throws Exception {
    store.forgetAuthor(GUILD, 66, 1_000);
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try (Connection blocker = postgres.getPostgresDatabase().getConnection();
        Statement s = blocker.createStatement()) {
      // Holds the discussion's aggregate row so the first insert's batch waits while others queue.
      blocker.setAutoCommit(false);
      s.execute("SELECT * FROM discussion_stats WHERE post_message_id = " + POST + " FOR UPDATE");
      Future<Boolean> first = pool.submit(() -> store.insertTake(take(1, 5)));
      await(() -> waitingForLock(s), "the first insert to wait for the row lock");
      List<Future<Boolean>> queued = new ArrayList<>();
      queued.add(pool.submit(() -> store.insertTake(take(2, 6))));
      queued.add(pool.submit(() -> store.insertTake(take(1, 5))));
      queued.add(pool.submit(() -> store.insertTake(take(3, POST, 66, Label.NEGATIVE, -1))));
      queued.add(pool.submit(() -> store.insertTake(take(4, 9_999, 7, Label.NEUTRAL, 0))));
      queued.add(pool.submit(() -> store.insertTake(take(5, 7), true)));
      await(() -> store.queuedInserts() == 5, "five inserts to queue behind the first");
      blocker.commit();

      assertThat(first.get(1, TimeUnit.MINUTES)).isTrue();
      assertThat(queued.get(0).get(1, TimeUnit.MINUTES)).isTrue();
      assertThat(queued.get(1).get(1, TimeUnit.MINUTES)).as("duplicate event").isFalse();
      assertThat(queued.get(2).get(1, TimeUnit.MINUTES)).as("forgotten member").isFalse();
      assertThatThrownBy(() -> queued.get(3).get(1, TimeUnit.MINUTES))
          .hasCauseInstanceOf(StoreException.class)
          .hasMessageContaining("unknown discussion 9999");
      assertThat(queued.get(4).get(1, TimeUnit.MINUTES)).isTrue();

      // The queued takes were committed together: one commit time for all of them.
      try (ResultSet rs =
          s.executeQuery(
              "SELECT count(*), count(DISTINCT pg_xact_commit_timestamp(xmin)), count(*) FILTER (WHERE via_share = 1)"
                  + " FROM takes")) {
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(3);
        assertThat(rs.getInt(2)).as("commits").isEqualTo(2);
        assertThat(rs.getInt(3)).as("marked as shared").isEqualTo(1);
      }
    } finally {
      pool.shutdownNow();
    }
    TakeStats stats = store.stats(POST);
    assertThat(stats.takes()).isEqualTo(3);
    assertThat(stats.members()).isEqualTo(3);
    assertThat(stats.byLabel()).containsEntry(Label.POSITIVE, 3L);
  }

  @Test
  @DisplayName(
      "a shared commit updates a discussion's counts once for all its takes, members counted once")
  void sharedCommitCountsEachDiscussionOnce() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(5);
    try (Connection blocker = postgres.getPostgresDatabase().getConnection();
        Statement s = blocker.createStatement()) {
      s.execute("CREATE TABLE stats_updates (post_message_id BIGINT)");
      s.execute(
          "CREATE FUNCTION count_stats_update() RETURNS trigger LANGUAGE plpgsql AS"
              + " $$BEGIN INSERT INTO stats_updates VALUES (NEW.post_message_id); RETURN NEW; END$$");
      s.execute(
          "CREATE TRIGGER count_stats_update AFTER UPDATE ON discussion_stats"
              + " FOR EACH ROW EXECUTE FUNCTION count_stats_update()");
      blocker.setAutoCommit(false);
      s.execute("SELECT * FROM discussion_stats WHERE post_message_id = " + POST + " FOR UPDATE");
      Future<Boolean> first = pool.submit(() -> store.insertTake(take(1, 5)));
      await(() -> waitingForLock(s), "the first insert to wait for the row lock");
      List<Future<Boolean>> queued = new ArrayList<>();
      queued.add(pool.submit(() -> store.insertTake(take(2, 5)))); // a member already counted
      queued.add(pool.submit(() -> store.insertTake(take(3, POST, 6, Label.NEGATIVE, -0.5))));
      queued.add(pool.submit(() -> store.insertTake(take(4, 6)))); // new, twice in the batch
      queued.add(pool.submit(() -> store.insertTake(take(5, 7), true)));
      await(() -> store.queuedInserts() == 4, "four inserts to queue behind the first");
      blocker.commit();

      assertThat(first.get(1, TimeUnit.MINUTES)).isTrue();
      for (Future<Boolean> f : queued) {
        assertThat(f.get(1, TimeUnit.MINUTES)).isTrue();
      }
      blocker.setAutoCommit(true);
      try (ResultSet rs = s.executeQuery("SELECT count(*) FROM stats_updates")) {
        rs.next();
        assertThat(rs.getInt(1)).as("updates of the discussion's counts").isEqualTo(2);
      }
    } finally {
      pool.shutdownNow();
    }
    TakeStats stats = store.stats(POST);
    assertThat(stats.takes()).isEqualTo(5);
    assertThat(stats.members()).isEqualTo(3);
    assertThat(stats.byLabel()).containsEntry(Label.POSITIVE, 4L).containsEntry(Label.NEGATIVE, 1L);
  }

  @Test
  @DisplayName(
      "a shared commit inserts all its callers' takes with one statement, one round trip instead of"
          + " one per take")
  void sharedCommitInsertsWithOneStatement() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(5);
    try (Connection blocker = postgres.getPostgresDatabase().getConnection();
        Statement s = blocker.createStatement()) {
      s.execute("CREATE TABLE insert_statements (n INT)");
      s.execute(
          "CREATE FUNCTION count_insert_statement() RETURNS trigger LANGUAGE plpgsql AS"
              + " $$BEGIN INSERT INTO insert_statements VALUES (1); RETURN NULL; END$$");
      s.execute(
          "CREATE TRIGGER count_insert_statement AFTER INSERT ON takes"
              + " FOR EACH STATEMENT EXECUTE FUNCTION count_insert_statement()");
      blocker.setAutoCommit(false);
      s.execute("SELECT * FROM discussion_stats WHERE post_message_id = " + POST + " FOR UPDATE");
      Future<Boolean> first = pool.submit(() -> store.insertTake(take(1, 5)));
      await(() -> waitingForLock(s), "the first insert to wait for the row lock");
      List<Future<Boolean>> queued = new ArrayList<>();
      for (int i = 2; i <= 5; i++) {
        long id = i;
        queued.add(pool.submit(() -> store.insertTake(take(id, 10 + id), id == 5)));
      }
      await(() -> store.queuedInserts() == 4, "four inserts to queue behind the first");
      blocker.commit();

      assertThat(first.get(1, TimeUnit.MINUTES)).isTrue();
      for (Future<Boolean> f : queued) {
        assertThat(f.get(1, TimeUnit.MINUTES)).isTrue();
      }
      blocker.setAutoCommit(true);
      try (ResultSet rs = s.executeQuery("SELECT count(*) FROM insert_statements")) {
        rs.next();
        assertThat(rs.getInt(1))
            .as("INSERT statements: the first take's, then the batch's")
            .isEqualTo(2);
      }
      try (ResultSet rs = s.executeQuery("SELECT message_id FROM takes WHERE via_share = 1")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getLong(1)).as("marked as shared in the insert itself").isEqualTo(5);
        assertThat(rs.next()).isFalse();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(store.stats(POST).takes()).isEqualTo(5);
  }

  private static boolean waitingForLock(Statement s) throws SQLException {
    try (ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_locks WHERE NOT granted")) {
      rs.next();
      return rs.getInt(1) > 0;
    }
  }

  private static void await(Callable<Boolean> check, String what) {
    Awaitility.await(what)
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(1))
        .until(check);
  }

  @Override
  JdbcTakeStore openEmpty() throws Exception {
    TestPostgres.emptySchema(postgres);
    return reopen();
  }

  @Override
  JdbcTakeStore reopen() {
    return Stores.open(postgres.getJdbcUrl("postgres", "postgres"), "postgres", null);
  }

  @Test
  @DisplayName(
      "a read that hangs on a silent network gives up after 60 s, not the kernel's 15 minutes;"
          + " a socketTimeout in the URL wins")
  void connectionsHaveANetworkTimeout() throws Exception {
    String url = postgres.getJdbcUrl("postgres", "postgres");
    for (var expected : Map.of(url, 60_000, url + "&socketTimeout=5", 5_000).entrySet()) {
      var settings = new StorageSettings(expected.getKey(), "postgres", null, null, null);
      try (var pool = new HikariDataSource(Stores.postgresPool(settings, null));
          Connection c = pool.getConnection()) {
        assertThat(c.getNetworkTimeout()).as(expected.getKey()).isEqualTo(expected.getValue());
      }
    }
  }
}
