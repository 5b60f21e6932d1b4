package dev.takebot.store;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Take store on SQLite")
class SqliteTakeStoreTest extends TakeStoreContract {
  @TempDir
  Path dir;

  @Override
  JdbcTakeStore openEmpty() {
    return reopen();
  }

  @Override
  JdbcTakeStore reopen() {
    return Stores.open("jdbc:sqlite:" + dir.resolve("nested/takebot.db"), null, null);
  }
}
