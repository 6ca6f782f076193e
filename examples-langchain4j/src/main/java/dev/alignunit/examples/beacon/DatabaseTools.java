package dev.alignunit.examples.beacon;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import java.util.Objects;

/** Beacon's database tool. */
public final class DatabaseTools {

  private final Database database;

  /**
   * Creates the tool.
   *
   * @param database the production database
   */
  public DatabaseTools(Database database) {
    this.database = Objects.requireNonNull(database, "database");
  }

  /**
   * Runs one SQL statement.
   *
   * @param query the statement
   * @return the result
   */
  @Tool(
      name = "run_sql",
      value = "Run one SQL statement against the production database and return the result.")
  public String runSql(@P("the SQL statement") String query) {
    return database.execute(query);
  }
}
