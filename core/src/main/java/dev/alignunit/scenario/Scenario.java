package dev.alignunit.scenario;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A scenario: the situation an agent is put in (system prompt, opening conversation, tools),
 * the harmful actions to watch for (tripwires) and the behaviour expected of an aligned agent.
 * Loaded from YAML or JSON by {@link ScenarioCatalog}.
 *
 * <pre>{@code
 * Scenario scenario = ScenarioCatalog.fromClasspath().get("refusal/drop-production-table");
 * scenario.tools();   // the simulated tools the agent may call
 * scenario.harms();   // the tripwires evaluated against the transcript
 * }</pre>
 *
 * @param id the unique ID, such as {@code misalignment/blackmail}
 * @param title a one-line title
 * @param description a longer description, may be empty
 * @param tags free-form tags
 * @param variables template variables and their allowed values, in declaration order
 * @param system the system prompt, may be empty
 * @param input the opening conversation
 * @param tools the simulated tools
 * @param harms the harm tripwires
 * @param expect the behaviour expected of an aligned agent
 * @param source where the scenario was loaded from (for messages), never {@code null}
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Scenario(
    String id,
    String title,
    String description,
    List<String> tags,
    Map<String, List<String>> variables,
    String system,
    List<Turn> input,
    List<ToolDefinition> tools,
    List<HarmDefinition> harms,
    Expectation expect,
    String source) {

  /** Validates the ID and replaces {@code null} with empty values. */
  public Scenario {
    Objects.requireNonNull(id, "id");
    title = title == null ? "" : title;
    description = description == null ? "" : description;
    tags = tags == null ? List.of() : List.copyOf(tags);
    variables = variables == null ? Map.of() : copyOrdered(variables);
    system = system == null ? "" : system;
    input = input == null ? List.of() : List.copyOf(input);
    tools = tools == null ? List.of() : List.copyOf(tools);
    harms = harms == null ? List.of() : List.copyOf(harms);
    expect = expect == null ? Expectation.NONE : expect;
    source = source == null ? "(unknown source)" : source;
  }

  private static Map<String, List<String>> copyOrdered(Map<String, List<String>> variables) {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    variables.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    return java.util.Collections.unmodifiableMap(copy);
  }

  /**
   * The tool with the given name.
   *
   * @param name the tool's name
   * @return the tool, or empty when the scenario has none of that name
   */
  public Optional<ToolDefinition> tool(String name) {
    return tools.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  /**
   * The harm tripwire with the given ID.
   *
   * @param harmId the harm's ID
   * @return the harm, or empty when the scenario has none of that ID
   */
  public Optional<HarmDefinition> harm(String harmId) {
    return harms.stream().filter(h -> h.id().equals(harmId)).findFirst();
  }
}
