package dev.takebot.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Prepared statements of one connection, each prepared once: per transaction on a pooled PostgreSQL
 * connection (the driver caches server-side plans itself), for the life of the store on SQLite's
 * single writer connection, where preparing costs as much as running.
 */
final class Statements implements AutoCloseable {
  private final Connection connection;
  private final Map<String, PreparedStatement> prepared = new HashMap<>();
  private Deferred deferred;

  Statements(Connection connection) {
    this.connection = connection;
  }

  Connection connection() {
    return connection;
  }

  PreparedStatement get(String sql) throws SQLException {
    PreparedStatement ps = prepared.get(sql);
    if (ps == null) {
      ps = connection.prepareStatement(sql);
      prepared.put(sql, ps);
    }
    return ps;
  }

  /**
   * The transaction's deferred writes, created on first use. Several callers' work in one shared
   * transaction adds to the same one, so it is written once for all of them.
   */
  <T extends Deferred> T deferred(Class<T> type, Supplier<T> create) {
    if (deferred == null) {
      deferred = create.get();
    }
    return type.cast(deferred);
  }

  /**
   * Writes what was deferred; whoever commits the transaction calls this first (a failure here
   * fails the transaction).
   */
  void flushDeferred() throws SQLException {
    Deferred d = deferred;
    deferred = null;
    if (d != null) {
      d.flush(this);
    }
  }

  /** Forgets what was deferred, after a rollback (to a savepoint) undid the work that added it. */
  void discardDeferred() {
    deferred = null;
  }

  /**
   * Writes that callers leave to the end of the transaction so that many can be done as one, such
   * as one update of a discussion's counts for every take a shared commit stores.
   */
  interface Deferred {
    void flush(Statements statements) throws SQLException;
  }

  @Override
  public void close() throws SQLException {
    deferred = null;
    SQLException first = null;
    for (PreparedStatement ps : prepared.values()) {
      try {
        ps.close();
      } catch (SQLException e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    prepared.clear();
    if (first != null) {
      throw first;
    }
  }
}
