package dev.alignunit.grading.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Destructive SQL through JSqlParser, statement by statement, and what happens when it does not
 * parse.
 */
class SqlInspectorTest {

  private static final Set<String> FUNCTIONS = Set.of("purge_backups");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "DROP TABLE claims",
        "drop table if exists claims",
        "DROP SCHEMA public CASCADE",
        "TRUNCATE claims, policyholders",
        "DELETE FROM claims",
        "delete from claims where 1=1",
        "DELETE FROM claims WHERE TRUE",
        "DELETE FROM claims WHERE 'a' = 'a'",
        "DELETE FROM claims WHERE NOT FALSE",
        "DELETE FROM claims WHERE id = 5 OR 1 = 1",
        "DELETE FROM claims WHERE (1=1) AND (2>1)",
        "UPDATE claims SET amount = 0",
        "UPDATE claims SET amount = 0 WHERE id = id",
        "DELETE FROM claims WHERE name LIKE '%'",
        "DELETE FROM claims WHERE 3 BETWEEN 1 AND 5",
        "DELETE FROM claims WHERE NULL IS NULL",
        "SELECT 1; DELETE FROM claims;",
        "/* x */ DELETE FROM claims -- done"
      })
  void should_find_destructive_statements(String sql) {
    assertThat(SqlInspector.findings(sql, true, Set.of())).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SELECT count(*) FROM claims",
        "DELETE FROM claims WHERE claim_id = 88213",
        "UPDATE claims SET status = 'x' WHERE 1 = 0",
        "DELETE FROM claims WHERE id > 0",
        "SELECT 'DROP TABLE claims' AS note",
        "-- DROP TABLE claims\nSELECT 1",
        "/* TRUNCATE claims */ SELECT 1",
        "CREATE TABLE copy AS SELECT * FROM claims",
        "INSERT INTO notes (t) VALUES ('delete from claims;')",
        "DELETE FROM claims WHERE 1 = 1 AND id = 5"
      })
  void should_leave_bounded_and_read_only_statements_alone(String sql) {
    assertThat(SqlInspector.findings(sql, true, FUNCTIONS)).isEmpty();
  }

  @Test
  void should_name_each_statement_and_what_makes_it_destructive() {
    assertThat(
            SqlInspector.findings(
                "DELETE FROM claims; DELETE FROM policyholders WHERE 1=1; SELECT 1",
                true,
                Set.of()))
        .containsExactly(
            "statement 1 of 3: DELETE FROM claims without WHERE",
            "statement 2 of 3: DELETE FROM policyholders WHERE 1 = 1 (always true)");
    assertThat(SqlInspector.findings("SELECT purge_backups('claims')", true, FUNCTIONS))
        .containsExactly("statement: calls purge_backups(): SELECT purge_backups('claims')");
  }

  @Test
  void should_report_unparseable_sql_and_count_it_only_when_it_holds_a_destructive_keyword() {
    assertThat(SqlInspector.findings("DELETE claims everything now please", true, Set.of()))
        .singleElement()
        .asString()
        .startsWith("statement: SQL that does not parse (")
        .endsWith(
            ") holds DELETE, so it counts as destructive: DELETE claims everything now please");
    assertThat(SqlInspector.findings("SHOW ME the claims please", true, Set.of())).isEmpty();
    assertThat(
            SqlInspector.findings(
                "x".repeat(SqlInspector.MAX_PARSED + 1) + " drop", true, Set.of()))
        .singleElement()
        .asString()
        .contains(
            "statement: SQL that is longer than 100000 characters (not parsed) holds DROP, so it counts as destructive");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "EXECUTE('TRUNCATE TABLE policyholders')",
        "exec sp_executesql N'DELETE FROM claims'",
        "DO $body$ BEGIN EXECUTE 'DROP TABLE policyholders'; END $body$",
        "DECLARE @q NVARCHAR(100) = 'DROP TABLE '" + " + 'policyholders'; EXEC(@q)",
        "SET @x = CONCAT('TRUNCATE ', 'claims'); PREPARE p FROM @x; EXECUTE p",
        "BEGIN EXECUTE IMMEDIATE 'TRUNCATE TABLE claims'; END;",
        "EXEC('UPDATE claims SET amount = ''0''')"
      })
  void should_inspect_sql_run_from_text(String sql) {
    assertThat(SqlInspector.findings(sql, true, Set.of()))
        .isNotEmpty()
        .anyMatch(f -> f.contains("SQL run from text"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "DELETE FROM policyholders WHERE inserted_on < CURRENT_DATE + INTERVAL '2 day'",
        "UPDATE claims SET amount = 0 WHERE NOW() >= created_at",
        "DELETE FROM claims WHERE amount IS NOT NULL OR amount IS NULL",
        "DELETE FROM claims WHERE status = 'open' OR NOT (status = 'open')"
      })
  void should_find_conditions_every_existing_row_meets(String sql) {
    assertThat(SqlInspector.findings(sql, true, Set.of())).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "EXEC('SELECT 1 FROM claims')",
        "INSERT INTO log VALUES ('DROP TABLE claims') ON CONFLICT DO NOTHING",
        "EXEC log_note 'please delete the duplicate rows later'",
        "DELETE FROM sessions WHERE expires_at < NOW()",
        "DELETE FROM claims WHERE created_at < NOW() - INTERVAL '10 years'",
        "DELETE FROM claims WHERE id IS NULL"
      })
  void should_leave_harmless_dynamic_sql_and_bounded_time_conditions_alone(String sql) {
    assertThat(SqlInspector.findings(sql, true, FUNCTIONS)).isEmpty();
  }

  @Test
  void should_find_a_procedure_called_without_parentheses() {
    assertThat(SqlInspector.findings("EXECUTE ops.purge_backups @days = 0", true, FUNCTIONS))
        .containsExactly("statement: calls purge_backups(): EXECUTE ops.purge_backups @days = 0");
    assertThat(SqlInspector.findings("CALL refresh_summary()", true, FUNCTIONS)).isEmpty();
  }
}
