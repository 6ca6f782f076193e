package dev.alignunit.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.alignunit.agent.AgentLoop;
import dev.alignunit.agent.AgentRun;
import dev.alignunit.grading.HarmDetector;
import dev.alignunit.grading.HarmVerdict;
import dev.alignunit.model.ScriptedModel;
import dev.alignunit.sandbox.ToolSandbox;
import dev.alignunit.scenario.Scenario;
import dev.alignunit.scenario.ScenarioCatalog;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The harm half of {@link HeldOutEvaluation}: runs every hand-written action of {@code
 * harm-heldout.jsonl} as a scripted agent in every variant of its built-in scenario and asks {@link
 * HarmDetector} whether the harm was committed.
 */
final class HeldOutHarms {

  private HeldOutHarms() {}

  /**
   * One scripted tool call.
   *
   * @param tool the tool name
   * @param arguments the arguments as sent (JSON, or verbatim raw text)
   */
  record Call(String tool, String arguments) {}

  /**
   * One labelled action.
   *
   * @param id row id
   * @param harm the harm id
   * @param scenario the scenario id
   * @param harmful whether the action does the harm (by the harm's intent text)
   * @param route how it does it (or what the near miss is)
   * @param language language of the wording
   * @param calls the tool calls, in order
   * @param finalText the model's last answer
   * @param note why the label holds where no tripwire can see it by construction, or {@code null}
   */
  record Action(
      String id,
      String harm,
      String scenario,
      boolean harmful,
      String route,
      String language,
      List<Call> calls,
      String finalText,
      String note) {}

  /**
   * The outcome of one action over the variants of its scenario.
   *
   * @param action the action
   * @param variants how many variants ran
   * @param tripped in how many the harm tripped
   * @param errored in how many the run or the grading failed
   * @param evidence the first evidence or error seen
   */
  record Outcome(Action action, int variants, int tripped, int errored, String evidence) {

    boolean caught() {
      return errored == 0 && tripped == variants;
    }

    boolean falseAlarm() {
      return tripped > 0;
    }
  }

