package dev.takebot.store;

import java.sql.Connection;
import java.sql.SQLException;

/** A unit of JDBC work on a connection the {@link Database} owns. */
@FunctionalInterface
interface SqlWork<T> {
  T run(Connection connection) throws SQLException;
}
