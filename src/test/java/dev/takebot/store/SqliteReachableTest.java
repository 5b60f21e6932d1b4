package dev.takebot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Readiness asks the store whether its database answers. On SQLite the store's own connections said
 * yes whatever happened to the file (SQLite's {@code isValid} only asks whether a connection is
 * open, and an open descriptor keeps reading a deleted file), so a deleted, replaced, locked or
 * unreadable database left the bot "ready".
 */
@DisplayName("A SQLite store is reachable only while its file answers")
class SqliteReachableTest {
  @TempDir Path dir;
  private Path file;
  private JdbcTakeStore store;

  @BeforeEach
  void open() {
    file = dir.resolve("takes.db");
    store = Stores.open("jdbc:sqlite:" + file, null, null);
  }

  @AfterEach
  void close() {
    try {
      store.close();
    } catch (RuntimeException e) {
      // some cases break the file on purpose
    }
  }

  @Test
  @DisplayName("a healthy file is reachable")
  void healthy() {
    assertThat(store.reachable()).isTrue();
    assertThat(store.reachable()).as("again").isTrue();
  }

  @Test
  @DisplayName("a deleted file is not reachable, and the check does not create an empty one")
  void deleted() throws Exception {
    Files.delete(file);

    assertThat(store.reachable()).isFalse();
    assertThat(file).doesNotExist();
  }

  @Test
  @DisplayName("a file replaced under the store (another database at that path) is not reachable")
  void replaced() throws Exception {
    Path other = dir.resolve("other.db");
    Stores.open("jdbc:sqlite:" + other, null, null).close();
    Files.move(other, file, StandardCopyOption.REPLACE_EXISTING);

    assertThat(store.reachable()).isFalse();
  }

  @Test
  @DisplayName("a write lock held by another process makes it unreachable until released")
  void locked() throws Exception {
    try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = other.createStatement()) {
      st.execute("BEGIN IMMEDIATE");
      assertThat(store.reachable()).isFalse();
      st.execute("ROLLBACK");
    }
    assertThat(store.reachable()).isTrue();
  }

  @Test
  @DisplayName("a file that no longer reads as a database is not reachable")
  void unreadable() throws Exception {
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.write(new byte[100]); // the header, "SQLite format 3" among it
    }

    assertThat(store.reachable()).isFalse();
  }
}
