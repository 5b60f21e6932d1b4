package dev.takebot.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * The database.
 *
 * @param jdbcUrl {@code jdbc:sqlite:<file>} (default, one process) or {@code jdbc:postgresql://…}
 *     (several bot processes sharing one database)
 * @param username database user (PostgreSQL), or {@code null}
 * @param passwordEnv name of the environment variable holding the database password — the password
 *     itself never goes in the file
 */
public record StorageSettings(
    @JsonProperty("jdbcUrl") String jdbcUrl,
    @JsonProperty("username") String username,
    @JsonProperty("passwordEnv") String passwordEnv) {

  public static final String DEFAULT_URL = "jdbc:sqlite:data/takebot.db";

  public StorageSettings {
    jdbcUrl = Objects.requireNonNullElse(jdbcUrl, DEFAULT_URL).strip();
    if (!jdbcUrl.startsWith("jdbc:sqlite:") && !jdbcUrl.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException(
          "jdbcUrl must start with jdbc:sqlite: or jdbc:postgresql: (got '" + Secrets.redactUrl(jdbcUrl) + "')");
    }
    if (passwordEnv != null && !passwordEnv.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new IllegalArgumentException(
          "passwordEnv must be the NAME of an environment variable, e.g. TAKEBOT_DB_PASSWORD");
    }
  }

  public static StorageSettings defaults() {
    return new StorageSettings(null, null, null);
  }

  /** The password from the environment named by {@link #passwordEnv()}, or {@code null}. */
  public String password(java.util.Map<String, String> env) {
    return passwordEnv == null ? null : env.get(passwordEnv);
  }
}
