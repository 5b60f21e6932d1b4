package dev.takebot.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.Objects;

/**
 * The database: what the {@code storage} section of the YAML says, and all the store needs to open
 * it (the password aside, which comes from the environment named by {@link #passwordEnv}).
 *
 * @param jdbcUrl {@code jdbc:sqlite:<file>} (default, one process) or {@code jdbc:postgresql://…}
 *     (several bot processes sharing one database)
 * @param username database user (PostgreSQL), or {@code null}
 * @param passwordEnv name of the environment variable holding the database password — the password
 *     itself never goes in the file
 * @param poolSize connections for readers (SQLite, which has one writer besides) or for everything
 *     (PostgreSQL); 1–{@value #MAX_POOL_SIZE}, default {@value #DEFAULT_POOL_SIZE}
 * @param sqliteSynchronous how SQLite syncs commits; PostgreSQL follows its server's setting
 */
public record StorageSettings(
    @JsonProperty("jdbcUrl") String jdbcUrl,
    @JsonProperty("username") String username,
    @JsonProperty("passwordEnv") String passwordEnv,
    @JsonProperty("poolSize") Integer poolSize,
    @JsonProperty("sqliteSynchronous") SqliteSynchronous sqliteSynchronous) {

  public static final String DEFAULT_URL = "jdbc:sqlite:data/takebot.db";
  public static final int DEFAULT_POOL_SIZE = 4;

  /**
   * More connections than this only queue inside the database; SQLite reads never needed more than
   * a few.
   */
  public static final int MAX_POOL_SIZE = 64;

  public StorageSettings {
    jdbcUrl = jdbcUrl == null || jdbcUrl.isBlank() ? DEFAULT_URL : jdbcUrl.strip();
    poolSize = Objects.requireNonNullElse(poolSize, DEFAULT_POOL_SIZE);
    sqliteSynchronous = Objects.requireNonNullElse(sqliteSynchronous, SqliteSynchronous.NORMAL);
    if (!jdbcUrl.startsWith("jdbc:sqlite:") && !jdbcUrl.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException(
          "jdbcUrl must start with jdbc:sqlite: or jdbc:postgresql: (got '"
              + Secrets.redactUrl(jdbcUrl)
              + "')");
    }
    if (passwordEnv != null && !passwordEnv.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new IllegalArgumentException(
          "passwordEnv must be the NAME of an environment variable, e.g. TAKEBOT_DB_PASSWORD");
    }
    if (poolSize < 1 || poolSize > MAX_POOL_SIZE) {
      throw new IllegalArgumentException(
          "poolSize must be between 1 and " + MAX_POOL_SIZE + ", got " + poolSize);
    }
  }

  /** {@code url} with the default pool size and durability, and no password variable. */
  public static StorageSettings of(String url) {
    return new StorageSettings(url, null, null, null, null);
  }

  public static StorageSettings defaults() {
    return of(null);
  }

  public StorageSettings withSqliteSynchronous(SqliteSynchronous s) {
    return new StorageSettings(jdbcUrl, username, passwordEnv, poolSize, s);
  }

  /** The password from the environment named by {@link #passwordEnv()}, or {@code null}. */
  public String password(Map<String, String> env) {
    return passwordEnv == null ? null : env.get(passwordEnv);
  }

  @Override
  public String toString() {
    // Whatever credential the URL itself carries stays out of logs.
    return "StorageSettings[jdbcUrl="
        + Secrets.redactUrl(jdbcUrl)
        + ", username="
        + username
        + ", passwordEnv="
        + passwordEnv
        + ", poolSize="
        + poolSize
        + ", sqliteSynchronous="
        + sqliteSynchronous
        + "]";
  }

  /**
   * SQLite commit durability (WAL mode in both cases), the {@code PRAGMA synchronous} it sets.
   *
   * <ul>
   *   <li>{@link #NORMAL}: a commit is written to the WAL before the call returns but fsynced only
   *       at checkpoints. Survives any crash of the bot process, SIGKILL included (the data is in
   *       the OS page cache); a power cut or kernel crash may roll back the last commits, never
   *       corrupt the file. Those takes are still on Discord and the start-up backfill collects
   *       them again, so this is the default.
   *   <li>{@link #FULL}: every commit is fsynced; survives power loss too, at one fsync per commit.
   * </ul>
   */
  public enum SqliteSynchronous {
    NORMAL,
    FULL
  }
}
