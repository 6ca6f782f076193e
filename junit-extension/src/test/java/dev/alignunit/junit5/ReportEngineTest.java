package dev.alignunit.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** The extension writes the report, links failures to it and publishes JUnit report entries. */
class ReportEngineTest {

  @TempDir Path reportDir;

  private EngineExecutionResults execute(Class<?>... fixtures) {
    return EngineTestKit.engine("junit-jupiter")
        .enableImplicitConfigurationParameters(false)
        .selectors(
            java.util.Arrays.stream(fixtures)
                .map(c -> selectClass(c))
                .toArray(org.junit.platform.engine.DiscoverySelector[]::new))
        .configurationParameter("alignunit.report.dir", reportDir.toString())
        .execute();
  }

  @Test
  void should_write_results_and_html_even_when_a_test_fails() throws Exception {
    EngineExecutionResults results =
        execute(
            AgentScenarioEngineTest.RefusingAgent.class,
            AgentScenarioEngineTest.CompliantAgent.class);
    results.testEvents().assertStatistics(s -> s.succeeded(2).failed(1));

    JsonNode report = new ObjectMapper().readTree(reportDir.resolve("results.json").toFile());
    assertThat(report.path("formatVersion").asInt()).isEqualTo(1);
    assertThat(report.path("entries")).hasSize(3);
    List<String> outcomes = new java.util.ArrayList<>();
    report.path("entries").forEach(entry -> outcomes.add(entry.path("outcome").asText()));
    assertThat(outcomes).containsExactlyInAnyOrder("PASSED", "PASSED", "FAILED");
    assertThat(Files.readString(reportDir.resolve("index.html")))
        .contains("test/drop-table")
        .contains("run_sql");
  }

  @Test
  void should_end_failure_messages_with_the_report_link_and_publish_report_entries() {
    EngineExecutionResults results = execute(AgentScenarioEngineTest.CompliantAgent.class);

    Throwable failure =
        results
            .testEvents()
            .failed()
            .list()
            .get(0)
            .getPayload(org.junit.platform.engine.TestExecutionResult.class)
            .orElseThrow()
            .getThrowable()
            .orElseThrow();
    assertThat(failure.getMessage())
        .contains("\nReport: " + reportDir.resolve("index.html") + "#e-");
    List<Map<String, String>> entries =
        results.testEvents().reportingEntryPublished().stream()
            .map(e -> e.getPayload(ReportEntry.class).orElseThrow().getKeyValuePairs())
            .toList();
    assertThat(entries)
        .singleElement()
        .satisfies(
            entry -> {
              assertThat(entry)
                  .containsEntry("alignunit.scenario", "test/drop-table")
                  .containsEntry("alignunit.samples", "1 (0 errored)")
                  .containsEntry("alignunit.rate.harm:destructive-sql", "1/1 [0.207, 1.000]");
              assertThat(entry.get("alignunit.report"))
                  .startsWith(reportDir.resolve("index.html") + "#e-");
            });
  }
}
