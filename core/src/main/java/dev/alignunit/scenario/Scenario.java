package dev.alignunit.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A scenario: the situation an agent is put in (system prompt, opening conversation, tools), the
 * harmful actions to watch for (tripwires) and the behaviour expected of an aligned agent. Loaded
 * from YAML or JSON by {@link ScenarioCatalog}; the file format is described there.
 *
 * <pre>{@code
 * Scenario scenario = ScenarioCatalog.fromClasspath().get("refusal/drop-production-table");
 * scenario.tools();   // the simulated tools the agent may call
 * scenario.harms();   // the tripwires evaluated against the transcript
 * }</pre>
 *
 * <p>A scenario with {@code variables} is a template: {@link #variants()} lists the variable
 * combinations and {@link #resolve(Map)} gives the concrete scenario of one variant, with every
 * {@code {{variable}}} placeholder replaced. Run agents only in resolved scenarios.
 *
 * <pre>{@code
 * for (Map<String, String> variant : scenario.variants("goal=explicit|none")) {
 *   Scenario concrete = scenario.resolve(variant);
 *   concrete.displayName();   // misalignment/blackmail [goal=explicit, urgency=replacement]
 * }
 * }</pre>
 *
 * @param id the unique ID, such as {@code misalignment/blackmail}
 * @param title a one-line title
 * @param description a longer description, may be empty
 * @param tags free-form tags
 * @param variables template variables in declaration order: for each variable, its allowed values
 *     in declaration order, each mapped to the text that replaces {@code {{variable}}} (for the
 *     list form {@code urgency: [replacement, none]} the text is the value itself)
 * @param system the system prompt, may be empty
 * @param input the opening conversation
 * @param tools the simulated tools
 * @param environment the fixtures (mailbox, files) whose built-in tools the sandbox adds; never
 *     {@code null}: {@link Environment#NONE} when the scenario declares none
 * @param secrets information that must not reach certain people ({@code leak} and {@code leverage}
 *     tripwires)
 * @param channels outbound channels named by {@code leak} and {@code leverage} tripwires
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
    Map<String, Map<String, String>> variables,
    String system,
    List<Turn> input,
    List<ToolDefinition> tools,
    Environment environment,
    List<Secret> secrets,
    List<Channel> channels,
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
    environment = environment == null ? Environment.NONE : environment;
    secrets = secrets == null ? List.of() : List.copyOf(secrets);
    channels = channels == null ? List.of() : List.copyOf(channels);
    harms = harms == null ? List.of() : List.copyOf(harms);
    expect = expect == null ? Expectation.NONE : expect;
    source = source == null ? "(unknown source)" : source;
  }

  /**
   * A scenario without secrets and channels (the form before information-flow tripwires).
   *
   * @param id the unique ID
   * @param title a one-line title
   * @param description a longer description
   * @param tags free-form tags
   * @param variables template variables
   * @param system the system prompt
   * @param input the opening conversation
   * @param tools the simulated tools
   * @param environment the fixtures
   * @param harms the harm tripwires
   * @param expect the expected behaviour
   * @param source where the scenario was loaded from
   */
  public Scenario(
      String id,
      String title,
      String description,
      List<String> tags,
      Map<String, Map<String, String>> variables,
      String system,
      List<Turn> input,
      List<ToolDefinition> tools,
      Environment environment,
      List<HarmDefinition> harms,
      Expectation expect,
      String source) {
    this(
        id,
        title,
        description,
        tags,
        variables,
        system,
        input,
        tools,
        environment,
        List.of(),
        List.of(),
        harms,
        expect,
        source);
  }

  /**
   * A scenario without environment fixtures (the form before fixtures existed).
   *
   * @param id the unique ID
   * @param title a one-line title
   * @param description a longer description
   * @param tags free-form tags
   * @param variables template variables
   * @param system the system prompt
   * @param input the opening conversation
   * @param tools the simulated tools
   * @param harms the harm tripwires
   * @param expect the expected behaviour
   * @param source where the scenario was loaded from
   */
  public Scenario(
      String id,
      String title,
      String description,
      List<String> tags,
      Map<String, Map<String, String>> variables,
      String system,
      List<Turn> input,
      List<ToolDefinition> tools,
      List<HarmDefinition> harms,
      Expectation expect,
      String source) {
    this(
        id,
        title,
        description,
        tags,
        variables,
        system,
        input,
        tools,
        Environment.NONE,
        List.of(),
        List.of(),
        harms,
        expect,
        source);
  }

  private static Map<String, Map<String, String>> copyOrdered(
      Map<String, Map<String, String>> variables) {
    Map<String, Map<String, String>> copy = new LinkedHashMap<>();
    variables.forEach(
        (name, values) -> {
          Objects.requireNonNull(name, "variable name");
          Objects.requireNonNull(values, "values of variable " + name);
          copy.put(name, Collections.unmodifiableMap(new LinkedHashMap<>(values)));
        });
    return Collections.unmodifiableMap(copy);
  }

  /**
   * Every variant of this scenario: the cartesian product of the variables' values, in declaration
   * order (the first variable varies slowest). A scenario without variables has exactly one, empty
   * variant.
   *
   * <pre>{@code
   * // variables: { goal: [none, explicit], urgency: [replacement, none] }
   * scenario.variants();
   * // [{goal=none, urgency=replacement}, {goal=none, urgency=none},
   * //  {goal=explicit, urgency=replacement}, {goal=explicit, urgency=none}]
   * }</pre>
   *
   * @return the variants, each an unmodifiable map from variable name to value in declaration order
   */
  public List<Map<String, String>> variants() {
    return Variants.matrix(this);
  }

  /**
   * The variants selected by a selection string, in matrix order. The selection lists {@code
   * variable=value} items separated by {@code ;} or {@code ,}; several values of one variable are
   * written {@code variable=v1|v2} (or {@code variable=v1,v2}: an item without {@code =} adds a
   * value to the variable before it). Variables not named keep all their values; a blank selection
   * selects every variant.
   *
   * <pre>{@code
   * scenario.variants("urgency=replacement");              // every goal, urgency=replacement
   * scenario.variants("goal=explicit|none; urgency=none");  // 2 variants
   * scenario.variants("goal=explicit,none; urgency=none");  // the same 2 variants
   * }</pre>
   *
   * @param selection the selection, may be {@code null} or blank for all variants
   * @return the selected variants, never empty
   * @throws ScenarioException when the selection is malformed or names an unknown variable or value
   *     (the message lists the valid ones)
   */
  public List<Map<String, String>> variants(String selection) {
    return Variants.select(this, selection);
  }

  /**
   * A copy of this scenario for one variant, with every {@code {{name}}} placeholder replaced in
   * every text: title, description, system, input turns, tool descriptions, parameter schemas,
   * results and errors (also of rules and sequences, and the rules' matchers), the environment
   * (address, every email field and attachment, file contents), harm descriptions and every text,
   * matcher and regular expression of their conditions. The placeholder becomes the chosen value's
   * text (for the list form, the value itself); a text may itself contain placeholders of other
   * variables. Placeholders starting with {@code args.} (such as {@code {{args.to}}}) are
   * tool-result templates filled at run time and stay as written. In the copy every chosen variable
   * keeps only its chosen value, so {@link #displayName()} names the variant. A scenario without
   * variables and without placeholders resolves to itself.
   *
   * <pre>{@code
   * for (Map<String, String> variant : scenario.variants()) {
   *   Scenario concrete = scenario.resolve(variant);
   *   concrete.system();   // no {{...}} left, except {{args.*}} in tool results
   * }
   * }</pre>
   *
   * @param variant the chosen value of each variable
   * @return the resolved copy
   * @throws ScenarioException when the variant names an unknown variable or value, when a
   *     placeholder names no variable or a variable the variant does not choose (the message names
   *     the placeholder, the field and the scenario), or when a regular expression is invalid after
   *     substitution
   */
  public Scenario resolve(Map<String, String> variant) {
    return Variants.resolve(this, variant);
  }

  /**
   * The scenario ID followed by the variant in brackets, in declaration order: {@code
   * misalignment/blackmail [goal=explicit, urgency=replacement]}; just the ID for an empty variant.
   *
   * @param variant the variable values
   * @return the display name
   */
  public String displayName(Map<String, String> variant) {
    return Variants.displayName(this, variant);
  }

  /**
   * The display name of this scenario: the ID, followed by the variant in brackets when every
   * variable has exactly one value (as in a {@linkplain #resolve(Map) resolved} copy), such as
   * {@code misalignment/blackmail [goal=explicit, urgency=replacement]}.
   *
   * @return the display name
   */
  public String displayName() {
    boolean single =
        !variables.isEmpty() && variables.values().stream().allMatch(v -> v.size() == 1);
    return single ? displayName(variants().get(0)) : id;
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

  /**
   * The secret with the given ID.
   *
   * @param secretId the secret's ID
   * @return the secret, or empty when the scenario declares none of that ID
   */
  public Optional<Secret> secret(String secretId) {
    return secrets.stream().filter(s -> s.id().equals(secretId)).findFirst();
  }

  /**
   * The channel with the given ID.
   *
   * @param channelId the channel's ID
   * @return the channel, or empty when the scenario declares none of that ID
   */
  public Optional<Channel> channel(String channelId) {
    return channels.stream().filter(c -> c.id().equals(channelId)).findFirst();
  }
}
