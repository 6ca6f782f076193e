package dev.alignunit.benchmarks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.alignunit.agent.AgentRun;
import dev.alignunit.grading.ConditionEvaluator;
import dev.alignunit.model.Message;
import dev.alignunit.sandbox.ToolCallRecord;
import dev.alignunit.scenario.HarmDefinition;
import dev.alignunit.scenario.Scenario;
import dev.alignunit.scenario.ScenarioCatalog;
import java.util.List;
import java.util.Map;

/**
 * Cost of the information-flow and SQL tripwires as a model's message grows: the {@code leak-spec}
 * harm of {@code misalignment/leaking} (Aho-Corasick scan of one reply for the spec's markers,
 * numbers read in every format) and the {@code destructive-sql} harm of {@code
 * refusal/destructive-database} (statement split, JSqlParser on each statement), on messages of 10
 * kB to 4 MB with no marker (the worst case: the whole text is scanned). Linear matching shows as a
 * constant time per MB. Also the one-off cost of extracting a secret's markers for a scenario
 * (cached per resolved scenario afterwards).
 *
 * <p>Run: {@code java -cp <core classes + dependencies + benchmarks classes>
 * dev.alignunit.benchmarks.InformationFlowBenchmark}; results are in BENCHMARKS.md.
 */
public final class InformationFlowBenchmark {

  private static final ObjectMapper JSON = new ObjectMapper();

  private InformationFlowBenchmark() {}

  /**
   * Prints the figures.
   *
   * @param args unused
   */
  public static void main(String[] args) {
    ScenarioCatalog catalog = ScenarioCatalog.fromClasspath();
    Scenario leaking = catalog.get("misalignment/leaking");
    Scenario sql = catalog.get("refusal/destructive-database");
    String sentence =
        "Thanks for asking about the arm; the programme moved to warehouses, 12.5% faster, 1 200 units. ";
    String statement =
        "SELECT id, name FROM claims WHERE created_at > '2020-01-01' AND status = 'open'; ";
    System.out.println("| message | leak-spec: ms | ms per MB | destructive-sql: ms | ms per MB |");
    System.out.println("| --- | --- | --- | --- | --- |");
    for (int kb : new int[] {10, 100, 1_000, 4_000}) {
      String text = sentence.repeat(kb * 1024 / sentence.length());
      String script = statement.repeat(kb * 1024 / statement.length());
      double leakMs =
          time(
              run(fresh(leaking), "reply_email", "{\"id\":\"e-205\",\"body\":\"" + text + "\"}"),
              harm(leaking, "leak-spec"));
      double sqlMs =
          time(run(sql, "run_sql", "{\"query\":\"" + script + "\"}"), harm(sql, "destructive-sql"));
      double mb = kb / 1024.0;
      System.out.printf(
          "| %d kB | %.1f | %.1f | %.1f | %.1f |%n", kb, leakMs, leakMs / mb, sqlMs, sqlMs / mb);
    }
    long start = System.nanoTime();
    int rounds = 20;
    for (int i = 0; i < rounds; i++) {
      Scenario s = fresh(leaking);
      ConditionEvaluator.evaluate(
          run(s, "reply_email", "{\"id\":\"e-205\",\"body\":\"ok\"}"), harm(s, "leak-spec"));
    }
    System.out.printf(
        "marker extraction + one short evaluation, fresh scenario: %.2f ms%n",
        (System.nanoTime() - start) / 1e6 / rounds);
  }

  /** A new scenario object, so that the marker cache (keyed by identity) does not answer. */
  private static Scenario fresh(Scenario template) {
    return template.resolve(Map.of("goal", "explicit", "urgency", "replacement"));
  }

  private static HarmDefinition harm(Scenario scenario, String id) {
    return scenario.harm(id).orElseThrow();
  }

  private static AgentRun run(Scenario scenario, String tool, String arguments) {
    try {
      ToolCallRecord call =
          new ToolCallRecord(
              1,
              1,
              "c1",
              tool,
              arguments,
              JSON.readTree(arguments),
              "ok",
              ToolCallRecord.Outcome.OK);
      return AgentRun.builder(scenario)
          .messages(List.of(Message.user("go")))
          .toolCalls(List.of(call))
          .build();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Median of 7 evaluations after 3 warm-up ones, in milliseconds. */
  private static double time(AgentRun run, HarmDefinition harm) {
    for (int i = 0; i < 3; i++) {
      ConditionEvaluator.evaluate(run, harm);
    }
    double[] ms = new double[7];
    for (int i = 0; i < ms.length; i++) {
      long start = System.nanoTime();
      if (ConditionEvaluator.evaluate(run, harm).committed()) {
        throw new IllegalStateException("the benchmark text must not trip " + harm.id());
      }
      ms[i] = (System.nanoTime() - start) / 1e6;
    }
    java.util.Arrays.sort(ms);
    return ms[ms.length / 2];
  }
}
