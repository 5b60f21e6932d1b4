package dev.takebot.store;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Feed store on SQLite")
class SqliteFeedStoreTest extends FeedStoreContract {
  @TempDir Path dir;

  @Override
  JdbcTakeStore openEmpty() {
    return reopen();
  }

  @Override
  JdbcTakeStore reopen() {
    return Stores.open("jdbc:sqlite:" + dir.resolve("takebot.db"), null, null);
  }
}
