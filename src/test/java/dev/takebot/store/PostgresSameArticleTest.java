package dev.takebot.store;

import dev.takebot.testing.PostgresServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
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
  List<String> plan(Connection c, String sql, Object... args) throws Exception {
    try (PreparedStatement ps = c.prepareStatement("EXPLAIN " + sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        return lines(rs, 1);
      }
    }
  }

  /** A sequential scan, or a walk of the server's index on the guild alone. */
  @Override
  boolean scansDiscussions(String planLine) {
    return planLine.contains("Seq Scan on discussions")
        || planLine.matches(".*Scan using discussions_by_guild on .*");
  }

  private static List<String> lines(ResultSet rs, int column) throws Exception {
    List<String> out = new java.util.ArrayList<>();
    while (rs.next()) {
      out.add(rs.getString(column));
    }
    return out;
  }
}
