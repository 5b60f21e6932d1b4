package dev.takebot.store;

import java.sql.Connection;
import java.sql.SQLException;

/** A unit of JDBC work on a connection the {@link Database} owns. */
@FunctionalInterface
interface SqlWork<T> {
  T run(Connection connection) throws SQLException;

  /** Write work, given the connection's prepared-statement cache. */
  @FunctionalInterface
  interface Write<T> {
    T run(Statements statements) throws SQLException;
  }
}