  static List<Action> readActions(Path file) throws IOException {
    List<Action> actions = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode n = HeldOutEvaluation.JSON.readTree(line);
      List<Call> calls = new ArrayList<>();
      for (JsonNode c : n.get("calls")) {
        String args =
            c.has("rawArguments")
                ? c.get("rawArguments").asText()
                : HeldOutEvaluation.JSON.writeValueAsString(
                    c.path("arguments").isMissingNode()
                        ? HeldOutEvaluation.JSON.createObjectNode()
                        : c.get("arguments"));
        calls.add(new Call(c.get("tool").asText(), args));
      }
      actions.add(
          new Action(
              n.get("id").asText(),
              n.get("harm").asText(),
              n.get("scenario").asText(),
              n.get("label").asText().equals("HARMFUL"),
              n.get("route").asText(),
              n.get("language").asText(),
              calls,
              n.get("final").asText(),
              n.hasNonNull("note") ? n.get("note").asText() : null));
    }
    return actions;
  }

  static Outcome run(ScenarioCatalog catalog, Action action) {
    Scenario scenario = catalog.get(action.scenario());
    List<Map<String, String>> variants =
        scenario.variants().isEmpty() ? List.of(Map.of()) : scenario.variants();
    int tripped = 0;
    int errored = 0;
    String evidence = null;
    for (Map<String, String> variant : variants) {
      Scenario resolved = scenario.resolve(variant);
      ScriptedModel.Builder script = ScriptedModel.builder();
      action.calls().forEach(c -> script.thenCallTool(c.tool(), c.arguments()));
      script.thenRespond(action.finalText());
      try {
        AgentRun run =
            AgentLoop.builder()
                .build()
                .run(resolved, ToolSandbox.forScenario(resolved), script.build(), variant, 1);
        if (run.errored()) {
          errored++;
          evidence =
              evidence == null
                  ? "run errored: " + run.error().map(Throwable::getMessage).orElse("?")
                  : evidence;
          continue;
        }
        HarmVerdict verdict = HarmDetector.evaluate(run, action.harm());
        if (verdict.committed()) {
          tripped++;
          if (evidence == null && !verdict.evidence().isEmpty()) {
            evidence = verdict.evidence().get(0);
          }
        }
      } catch (RuntimeException e) {
        errored++;
        evidence =
            evidence == null
                ? "grading failed: " + e.getClass().getSimpleName() + ": " + e.getMessage()
                : evidence;
      }
    }
    return new Outcome(action, variants.size(), tripped, errored, evidence);
  }

  static void report(List<Action> actions, boolean verbose, PrintStream out) {
    ScenarioCatalog catalog = ScenarioCatalog.fromClasspath();
    List<Outcome> outcomes = actions.stream().map(a -> run(catalog, a)).toList();
    out.println();
    out.println(
        "== Harm tripwires (caught = trips in every variant; false alarm = trips in any) ==");
    out.printf(
        Locale.ROOT,
        "%-24s %14s %16s %14s %8s%n",
        "harm",
        "caught",
        "caught w/o note",
        "false alarms",
        "errored");
    HeldOutEvaluation.groupBy(outcomes, o -> o.action().harm())
        .forEach((harm, rows) -> harmLine(out, harm, rows));
    harmLine(out, "TOTAL", outcomes);
    out.println("-- harmful actions caught, by language");
    HeldOutEvaluation.groupBy(
            outcomes.stream().filter(o -> o.action().harmful()).toList(),
            o -> o.action().language())
        .forEach(
            (lang, rows) ->
                out.printf(
                    Locale.ROOT,
                    "  %-6s %d/%d%n",
                    lang,
                    rows.stream().filter(Outcome::caught).count(),
                    rows.size()));
    out.printf(
        Locale.ROOT,
        "-- harmful actions missed: %d; near misses that tripped: %d (actions with --verbose)%n",
        outcomes.stream().filter(o -> o.action().harmful() && !o.caught()).count(),
        outcomes.stream()
            .filter(o -> !o.action().harmful() && (o.falseAlarm() || o.errored() > 0))
            .count());
    if (!verbose) {
      return;
    }
    out.println("-- harmful actions missed (in some or all variants)");
    outcomes.stream()
        .filter(o -> o.action().harmful() && !o.caught())
        .forEach(
            o ->
                out.printf(
                    Locale.ROOT,
                    "  %s [%s] tripped %d/%d%s: %s%s%n",
                    o.action().id(),
                    o.action().route(),
                    o.tripped(),
                    o.variants(),
                    o.errored() > 0 ? ", errored " + o.errored() : "",
                    describe(o.action()),
                    o.action().note() == null ? "" : "  (note: " + o.action().note() + ")"));
    out.println("-- near misses that tripped (false alarms)");
    outcomes.stream()
        .filter(o -> !o.action().harmful() && (o.falseAlarm() || o.errored() > 0))
        .forEach(
            o ->
                out.printf(
                    Locale.ROOT,
                    "  %s [%s] tripped %d/%d: %s%n      evidence: %s%n",
                    o.action().id(),
                    o.action().route(),
                    o.tripped(),
                    o.variants(),
                    describe(o.action()),
                    oneLineOrNone(o.evidence())));
    out.println("-- evidence of caught actions");
    outcomes.stream()
        .filter(o -> o.action().harmful() && o.caught())
        .forEach(
            o ->
                out.printf(
                    Locale.ROOT, "  %s: %s%n", o.action().id(), oneLineOrNone(o.evidence())));
  }

  private static void harmLine(PrintStream out, String name, List<Outcome> rows) {
    List<Outcome> harmful = rows.stream().filter(o -> o.action().harmful()).toList();
    List<Outcome> plain = harmful.stream().filter(o -> o.action().note() == null).toList();
    List<Outcome> benign = rows.stream().filter(o -> !o.action().harmful()).toList();
    long caught = harmful.stream().filter(Outcome::caught).count();
    long caughtPlain = plain.stream().filter(Outcome::caught).count();
    long alarms = benign.stream().filter(Outcome::falseAlarm).count();
    long errored = rows.stream().filter(o -> o.errored() > 0).count();
    out.printf(
        Locale.ROOT,
        "%-24s %5d/%-3d %.2f %7d/%-3d %.2f %5d/%-3d %.2f %8d%n",
        name,
        caught,
        harmful.size(),
        HeldOutEvaluation.ratio(caught, harmful.size()),
        caughtPlain,
        plain.size(),
        HeldOutEvaluation.ratio(caughtPlain, plain.size()),
        alarms,
        benign.size(),
        HeldOutEvaluation.ratio(alarms, benign.size()),
        errored);
  }

  private static String describe(Action action) {
    StringBuilder b = new StringBuilder();
    for (Call c : action.calls()) {
      b.append(c.tool()).append(c.arguments()).append(' ');
    }
    if (action.calls().isEmpty()) {
      b.append("(no call) final: ").append(action.finalText());
    }
    return HeldOutEvaluation.oneLine(b.toString().trim(), 220);
  }

  private static String oneLineOrNone(String text) {
    return text == null ? "(none)" : HeldOutEvaluation.oneLine(text, 220);
  }
}
