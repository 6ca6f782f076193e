package dev.alignunit.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.alignunit.agent.AgentRun;
import dev.alignunit.agent.RunStatus;
import dev.alignunit.grading.ReasoningDetector;
import dev.alignunit.grading.ReasoningVerdict;
import dev.alignunit.grading.RefusalDetector;
import dev.alignunit.grading.RefusalLabel;
import dev.alignunit.grading.RefusalVerdict;
import dev.alignunit.model.Message;
import dev.alignunit.scenario.Scenario;
import dev.alignunit.scenario.ScenarioCatalog;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Measures the heuristic refusal and reasoning detectors and the harm tripwires of the built-in
 * pack on the red team's held-out set ({@code benchmarks/heldout/}, hand-written from the
 * documented contract, never seen by the detectors' authors). It prints figures; it never fails on
 * a figure: these are measurements, not targets (BENCHMARKS.md, "Held-out evaluation (red team)").
 *
 * <p>Uses public API only: {@link RefusalDetector#heuristic()}, {@link
 * ReasoningDetector#heuristic()}, {@link AgentRun#builder(Scenario)}, and for harms the scripted
 * model, {@code AgentLoop} and {@code HarmDetector} (see {@link HeldOutHarms}).
 *
 * <p>Run from the repository root (the reactor also runs it in {@code mvn verify}, from the {@code
 * benchmarks} module directory):
 *
 * <pre>
 * mvn -B -q -o -pl core,benchmarks -am package -DskipTests
 * mvn -B -q -o -pl core dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=runtime
 * java -cp "benchmarks/target/classes:core/target/classes:$(cat /tmp/cp.txt)" \
 *     dev.alignunit.benchmarks.HeldOutEvaluation [heldoutDir] [--verbose]
 * </pre>
 *
 * {@code heldoutDir} defaults to {@code benchmarks/heldout} (or {@code heldout} when run from the
 * module directory). {@code --verbose} lists every misread row with its text (for the red team's
 * report); without it only figures and counts are printed, so that build logs do not show the
 * held-out rows to the developers who must not read them.
 */
public final class HeldOutEvaluation {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final String DEFAULT_SYSTEM = "You are a helpful assistant.";
  private static final String NOT_RECOGNISED = "language not recognised";

  /** Categories whose expected verdict graders.md documents as outside the heuristic's reach. */
  private static final List<String> DOCUMENTED_LIMITS =
      List.of("implicit-decline", "conditional-withhold");

  private HeldOutEvaluation() {}

  /**
   * One labelled answer of {@code refusal-heldout.jsonl}.
   *
   * @param id row id
   * @param category category
   * @param language language code
   * @param text the answer
   * @param label the true label
   * @param explains whether a reason is given, {@code null} where the definitions do not settle it
   * @param context the request, or {@code null}
   * @param system the agent's system prompt, or {@code null}
   */
  record Row(
      String id,
      String category,
      String language,
      String text,
      RefusalLabel label,
      Boolean explains,
      String context,
      String system) {}

  /**
   * A row with the detectors' verdicts.
   *
   * @param row the row
   * @param refusal the refusal verdict, {@code null} when the detector threw
   * @param reasoning the reasoning verdict, {@code null} when the detector threw
   * @param error the detector's exception message, or {@code null}
   */
  record Graded(Row row, RefusalVerdict refusal, ReasoningVerdict reasoning, String error) {

    boolean errored() {
      return error != null;
    }

    boolean binaryRight() {
      return !errored() && declines(row.label()) == declines(refusal.label());
    }

    boolean threeWayRight() {
      return !errored() && row.label() == refusal.label();
    }

    boolean languageNotRecognised() {
      return !errored() && refusal.reason().contains(NOT_RECOGNISED);
    }
  }

  /**
   * Runs the evaluation.
   *
   * @param args optional held-out folder and {@code --verbose}
   * @throws IOException when a data file cannot be read
   */
  public static void main(String[] args) throws IOException {
    Path dir = null;
    boolean verbose = false;
    for (String arg : args) {
      if (arg.equals("--verbose")) {
        verbose = true;
      } else {
        dir = Path.of(arg);
      }
    }
    if (dir == null) {
      dir =
          Files.isDirectory(Path.of("benchmarks/heldout"))
              ? Path.of("benchmarks/heldout")
              : Path.of("heldout");
    }
    PrintStream out = System.out;
    out.println("Held-out evaluation (red team), data: " + dir.toAbsolutePath().normalize());
    out.println(
        "java "
            + System.getProperty("java.version")
            + ", "
            + Runtime.getRuntime().availableProcessors()
            + " processors, "
            + System.getProperty("os.arch"));
    List<Row> rows = readRows(dir.resolve("refusal-heldout.jsonl"));
    List<Graded> graded = gradeAll(rows, false);
    reportRefusals(graded, verbose, out);
    List<Row> named = rows.stream().filter(r -> r.category().equals("agent-name")).toList();
    out.printf(
        Locale.ROOT,
        "-- agent-name rows when only the run (not its scenario) has the system prompt: %d/%d right%n",
        gradeAll(named, true).stream().filter(Graded::threeWayRight).count(),
        named.size());
    reportReasoning(graded, verbose, out);
    HeldOutHarms.report(HeldOutHarms.readActions(dir.resolve("harm-heldout.jsonl")), verbose, out);
  }

  static List<Row> readRows(Path file) throws IOException {
    List<Row> rows = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode n = JSON.readTree(line);
      JsonNode explains = n.path("explains");
      rows.add(
          new Row(
              n.get("id").asText(),
              n.get("category").asText(),
              n.get("language").asText(),
              n.get("text").asText(),
              RefusalLabel.valueOf(n.get("label").asText()),
              explains.isBoolean() ? explains.asBoolean() : null,
              n.hasNonNull("context") ? n.get("context").asText() : null,
              n.hasNonNull("system") ? n.get("system").asText() : null));
    }
    return rows;
  }

  /**
   * Grades every row. The agent's system prompt is both the scenario's and the run's, as in a run
   * of a scenario; with {@code nameOnlyInRun} the scenario keeps the default prompt and only the
   * run carries the row's (a run built by hand, or an agent with its own system prompt).
   */
  static List<Graded> gradeAll(List<Row> rows, boolean nameOnlyInRun) {
    Map<String, Scenario> holders = new HashMap<>();
    RefusalDetector refusals = RefusalDetector.heuristic();
    ReasoningDetector reasons = ReasoningDetector.heuristic();
    List<Graded> graded = new ArrayList<>();
    for (Row row : rows) {
      String system = row.system() == null ? DEFAULT_SYSTEM : row.system();
      Scenario holder =
          holders.computeIfAbsent(
              nameOnlyInRun ? DEFAULT_SYSTEM : system, HeldOutEvaluation::holder);
      AgentRun run =
          AgentRun.builder(holder)
              .system(system)
              .messages(
                  List.of(
                      Message.user(
                          row.context() == null ? "(request not recorded)" : row.context()),
                      Message.assistant(row.text())))
              .status(RunStatus.COMPLETED)
              .turns(1)
              .build();
      try {
        graded.add(new Graded(row, refusals.detect(run), reasons.detect(run), null));
      } catch (RuntimeException e) {
        graded.add(
            new Graded(row, null, null, e.getClass().getSimpleName() + ": " + e.getMessage()));
      }
    }
    return graded;
  }

  private static Scenario holder(String system) {
    return ScenarioCatalog.parse(
        "id: redteam/heldout-answers\n"
            + "title: Hand-written held-out answers (AlignUnit red team), graded one by one\n"
            + "system: |\n  "
            + system
            + "\n"
            + "input:\n  - user: (the request is given per row)\n",
        "heldout-answers.yaml");
  }

  static boolean declines(RefusalLabel label) {
    return label == RefusalLabel.REFUSAL || label == RefusalLabel.PARTIAL;
  }

  private static void reportRefusals(List<Graded> all, boolean verbose, PrintStream out) {
    List<Graded> scored =
        all.stream()
            .filter(
                g ->
                    g.row().label() != RefusalLabel.EMPTY
                        && !g.row().category().equals("other-language"))
            .toList();
    List<Graded> withinContract =
        scored.stream().filter(g -> !DOCUMENTED_LIMITS.contains(g.row().category())).toList();
    out.println();
    out.println(
        "== Refusal labels (binary: COMPLIANCE vs REFUSAL/PARTIAL; three-way: exact label) ==");
    out.printf(
        Locale.ROOT, "%-44s %5s %15s %15s %7s%n", "slice", "n", "binary", "three-way", "errored");
    line(out, "all scored rows (en/de/fr/es)", scored);
    line(out, "  excluding documented limits", withinContract);
    out.println("-- by category");
    groupBy(scored, g -> g.row().category()).forEach((k, v) -> line(out, "  " + k, v));
    out.println("-- by language");
    groupBy(scored, g -> g.row().language()).forEach((k, v) -> line(out, "  " + k, v));
    out.println("-- by true label");
    groupBy(scored, g -> g.row().label().name()).forEach((k, v) -> line(out, "  " + k, v));
    out.println("-- confusion (rows: true label, columns: detector)");
    out.printf(
        Locale.ROOT,
        "  %-11s %8s %8s %11s %6s %8s%n",
        "",
        "REFUSAL",
        "PARTIAL",
        "COMPLIANCE",
        "EMPTY",
        "errored");
    for (RefusalLabel truth :
        List.of(RefusalLabel.REFUSAL, RefusalLabel.PARTIAL, RefusalLabel.COMPLIANCE)) {
      int[] counts = new int[RefusalLabel.values().length + 1];
      scored.stream()
          .filter(g -> g.row().label() == truth)
          .forEach(
              g ->
                  counts[
                      g.errored()
                          ? RefusalLabel.values().length
                          : g.refusal().label().ordinal()]++);
      out.printf(
          Locale.ROOT,
          "  %-11s %8d %8d %11d %6d %8d%n",
          truth,
          counts[RefusalLabel.REFUSAL.ordinal()],
          counts[RefusalLabel.PARTIAL.ordinal()],
          counts[RefusalLabel.COMPLIANCE.ordinal()],
          counts[RefusalLabel.EMPTY.ordinal()],
          counts[RefusalLabel.values().length]);
    }
    List<Graded> empty = all.stream().filter(g -> g.row().label() == RefusalLabel.EMPTY).toList();
    out.printf(
        Locale.ROOT,
        "-- wordless answers labelled EMPTY: %d/%d%n",
        empty.stream().filter(Graded::threeWayRight).count(),
        empty.size());
    List<Graded> other =
        all.stream().filter(g -> g.row().category().equals("other-language")).toList();
    out.printf(
        Locale.ROOT,
        "-- other languages (it, nl): verdict says '%s': %d/%d (documented behaviour)%n",
        NOT_RECOGNISED,
        other.stream().filter(Graded::languageNotRecognised).count(),
        other.size());
    groupBy(other, g -> g.row().language())
        .forEach(
            (k, v) ->
                out.printf(
                    Locale.ROOT,
                    "     %s: %d/%d%n",
                    k,
                    v.stream().filter(Graded::languageNotRecognised).count(),
                    v.size()));
    out.println(
        "-- misread rows by category (true -> detector: reason | text; texts with --verbose)");
    List<Graded> wrong = new ArrayList<>(scored.stream().filter(g -> !g.threeWayRight()).toList());
    wrong.addAll(empty.stream().filter(g -> !g.threeWayRight()).toList());
    wrong.addAll(other.stream().filter(g -> !g.languageNotRecognised()).toList());
    groupBy(wrong, g -> g.row().category())
        .forEach(
            (category, rows) -> {
              out.printf(Locale.ROOT, "  [%s] %d misread%n", category, rows.size());
              rows.stream()
                  .limit(verbose ? Long.MAX_VALUE : 0)
                  .forEach(
                      g ->
                          out.printf(
                              Locale.ROOT,
                              "    %s %s -> %s: %s | %s%n",
                              g.row().id(),
                              g.row().label(),
                              g.errored() ? "ERRORED" : g.refusal().label(),
                              g.errored() ? g.error() : g.refusal().reason(),
                              oneLine(g.row().text())));
            });
  }

  private static void reportReasoning(List<Graded> all, boolean verbose, PrintStream out) {
    List<Graded> labelled =
        all.stream()
            .filter(g -> g.row().explains() != null && !g.errored())
            .filter(g -> g.row().label() != RefusalLabel.EMPTY)
            .toList();
    List<Graded> declining = labelled.stream().filter(g -> declines(g.row().label())).toList();
    out.println();
    out.println(
        "== Reasoning (explains true/false; rows whose 'explains' is null are left out) ==");
    out.printf(
        Locale.ROOT,
        "%-44s %5s %9s %9s %9s %9s %8s%n",
        "slice",
        "n",
        "true R",
        "false R",
        "balanced",
        "accuracy",
        "true/false");
    reasonLine(
        out, "ReasoningDetector on declining rows", declining, g -> g.reasoning().explains());
    groupBy(declining, g -> g.row().language())
        .forEach((k, v) -> reasonLine(out, "  language " + k, v, g -> g.reasoning().explains()));
    groupBy(declining, g -> g.row().category())
        .forEach((k, v) -> reasonLine(out, "  category " + k, v, g -> g.reasoning().explains()));
    reasonLine(
        out,
        "refused AND explains, all labelled rows",
        labelled,
        g -> declines(g.refusal().label()) && g.reasoning().explains());
    reasonLine(
        out, "ReasoningDetector alone, all labelled rows", labelled, g -> g.reasoning().explains());
    out.printf(
        Locale.ROOT,
        "-- misread reasons on declining rows: %d (texts with --verbose)%n",
        declining.stream().filter(g -> g.reasoning().explains() != g.row().explains()).count());
    declining.stream()
        .filter(g -> g.reasoning().explains() != g.row().explains())
        .limit(verbose ? Long.MAX_VALUE : 0)
        .forEach(
            g ->
                out.printf(
                    Locale.ROOT,
                    "    %s explains=%s -> %s: %s | %s%n",
                    g.row().id(),
                    g.row().explains(),
                    g.reasoning().explains(),
                    g.reasoning().reason(),
                    oneLine(g.row().text())));
  }

  private static void line(PrintStream out, String name, List<Graded> rows) {
    long binary = rows.stream().filter(Graded::binaryRight).count();
    long three = rows.stream().filter(Graded::threeWayRight).count();
    long errored = rows.stream().filter(Graded::errored).count();
    out.printf(
        Locale.ROOT,
        "%-44s %5d %6d (%.3f) %6d (%.3f) %7d%n",
        name,
        rows.size(),
        binary,
        ratio(binary, rows.size()),
        three,
        ratio(three, rows.size()),
        errored);
  }

  private static void reasonLine(
      PrintStream out, String name, List<Graded> rows, Function<Graded, Boolean> predicted) {
    long tp = 0, pos = 0, tn = 0, neg = 0;
    for (Graded g : rows) {
      boolean p = predicted.apply(g);
      if (g.row().explains()) {
        pos++;
        tp += p ? 1 : 0;
      } else {
        neg++;
        tn += p ? 0 : 1;
      }
    }
    double recallTrue = ratio(tp, pos);
    double recallFalse = ratio(tn, neg);
    double balanced =
        pos == 0 ? recallFalse : neg == 0 ? recallTrue : (recallTrue + recallFalse) / 2;
    out.printf(
        Locale.ROOT,
        "%-44s %5d %9s %9s %9.3f %9.3f %4d/%d%n",
        name,
        rows.size(),
        pos == 0 ? "-" : String.format(Locale.ROOT, "%.3f", recallTrue),
        neg == 0 ? "-" : String.format(Locale.ROOT, "%.3f", recallFalse),
        balanced,
        ratio(tp + tn, rows.size()),
        pos,
        neg);
  }

  static <T> Map<String, List<T>> groupBy(List<T> items, Function<T, String> key) {
    Map<String, List<T>> groups = new TreeMap<>();
    for (T item : items) {
      groups.computeIfAbsent(key.apply(item), k -> new ArrayList<>()).add(item);
    }
    return groups;
  }

  static double ratio(long a, long b) {
    return b == 0 ? 0 : (double) a / b;
  }

  static String oneLine(String text) {
    return oneLine(text, 110);
  }

  static String oneLine(String text, int max) {
    String flat = text.replace("\n", " / ");
    return flat.length() > max ? flat.substring(0, max - 3) + "..." : flat;
  }
}
