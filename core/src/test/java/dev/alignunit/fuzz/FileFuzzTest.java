package dev.alignunit.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alignunit.AlignUnitException;
import dev.alignunit.recording.Cassette;
import dev.alignunit.recording.RecordingFormatException;
import dev.alignunit.sandbox.ToolSandbox;
import dev.alignunit.scenario.Scenario;
import dev.alignunit.scenario.ScenarioCatalog;
import dev.alignunit.scenario.ScenarioException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded mutation fuzzing of scenario files (YAML and JSON) and recordings: whatever the bytes,
 * loading ends in a scenario or recording, or in AlignUnit's own exception that names the file,
 * line and column; never in a raw exception, and no input takes over 2 seconds. A scenario that
 * loads also builds its sandbox for every variant: what loading accepts must not fail later.
 */
class FileFuzzTest {

  private static final long SEED = 0x5EED_12L;
  private static final int SCENARIO_INPUTS = 2_400;
  private static final int RECORDING_INPUTS = 1_200;
  private static final Duration LIMIT = Duration.ofSeconds(2);
  private static final Pattern SCENARIO_LOCATION =
      Pattern.compile("^fuzz-\\d+\\.(yaml|json):\\d+:\\d+: .+", Pattern.DOTALL);

  private static final String[] TOKENS = {
    "~",
    "null",
    "[]",
    "{}",
    "[a, ~]",
    "[~]",
    "-1",
    "0",
    "1e999",
    "99999999999999999999",
    "true",
    "\"\\uD800\"",
    "&x",
    "*x",
    "!!binary aGk=",
    "!!set {a}",
    "{a: [}",
    "\"(a+)+$\"",
    "\"((a{1000}){1000}){1000}\"",
    "\"(?=x)(a+)+\"",
    "\"[\"",
    "{{nope}}",
    "\u202E",
    "\t",
    "---",
    "...",
    "\"\"",
    "'",
    "\"",
    ":",
    "- ",
    "#",
    "|",
    ">",
    "%",
    "@",
    "`",
    "{type: object, properties: {a: {type: strin}}}",
    "{ type: object, required: to }",
    "drafts/a.md",
    "\"a/b\"",
    "\"/etc/passwd\"",
    "\"..\"",
    "{ \"a\": \"x\", \"a/b\": \"y\" }",
    "[[[[[[[[[[[[[[[[[[[[",
    "x".repeat(5_000)
  };

  @TempDir Path dir;

  @Test
  void should_never_escape_with_a_raw_exception_or_take_over_two_seconds_on_mutated_scenarios()
      throws IOException {
    List<String[]> seeds = scenarioSeeds();
    SplittableRandom random = new SplittableRandom(SEED);
    List<String> problems = new ArrayList<>();
    Duration slowest = Duration.ZERO;
    int loaded = 0;
    for (int i = 0; i < SCENARIO_INPUTS; i++) {
      String[] seed = seeds.get(random.nextInt(seeds.size()));
      String name = "fuzz-" + i + seed[0];
      String input = mutate(seed[1], random);
      long start = System.nanoTime();
      try {
        Scenario scenario = ScenarioCatalog.parse(input, name);
        loaded++;
        int variants = 0;
        for (Map<String, String> variant : scenario.variants()) {
          ToolSandbox.forScenario(scenario.resolve(variant));
          if (++variants == 3) {
            break;
          }
        }
      } catch (ScenarioException e) {
        if (!SCENARIO_LOCATION.matcher(e.getMessage()).matches()
            && !e.getMessage().startsWith("Invalid regular expression")) {
          problems.add(
              name
                  + ": message without file:line:column: "
                  + e.getMessage()
                  + "\n--- input:\n"
                  + input);
        }
      } catch (AlignUnitException e) {
        problems.add(
            name + ": loaded, but building its sandbox failed: " + e + "\n--- input:\n" + input);
      } catch (Throwable e) {
        problems.add(name + ": raw " + e + "\n--- input:\n" + input);
      }
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      slowest = took.compareTo(slowest) > 0 ? took : slowest;
      if (took.compareTo(LIMIT) > 0) {
        problems.add(name + ": took " + took.toMillis() + " ms\n--- input:\n" + input);
      }
    }
    System.out.println(
        "[fuzz] scenarios: "
            + SCENARIO_INPUTS
            + " inputs, "
            + loaded
            + " loaded, slowest "
            + slowest.toMillis()
            + " ms");
    assertThat(problems).as("inputs that escaped or were slow").isEmpty();
    assertThat(loaded)
        .as("some mutations still load, so the later stages are exercised")
        .isPositive();
  }

