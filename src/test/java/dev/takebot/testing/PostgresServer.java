package dev.takebot.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.SQLException;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One embedded PostgreSQL (without fsync, see {@link TestPostgres#startWithoutFsync()}) for a test
 * class: started before its first test, stopped after its last. Register it as a static field with
 * {@code @RegisterExtension}.
 */
public final class PostgresServer implements BeforeAllCallback, AfterAllCallback {
  private EmbeddedPostgres postgres;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    postgres = TestPostgres.startWithoutFsync();
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    if (postgres != null) {
      postgres.close();
    }
  }

  /** The running server. */
  public EmbeddedPostgres server() {
    return postgres;
  }

  /** The JDBC URL of its {@code postgres} database, as user {@code postgres}. */
  public String url() {
    return postgres.getJdbcUrl("postgres", "postgres");
  }

  /** Drops every table, so the next store opened migrates from nothing. */
  public void emptySchema() throws SQLException {
    TestPostgres.emptySchema(postgres);
  }
}
