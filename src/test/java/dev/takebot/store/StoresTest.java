package dev.takebot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.takebot.config.StorageSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Opening a store")
class StoresTest {
  @TempDir Path dir;

  @Test
  @DisplayName("a SQLite URL creates the missing folders, the file in WAL mode, and the schema")
  void sqliteCreatesFileAndSchema() throws Exception {
    Path file = dir.resolve("a/b/takebot.db");

    try (JdbcTakeStore store = Stores.open("jdbc:sqlite:" + file, null, null)) {
      assertThat(store.stats(1).takes()).isZero();
    }

    assertThat(file).exists();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
        rs.next();
        assertThat(rs.getString(1)).isEqualTo("wal");
      }
      try (ResultSet rs =
          s.executeQuery("SELECT version FROM flyway_schema_history WHERE success = 1")) {
        rs.next();
        assertThat(rs.getString(1)).isEqualTo("1");
      }
    }
  }

  @Test
  @DisplayName("a deleted take's text does not linger in the SQLite files")
  void deletedTextIsOverwritten() throws Exception {
    Path file = dir.resolve("secure.db");
    String secret = "my-very-distinctive-deleted-words-" + "x".repeat(40);
    try (JdbcTakeStore store = Stores.open("jdbc:sqlite:" + file, null, null)) {
      store.saveDiscussion(TakeStoreContract.discussion(1, 1, "k"));
      store.insertTake(
          new dev.takebot.takes.Take(
              5,
              1,
              1,
              2,
              "me",
              secret,
              TakeStoreContract.T0,
              null,
              dev.takebot.sentiment.Label.NEUTRAL,
              0,
              "v1"));
      store.deleteTake(5);
    }
    // Closing the last connection checkpoints the WAL into the file and removes it.
    assertThat(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1))
        .doesNotContain(secret);
  }

  @Test
  @DisplayName("an unsupported URL is refused with a one-line hint")
  void unsupportedUrl() {
    assertThatThrownBy(() -> Stores.open("jdbc:mysql://localhost/takes", "u", "secret"))
        .isInstanceOf(StoreException.class)
        .hasMessage(
            "unsupported database URL 'jdbc:mysql://localhost/takes':"
                + " use jdbc:sqlite:<file> or jdbc:postgresql://<host>/<database>");
  }

  @Test
  @DisplayName("an in-memory SQLite URL is refused: takes must survive a restart")
  void memoryRefused() {
    assertThatThrownBy(() -> Stores.open("jdbc:sqlite::memory:", null, null))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("SQLite needs a file");
  }

  @Test
  @DisplayName("a blank URL means the default SQLite file, and settings never print the password")
  void defaultsAndSecrets() {
    assertThat(StorageSettings.of(" ").jdbcUrl()).isEqualTo("jdbc:sqlite:data/takebot.db");
    assertThat(StorageSettings.of("jdbc:postgresql://db/takes?password=hunter2").toString())
        .doesNotContain("hunter2");
    assertThat(Stores.sqliteFile("jdbc:sqlite:file:x/y.db?cache=private"))
        .isEqualTo(Path.of("x/y.db"));
  }

  @Test
  @DisplayName("an unreachable PostgreSQL server gives a short error, not a stack trace")
  void unreachablePostgres() {
    assertThatThrownBy(
            () ->
                Stores.open(
                    new StorageSettings(
                        "jdbc:postgresql://127.0.0.1:1/takes?connectTimeout=2",
                        "bot",
                        null,
                        1,
                        StorageSettings.SqliteSynchronous.NORMAL),
                    "pw"))
        .isInstanceOf(StoreException.class)
        .hasMessageStartingWith("cannot connect to jdbc:postgresql://127.0.0.1:1/takes");
  }

  @Test
  @DisplayName("reopening an existing file applies no migration twice")
  void reopenIsIdempotent() throws Exception {
    String url = "jdbc:sqlite:" + dir.resolve("t.db");
    Stores.open(url, null, null).close();
    Stores.open(url, null, null).close();

    assertThat(Files.size(dir.resolve("t.db"))).isPositive();
  }
}
