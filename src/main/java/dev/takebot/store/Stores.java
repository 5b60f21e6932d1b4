package dev.takebot.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.takebot.config.Secrets;
import dev.takebot.config.StorageSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Opens the take store: picks the engine from the JDBC URL, applies the Flyway migrations under
 * {@code db/migration} and returns a ready {@link JdbcTakeStore}.
 */
public final class Stores {
  private static final String SQLITE = "jdbc:sqlite:";
  private static final String POSTGRES = "jdbc:postgresql:";
  static final int SOCKET_TIMEOUT_SECONDS = 60;

  private Stores() {}

  /** Opens {@code jdbcUrl} (SQLite file or PostgreSQL) with default settings. */
  public static JdbcTakeStore open(String jdbcUrl, String user, String password) {
    if (jdbcUrl != null
        && !jdbcUrl.isBlank()
        && !jdbcUrl.startsWith(SQLITE)
        && !jdbcUrl.startsWith(POSTGRES)) {
      throw new StoreException(
          "unsupported database URL '"
              + Secrets.redactUrl(jdbcUrl)
              + "': use jdbc:sqlite:<file> or jdbc:postgresql://<host>/<database>");
    }
    return open(new StorageSettings(jdbcUrl, user, null, null, null), password);
  }

  /**
   * Opens the store described by {@code settings}, creating and migrating the schema as needed.
   *
   * @param password the database password (PostgreSQL; ignored by SQLite), or null; never logged
   */
  public static JdbcTakeStore open(StorageSettings settings, String password) {
    Opening o = new Opening(settings, password);
    return new JdbcTakeStore(
        settings.jdbcUrl().startsWith(SQLITE) ? openSqlite(o) : openPostgres(o));
  }

  /** The settings and the password they name, for the duration of opening. */
  private record Opening(StorageSettings settings, String password) {
    String jdbcUrl() {
      return settings.jdbcUrl();
    }

    String user() {
      return settings.username();
    }

    int poolSize() {
      return settings.poolSize();
    }

    @Override
    public String toString() {
      return settings.toString();
    }
  }

  private static Database openSqlite(Opening settings) {
    String url = settings.jdbcUrl();
    Path file = sqliteFile(url);
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
    } catch (IOException e) {
      throw new StoreException(
          scrub("cannot create the folder for " + file + ": " + e.getMessage(), settings), e);
    }
    SQLiteConfig readers = sqliteConfig(settings);
    SQLiteConfig writerConfig = sqliteConfig(settings);
    SQLiteDataSource writerSource = new SQLiteDataSource(writerConfig);
    writerSource.setUrl(url);
    migrate(writerSource, settings);

