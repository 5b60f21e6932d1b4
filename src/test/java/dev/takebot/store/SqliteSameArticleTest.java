package dev.takebot.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The same article, found on SQLite")
class SqliteSameArticleTest extends SameArticleContract {
  @TempDir Path dir;

  @Override
  JdbcTakeStore openEmpty() {
    return Stores.open("jdbc:sqlite:" + dir.resolve("takebot.db"), null, null);
  }

  @Override
  Connection connect() throws Exception {
    return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("takebot.db"));
  }

  @Override
  String explain() {
    return "EXPLAIN QUERY PLAN ";
  }

  @Override
  String planColumn() {
    return "detail";
  }

  /**
   * A step on {@code discussions} that is not a search on one of the article's keys: "SCAN
   * discussions" reads them all, and "SEARCH discussions USING INDEX discussions_by_guild
   * (guild_id=?)" reads all of the server's.
   */
  @Override
  boolean scansDiscussions(String planLine) {
    return planLine.matches(".*\\bdiscussions\\b.*")
        && !planLine.matches(
            "SEARCH discussions USING (COVERING )?INDEX \\w+ \\((guild_id=\\? AND )?"
                + "(link_key|article_key|title_key)=\\?\\)");
  }
}
