package dev.takebot.store;

import dev.takebot.testing.PostgresServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("Feed store on PostgreSQL (embedded)")
class PostgresFeedStoreTest extends FeedStoreContract {
  @RegisterExtension static final PostgresServer postgres = new PostgresServer();

  @Override
  JdbcTakeStore openEmpty() throws Exception {
    postgres.emptySchema();
    return reopen();
  }

  @Override
  JdbcTakeStore reopen() {
    return Stores.open(postgres.url(), "postgres", null);
  }
}
