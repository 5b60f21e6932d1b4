package dev.takebot.store;

import dev.takebot.testing.PostgresServer;
import java.sql.Connection;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("The same article, found on PostgreSQL (embedded)")
class PostgresSameArticleTest extends SameArticleContract {
  @RegisterExtension static final PostgresServer postgres = new PostgresServer();

  @Override
  JdbcTakeStore openEmpty() throws Exception {
    postgres.emptySchema();
    return Stores.open(postgres.url(), "postgres", null);
  }

  @Override
  Connection connect() throws Exception {
    return postgres.server().getPostgresDatabase().getConnection();
  }

  @Override
  String explain() {
    return "EXPLAIN ";
  }

  @Override
  String planColumn() {
    return "QUERY PLAN";
  }

  /** A sequential scan, or a walk of the server's index on the guild alone. */
  @Override
  boolean scansDiscussions(String planLine) {
    return planLine.contains("Seq Scan on discussions")
        || planLine.matches(".*Scan using discussions_by_guild on .*");
  }
}
