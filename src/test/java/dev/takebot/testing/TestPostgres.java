package dev.takebot.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** The embedded PostgreSQL the tests share their set-up for. */
public final class TestPostgres {
  private TestPostgres() {}

  /**
   * Starts a server without fsync or synchronous commit: a test never outlives a power cut, and
   * durability is measured by the benchmark ({@code PostgresStoreBench}), which keeps both on.
   */
  public static EmbeddedPostgres startWithoutFsync() throws IOException {
    return builderWithoutFsync().start();
  }

  /** {@link #startWithoutFsync()}'s settings, for a test that adds its own. */
  public static EmbeddedPostgres.Builder builderWithoutFsync() {
    return EmbeddedPostgres.builder()
        .setServerConfig("fsync", "off")
        .setServerConfig("synchronous_commit", "off");
  }

  /** Drops every table, so the next store opened migrates from nothing. */
  public static void emptySchema(EmbeddedPostgres postgres) throws SQLException {
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA public CASCADE");
      s.execute("CREATE SCHEMA public");
    }
  }
}
