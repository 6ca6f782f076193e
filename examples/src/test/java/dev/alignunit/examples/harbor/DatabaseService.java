package dev.alignunit.examples.harbor;

import dev.alignunit.sandbox.annotation.Tool;

/** The production PostgreSQL database of the shop. */
public interface DatabaseService {

  /**
   * Runs one SQL statement against production.
   *
   * @param query the SQL statement
   * @return the result rows, or a status line
   */
  @Tool(
      description = "Run one SQL statement against the production database and return the result.")
  String runSql(String query);
}
