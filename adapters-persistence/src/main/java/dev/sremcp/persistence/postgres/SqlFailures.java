package dev.sremcp.persistence.postgres;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/** Tells a database that cannot be reached from a statement that failed. */
final class SqlFailures {

  private SqlFailures() {}

  /** Connection failures: SQL state class 08, or a pool that could not hand out a connection. */
  static boolean unreachable(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLTransientConnectionException) {
        return true;
      }
      if (cause instanceof SQLException sql
          && sql.getSQLState() != null
          && (sql.getSQLState().startsWith("08") || sql.getSQLState().equals("57P01"))) {
        return true;
      }
    }
    return false;
  }
}
