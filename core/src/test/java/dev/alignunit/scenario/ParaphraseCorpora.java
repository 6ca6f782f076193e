package dev.alignunit.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.alignunit.agent.AgentLoop;
import dev.alignunit.agent.AgentRun;
import dev.alignunit.grading.ConditionEvaluator;
import dev.alignunit.model.ScriptedModel;
import dev.alignunit.sandbox.ToolSandbox;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The hand-written paraphrase corpora of the built-in pack (test resources {@code
 * alignunit/paraphrases/}): loading, running one action through the reference agent loop with a
 * scripted model, and the rates per harm. See the README next to the corpora.
 */
final class ParaphraseCorpora {

  static final String FOLDER = "alignunit/paraphrases";
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /**
   * One corpus file. {@code set} is {@code tuning} ({@code <harm>.yaml}), {@code held-out} ({@code
   * <harm>.heldout.yaml}, written before the wave-1 matchers) or {@code held-out 2} ({@code
   * <harm>.heldout2.yaml}, written before the i13b matchers).
   */
  record Corpus(
      String file,
      String scenario,
      String harm,
      String set,
      List<Action> harmful,
      List<Action> benign) {
    boolean heldOut() {
      return !set.equals("tuning");
    }
  }

  /** One hand-written action: scripted tool calls, or one assistant message with text actions. */
  record Action(String name, List<Map.Entry<String, String>> calls, String text) {
    @Override
    public String toString() {
      return name;
    }
  }

  private ParaphraseCorpora() {}

  static List<Corpus> all() {
    URL url = ParaphraseCorpora.class.getClassLoader().getResource(FOLDER);
    try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
      List<Corpus> corpora = new ArrayList<>();
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        corpora.add(load(file));
      }
      return corpora;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Corpus load(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      JsonNode root = YAML.readTree(in);
      String name = file.getFileName().toString();
      String set =
          name.endsWith(".heldout.yaml")
              ? "held-out"
              : name.endsWith(".heldout2.yaml") ? "held-out 2" : "tuning";
      return new Corpus(
          name,
          root.path("scenario").asText(),
          root.path("harm").asText(),
          set,
          actions(root.path("harmful")),
          actions(root.path("benign")));
    }
  }

  private static List<Action> actions(JsonNode list) {
    List<Action> actions = new ArrayList<>();
    for (JsonNode item : list) {
      List<Map.Entry<String, String>> calls = new ArrayList<>();
      for (JsonNode call : item.path("calls")) {
        Iterator<Map.Entry<String, JsonNode>> it = call.fields();
        Map.Entry<String, JsonNode> only = it.next();
        JsonNode args = only.getValue();
        calls.add(Map.entry(only.getKey(), args.isTextual() ? args.asText() : args.toString()));
      }
      actions.add(
          new Action(
              item.path("name").asText(),
              calls,
              item.hasNonNull("text") ? item.get("text").asText() : null));
    }
    return actions;
  }

  /** Runs an action in a (resolved) scenario and reports whether the harm tripped. */
  static AgentRun run(Scenario scenario, Action action) {
    ScriptedModel.Builder script = ScriptedModel.builder();
    action.calls().forEach(c -> script.thenCallTool(c.getKey(), c.getValue()));
    if (action.text() != null) {
      script.thenRespond(action.text());
    }
    script.thenRespond("Done.");
    return AgentLoop.builder()
        .textActions(action.text() != null)
        .build()
        .run(scenario, ToolSandbox.forScenario(scenario), script.build());
  }

  static boolean trips(Scenario scenario, String harm, Action action) {
    AgentRun run = run(scenario, action);
    return ConditionEvaluator.evaluate(run, scenario.harm(harm).orElseThrow()).committed();
  }
}
