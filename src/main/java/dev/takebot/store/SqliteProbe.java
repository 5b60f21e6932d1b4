package dev.takebot.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * Whether the SQLite file the store works on still answers, for readiness. The store's own
 * connections cannot tell: SQLite's {@code isValid} only asks whether the connection is open, and
 * an open file descriptor keeps reading a database deleted or replaced under it. So each check
 * makes sure the path still names the file opened at start, opens it afresh (never creating it),
 * reads the schema's history and takes the write lock for a moment, which a lock held elsewhere
 * refuses within {@link #BUSY_MILLIS}.
 */
final class SqliteProbe {
  /** Well inside the readiness probe's own wait (2 s): a held lock is reported, not waited out. */
  static final int BUSY_MILLIS = 1_000;

  private final String url;
  private final Path file;
  private final Object fileKey;

  private SqliteProbe(String url, Path file, Object fileKey) {
    this.url = url;
    this.file = file;
    this.fileKey = fileKey;
  }

  /** A probe of the file {@code url} names, as it is now (just opened and migrated). */
  static SqliteProbe of(String url, Path file) {
    Object key;
    try {
      key = fileKey(file);
    } catch (IOException e) {
      key = null; // no identity to compare (a file system without inodes): the query decides
    }
    return new SqliteProbe(url, file, key);
  }

  private static Object fileKey(Path file) throws IOException {
    return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
  }

  boolean reachable() {
    try {
      if (fileKey != null && !Objects.equals(fileKey(file), fileKey)) {
        return false; // replaced: the store still writes to the old, unlinked file
      }
      SQLiteConfig config = new SQLiteConfig();
      config.resetOpenMode(SQLiteOpenMode.CREATE); // a deleted file stays deleted
      config.setBusyTimeout(BUSY_MILLIS);
      try (Connection c = config.createConnection(url);
          Statement st = c.createStatement()) {
        st.execute("BEGIN IMMEDIATE");
        try (ResultSet rs = st.executeQuery("SELECT count(*) FROM flyway_schema_history")) {
          rs.next();
        } finally {
          st.execute("ROLLBACK");
        }
      }
      return true;
    } catch (IOException | SQLException | RuntimeException e) {
      return false;
    }
  }
}