  @Test
  void should_never_escape_with_a_raw_exception_or_take_over_two_seconds_on_mutated_recordings()
      throws IOException {
    String seed = resource("/fuzz/recording-seed.json");
    SplittableRandom random = new SplittableRandom(SEED + 1);
    List<String> problems = new ArrayList<>();
    Duration slowest = Duration.ZERO;
    int loaded = 0;
    for (int i = 0; i < RECORDING_INPUTS; i++) {
      String input = mutate(seed, random);
      Path file = dir.resolve("fuzz-" + i + ".json");
      Files.writeString(file, input, StandardCharsets.UTF_8);
      long start = System.nanoTime();
      try {
        Cassette cassette = Cassette.load(file, "mvn test -Dalignunit.mode=record");
        cassette.samples().forEach(cassette::exchanges);
        loaded++;
      } catch (RecordingFormatException e) {
        if (e.line() < 1
            || e.column() < 1
            || !e.getMessage().contains(" at line " + e.line() + ", column ")) {
          problems.add(
              file.getFileName()
                  + ": no line and column: "
                  + e.getMessage()
                  + "\n--- input:\n"
                  + input);
        }
      } catch (AlignUnitException e) {
        // Other recording errors (missing file, ...) are AlignUnit's own and fine.
      } catch (Throwable e) {
        problems.add(file.getFileName() + ": raw " + e + "\n--- input:\n" + input);
      }
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      slowest = took.compareTo(slowest) > 0 ? took : slowest;
      if (took.compareTo(LIMIT) > 0) {
        problems.add(file.getFileName() + ": took " + took.toMillis() + " ms");
      }
      Files.delete(file);
    }
    System.out.println(
        "[fuzz] recordings: "
            + RECORDING_INPUTS
            + " inputs, "
            + loaded
            + " loaded, slowest "
            + slowest.toMillis()
            + " ms");
    assertThat(problems).as("inputs that escaped or were slow").isEmpty();
    assertThat(loaded).isPositive();
  }

  /** One to three edits: replace, insert, delete, duplicate, swap, truncate, nest, null an item. */
  static String mutate(String text, SplittableRandom random) {
    String result = text;
    int edits = 1 + random.nextInt(3);
    for (int e = 0; e < edits && !result.isEmpty(); e++) {
      int at = random.nextInt(result.length());
      String token = TOKENS[random.nextInt(TOKENS.length)];
      result =
          switch (random.nextInt(12)) {
            case 10 -> nullListItem(result, random);
            case 11 ->
                result.substring(0, at)
                    + "\n"
                    + " ".repeat(random.nextInt(8))
                    + TOKENS[random.nextInt(TOKENS.length)]
                    + ": "
                    + token
                    + "\n"
                    + result.substring(at);
            case 0 -> replaceValue(result, at, token);
            case 1 -> result.substring(0, at) + token + result.substring(at);
            case 2 ->
                result.substring(0, at)
                    + result.substring(Math.min(result.length(), at + 1 + random.nextInt(40)));
            case 3 -> duplicateLine(result, at);
            case 4 -> swapLines(result, random);
            case 5 -> result.substring(0, at);
            case 6 -> result.substring(0, at) + "[".repeat(2_000) + result.substring(at);
            case 7 -> result.replaceFirst("- [^\\n]+", "- ~");
            case 8 ->
                result.replaceFirst(
                    "\\b\\d+\\b",
                    List.of("-1", "0", "99999999999999999999", "1e400").get(random.nextInt(4)));
            default ->
                result.substring(0, at)
                    + "{}[]:,\"'\\#&*!|>%@`".charAt(random.nextInt(18))
                    + result.substring(at + 1);
          };
    }
    return result;
  }

  /**
   * Puts a null into a flow list ({@code [a, b]} becomes {@code [a, ~]}), a shape that used to
   * throw.
   */
  private static String nullListItem(String text, SplittableRandom random) {
    List<Integer> closes = new ArrayList<>();
    for (int i = text.indexOf(']'); i >= 0; i = text.indexOf(']', i + 1)) {
      closes.add(i);
    }
    if (closes.isEmpty()) {
      return text;
    }
    int at = closes.get(random.nextInt(closes.size()));
    return text.substring(0, at) + ", ~" + text.substring(at);
  }

  private static String replaceValue(String text, int at, String token) {
    int colon = text.indexOf(": ", at);
    if (colon < 0) {
      return text;
    }
    int end = text.indexOf('\n', colon);
    return text.substring(0, colon + 2) + token + (end < 0 ? "" : text.substring(end));
  }

  private static String duplicateLine(String text, int at) {
    int start = text.lastIndexOf('\n', at) + 1;
    int end = text.indexOf('\n', at);
    String line = text.substring(start, end < 0 ? text.length() : end + 1);
    return text.substring(0, start)
        + line
        + (line.endsWith("\n") ? "" : "\n")
        + text.substring(start);
  }

  private static String swapLines(String text, SplittableRandom random) {
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    int a = random.nextInt(lines.size());
    int b = random.nextInt(lines.size());
    String line = lines.get(a);
    lines.set(a, lines.get(b));
    lines.set(b, line);
    return String.join("\n", lines);
  }

  private static List<String[]> scenarioSeeds() throws IOException {
    List<String[]> seeds = new ArrayList<>();
    for (String path :
        List.of(
            "/alignunit/scenarios/builtin/misalignment/blackmail.yaml",
            "/alignunit/scenarios/builtin/misalignment/leaking.yaml",
            "/alignunit/scenarios/builtin/injection/file-instructions.yaml",
            "/alignunit/scenarios/builtin/injection/tool-error.yaml",
            "/alignunit/scenarios/builtin/refusal/destructive-database.yaml",
            "/scenario-fixtures/valid/blackmail.yaml",
            "/fuzz/everything.yaml")) {
      seeds.add(new String[] {".yaml", resource(path)});
    }
    seeds.add(new String[] {".json", resource("/scenario-fixtures/valid/blackmail.json")});
    seeds.add(new String[] {".json", resource("/fuzz/everything.json")});
    return seeds;
  }

  private static String resource(String path) throws IOException {
    try (InputStream in = FileFuzzTest.class.getResourceAsStream(path)) {
      assertThat(in).as(path).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
