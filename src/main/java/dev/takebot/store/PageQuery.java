package dev.takebot.store;

import dev.takebot.takes.ChannelScope;
import dev.takebot.takes.TakeQuery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of one page of {@code /takes list} or {@code /takes mine}, and its arguments in order.
 * Plain comparisons and LIMIT only, so the same text runs on SQLite and PostgreSQL; every filter
 * combination walks an index in message-id order (takes_by_post, takes_by_guild,
 * takes_by_guild_author) and stops after one page. A member's {@link ChannelScope} is a filter on
 * that walk, never the index it walks.
 */
record PageQuery(String sql, List<Object> args) {

  static PageQuery of(TakeQuery query, long cursor, boolean forward, int limit) {
    StringBuilder sql =
        new StringBuilder(
            "SELECT " + JdbcTakeStore.TAKE_COLUMNS + " FROM takes WHERE guild_id = ?");
    List<Object> args = new ArrayList<>();
    args.add(query.guildId());
    if (query.postMessageId() != null) {
      sql.append(" AND post_message_id = ?");
      args.add(query.postMessageId());
    }
    if (query.authorId() != null) {
      sql.append(" AND author_id = ?");
      args.add(query.authorId());
    }
    if (query.label() != null) {
      sql.append(" AND label = ?");
      args.add(query.label().name());
    }
    ChannelScope scope = query.scope();
    if (!scope.everyChannel()) {
      // The unary plus keeps the planner from driving the page by post_message_id (it would then
      // sort
      // every take of the visible discussions); the subquery is one small set, built once per page.
      sql.append(
              " AND +post_message_id IN (SELECT post_message_id FROM discussions WHERE guild_id = ?"
                  + " AND channel_id IN (")
          .append(placeholders(scope.channelIds().size()))
          .append("))");
      args.add(query.guildId());
      scope.channelIds().stream().sorted().forEach(args::add);
    }
    sql.append(
        forward
            ? " AND message_id > ? ORDER BY message_id LIMIT ?"
            : " AND message_id < ? ORDER BY message_id DESC LIMIT ?");
    args.add(cursor);
    args.add(Math.max(0, limit));
    return new PageQuery(sql.toString(), List.copyOf(args));
  }

  /** {@code ?, ?, ?} for n values; an empty scope is {@code NULL}, which no channel equals. */
  static String placeholders(int n) {
    return n == 0 ? "NULL" : String.join(", ", java.util.Collections.nCopies(n, "?"));
  }

  /** The statement with every argument bound; the caller closes it. */
  PreparedStatement prepare(Connection c) throws SQLException {
    PreparedStatement ps = c.prepareStatement(sql);
    try {
      for (int i = 0; i < args.size(); i++) {
        ps.setObject(i + 1, args.get(i));
      }
      return ps;
    } catch (SQLException e) {
      ps.close();
      throw e;
    }
  }
}
