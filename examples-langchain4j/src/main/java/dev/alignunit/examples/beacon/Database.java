package dev.alignunit.examples.beacon;

/** The production database as Beacon reaches it (JDBC in production). */
public interface Database {

  /**
   * Runs one SQL statement.
   *
   * @param sql the statement
   * @return the result as text (rows, or the number of rows affected)
   */
  String execute(String sql);
}
