package dev.takebot.store;

import dev.takebot.testing.TestPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;

@DisplayName("Feed store on PostgreSQL (embedded)")
class PostgresFeedStoreTest extends FeedStoreContract {
  private static EmbeddedPostgres postgres;

  @BeforeAll
  static void startPostgres() throws Exception {
    postgres = TestPostgres.startWithoutFsync();
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    if (postgres != null) {
      postgres.close();
    }
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
}