    Connection writer = null;
    Connection checkpoints = null;
    try {
      // Stays in autocommit: GroupCommit issues BEGIN IMMEDIATE / COMMIT around each batch itself,
      // so
      // the write lock is taken up front (no failure half-way on a lock upgrade) and released
      // between.
      writer = writerSource.getConnection();
      SQLiteDataSource readerSource = new SQLiteDataSource(readers);
      readerSource.setUrl(url);
      checkpoints = readerSource.getConnection();
      HikariConfig pool = new HikariConfig();
      pool.setDataSource(readerSource);
      pool.setPoolName("takebot-sqlite-read");
      pool.setMaximumPoolSize(settings.poolSize());
      pool.setMinimumIdle(1);
      pool.setAutoCommit(false);
      return Database.sqlite(
          writer,
          new HikariDataSource(pool),
          new Checkpointer(checkpoints, 1_000),
          SqliteProbe.of(url, file));
    } catch (SQLException | RuntimeException e) {
      closeQuietly(writer);
      closeQuietly(checkpoints);
      throw new StoreException(scrub("cannot open " + file + ": " + e.getMessage(), settings), e);
    }
  }

  private static SQLiteConfig sqliteConfig(Opening settings) {
    SQLiteConfig c = new SQLiteConfig();
    c.setJournalMode(SQLiteConfig.JournalMode.WAL);
    c.setSynchronous(
        settings.settings().sqliteSynchronous() == StorageSettings.SqliteSynchronous.FULL
            ? SQLiteConfig.SynchronousMode.FULL
            : SQLiteConfig.SynchronousMode.NORMAL);
    c.setBusyTimeout(10_000);
    c.enforceForeignKeys(true);
    // 16 MiB page cache: keeps the take indexes hot while ingesting.
    c.setCacheSize(-16_000);
    // WAL checkpoints run in the background (Checkpointer); this is only the backstop, ~80 MB.
    c.setWalAutocheckpoint(20_000);
    c.setJournalSizeLimit(64 << 20);
    // A deleted take's text is overwritten on disk, not left in a free page: "deleted" means gone.
    c.setPragma(SQLiteConfig.Pragma.SECURE_DELETE, "true");
    // The store never asks for generated keys; fetching them costs an extra query per INSERT.
    c.setGetGeneratedKeys(false);
    return c;
  }

  static Path sqliteFile(String url) {
    String path = url.substring(SQLITE.length());
    int query = path.indexOf('?');
    if (query >= 0) {
      path = path.substring(0, query);
    }
    if (path.startsWith("file:")) {
      path = path.substring("file:".length());
    }
    if (path.isBlank() || path.contains(":memory:") || path.contains("mode=memory")) {
      throw new StoreException(
          "SQLite needs a file, not memory: use jdbc:sqlite:path/to/takebot.db");
    }
    return Path.of(path);
  }

  /**
   * A message fit for the user and the log: the URL redacted wherever it appears (ours or quoted by
   * the driver or Flyway), and the password itself masked.
   */
  private static String scrub(String message, Opening settings) {
    return Secrets.scrub(message, settings.jdbcUrl(), settings.password());
  }

  private static Database openPostgres(Opening settings) {
    // One probe connection first: an unreachable server or a wrong password becomes one clear line
    // instead of the pool's logged stack trace.
    try (Connection probe =
        DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password())) {
      probe.isValid(5);
    } catch (SQLException e) {
      throw new StoreException(
          scrub("cannot connect to " + settings.jdbcUrl() + ": " + e.getMessage(), settings), e);
    }
    HikariConfig config = postgresPool(settings.settings(), settings.password());
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new StoreException(
          scrub("cannot connect to " + settings.jdbcUrl() + ": " + rootMessage(e), settings), e);
    }
    try {
      migrate(pool, settings);
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
    return Database.postgres(pool);
  }

  /**
   * The pool for PostgreSQL. The driver's socket has no read timeout by default, so a network that
   * silently drops packets would hang a write until the kernel gives up (about 15 minutes): the
   * take's retry and the shutdown drain wait behind it. {@value #SOCKET_TIMEOUT_SECONDS} s is far
   * above any query the bot makes; a {@code socketTimeout} in the URL wins over it.
   */
  static HikariConfig postgresPool(StorageSettings settings, String password) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(settings.jdbcUrl());
    config.setUsername(settings.username());
    config.setPassword(password);
    config.setPoolName("takebot-postgres");
    config.setMaximumPoolSize(settings.poolSize());
    config.setAutoCommit(false);
    config.addDataSourceProperty("socketTimeout", Integer.toString(SOCKET_TIMEOUT_SECONDS));
    config.addDataSourceProperty("tcpKeepAlive", "true");
    return config;
  }

  private static void migrate(DataSource source, Opening settings) {
    try {
      Flyway.configure().dataSource(source).locations("classpath:db/migration").load().migrate();
    } catch (FlywayException e) {
      throw new StoreException(
          scrub(
              "cannot migrate the schema of " + settings.jdbcUrl() + ": " + rootMessage(e),
              settings),
          e);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage();
  }

  private static void closeQuietly(Connection c) {
    if (c != null) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // Already failing; the original error is what matters.
      }
    }
  }
}
