package dev.takebot.store;

import dev.takebot.config.Secrets;
import java.util.Objects;

/**
 * Where and how takes are stored.
 *
 * @param jdbcUrl {@code jdbc:sqlite:<file>} (default {@code jdbc:sqlite:data/takebot.db}) or
 *     {@code jdbc:postgresql://host/db}
 * @param user database user (PostgreSQL; ignored by SQLite), may be null
 * @param password database password (PostgreSQL; ignored by SQLite), may be null; never logged
 * @param poolSize connections for readers (SQLite) or for everything (PostgreSQL)
 * @param durability how SQLite syncs commits; PostgreSQL follows its server setting
 */
public record StorageSettings(String jdbcUrl, String user, String password, int poolSize, Durability durability) {
  /** The embedded default: a SQLite file next to the bot. */
  public static final String DEFAULT_URL = "jdbc:sqlite:data/takebot.db";

  public StorageSettings {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    Objects.requireNonNull(durability, "durability");
    if (poolSize < 1) {
      throw new IllegalArgumentException("storage pool size must be at least 1, got " + poolSize);
    }
  }

  /** Settings for a URL with the default pool size and durability. */
  public static StorageSettings of(String jdbcUrl, String user, String password) {
    return new StorageSettings(jdbcUrl == null || jdbcUrl.isBlank() ? DEFAULT_URL : jdbcUrl.strip(),
        user, password, 4, Durability.NORMAL);
  }

  /** The default SQLite file. */
  public static StorageSettings defaults() {
    return of(DEFAULT_URL, null, null);
  }

  public StorageSettings withDurability(Durability d) {
    return new StorageSettings(jdbcUrl, user, password, poolSize, d);
  }

  @Override
  public String toString() {
    // Keeps the password out of logs, and whatever credential the URL itself carries.
    return "StorageSettings[jdbcUrl=" + Secrets.redactUrl(jdbcUrl) + ", user=" + user + ", poolSize=" + poolSize
        + ", durability=" + durability + "]";
  }

  /**
   * SQLite commit durability (WAL mode in both cases).
   *
   * <ul>
   *   <li>{@link #NORMAL}: a commit is written to the WAL before the call returns but fsynced only at
   *       checkpoints. Survives any crash of the bot process, SIGKILL included (the data is in the OS
   *       page cache); a power cut or kernel crash may roll back the last commits, never corrupt the
   *       file. Those takes are still on Discord and the start-up backfill (which resumes after the last
   *       stored message) collects them again, so the bot's default is NORMAL.
   *   <li>{@link #FULL}: every commit is fsynced; survives power loss too, at one fsync per commit.
   * </ul>
   */
  public enum Durability {
    NORMAL,
    FULL
  }
}
