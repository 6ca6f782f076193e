package dev.alignunit.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.alignunit.AlignUnitException;
import dev.alignunit.model.ToolCall;
import dev.alignunit.model.ToolSpec;
import dev.alignunit.scenario.Environment;
import dev.alignunit.scenario.Scenario;
import dev.alignunit.scenario.ToolBehaviour;
import dev.alignunit.scenario.ToolDefinition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The sandboxed tool environment of one agent run: the tools the agent may call, and the ledger of
 * every call it made. Nothing in a sandbox touches a real file, network or process: scenario tools
 * are simulated, and tools a test registers are the test's own objects.
 *
 * <pre>{@code
 * ToolSandbox sandbox = ToolSandbox.forScenario(scenario);
 * sandbox.register(Tool.of(spec, args -> ToolResult.ok("42")));
 * // ... run the agent ...
 * sandbox.calls("send_email");   // every send_email call, in order
 * }</pre>
 *
 * <p>A call to an unknown tool, with arguments that are not a JSON object, or with arguments that
 * violate the tool's JSON Schema (validated with networknt json-schema-validator; every schema is
 * compiled once, when the tool is registered) is not executed: the model gets an error result it
 * can read, such as {@code Invalid arguments for tool 'send_email': $.to: is missing but it is
 * required}, and the ledger records the attempt with outcome {@link
 * ToolCallRecord.Outcome#INVALID_ARGUMENTS}. One sandbox serves one run; it is thread-safe.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ToolSandbox {

  private final String scenarioId;
  private final Map<String, Tool> tools = new LinkedHashMap<>();
  private final Map<String, ArgumentSchema> schemas = new HashMap<>();
  private final List<ToolCallRecord> ledger = new ArrayList<>();
  private Mailbox mailbox;
  private FileTree files;

  private ToolSandbox(String scenarioId) {
    this.scenarioId = scenarioId;
  }

  /**
   * A sandbox with no tools, for tests that register their own.
   *
   * @return the sandbox
   */
  public static ToolSandbox empty() {
    return new ToolSandbox("(no scenario)");
  }

  /**
   * A sandbox holding the scenario's simulated tools (with their rules and sequences) and the
   * fixtures of its {@code environment} (mailbox, files) with their built-in tools.
   *
   * @param scenario the scenario
   * @return the sandbox
   */
  public static ToolSandbox forScenario(Scenario scenario) {
    return builder(scenario).build();
  }

  /**
   * A sandbox holding the scenario's simulated tools and the given environment's fixtures with
   * their built-in tools instead of the scenario's own environment (see {@link
   * Builder#environment(Environment)}).
   *
   * @param scenario the scenario
   * @param environment the fixtures
   * @return the sandbox
   */
  public static ToolSandbox forScenario(Scenario scenario, Environment environment) {
    return builder(scenario).environment(environment).build();
  }

  /**
   * Starts a sandbox for a scenario, to add an environment and tool behaviours.
   *
   * <pre>{@code
   * ToolSandbox sandbox = ToolSandbox.builder(scenario)
   *     .environment(Environment.mailbox("atlas@northwind.example", email1, email2))
   *     .behaviour("search_web", ToolBehaviour.sequence(AfterSequence.ERROR, SimulatedResult.ok("3 hits")))
   *     .build();
   * }</pre>
   *
   * @param scenario the scenario
   * @return the builder
   */
  public static Builder builder(Scenario scenario) {
    return new Builder(Objects.requireNonNull(scenario, "scenario"));
  }

  /**
   * Adds a tool, or replaces a tool of the same name (a test can swap a simulated tool for its own
   * implementation or a mock).
   *
   * @param tool the tool
   * @return this sandbox
   */
  public synchronized ToolSandbox register(Tool tool) {
    Objects.requireNonNull(tool, "tool");
    ArgumentSchema schema = ArgumentSchema.compile(tool.spec());
    tools.put(tool.spec().name(), tool);
    schemas.put(tool.spec().name(), schema);
    return this;
  }

  /**
   * Registers every method of the object annotated {@link
   * dev.alignunit.sandbox.annotation.Tool @Tool} as a tool (replacing tools of the same name). Its
   * schema is derived from the method's signature; see the annotation for the mapping.
   *
   * <pre>{@code
   * sandbox.registerObject(new FakePayments());
   * }</pre>
   *
   * @param target the object
   * @return this sandbox
   * @throws AlignUnitException when the object has no {@code @Tool} method
   */
  public ToolSandbox registerObject(Object target) {
    Objects.requireNonNull(target, "target");
    JavaTools.annotated(target).forEach(this::register);
    return this;
  }

  /**
   * Registers every abstract method of an interface as a tool implemented by {@code target}: a
   * fake, or a Mockito mock (invocations then stay verifiable with {@code verify}). Tool names are
   * the method names in snake_case unless a method carries {@link
   * dev.alignunit.sandbox.annotation.Tool @Tool}; schemas are derived as for {@link
   * #registerObject(Object)}.
   *
   * <pre>{@code
   * PaymentService payments = mock(PaymentService.class);
   * sandbox.registerInterface(PaymentService.class, payments);
   * }</pre>
   *
   * @param type the interface
   * @param target its implementation
   * @param <T> the interface type
   * @return this sandbox
   */
  public <T> ToolSandbox registerInterface(Class<T> type, T target) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(target, "target");
    JavaTools.ofInterface(type, target).forEach(this::register);
    return this;
  }

  /**
   * The tool of that name.
   *
   * @param name the tool's name
   * @return the tool, or empty
   */
  public synchronized Optional<Tool> tool(String name) {
    return Optional.ofNullable(tools.get(name));
  }

  /**
   * The tools as offered to the model, in registration order.
   *
   * @return the specs
   */
  public synchronized List<ToolSpec> toolSpecs() {
    return tools.values().stream().map(Tool::spec).toList();
  }

  /**
   * Executes a tool call of the model and records it.
   *
   * @param call the model's call
   * @param turn the agent turn (from 1)
   * @return what goes back to the model
   */
  public ToolResult execute(ToolCall call, int turn) {
    Objects.requireNonNull(call, "call");
    Tool tool;
    synchronized (this) {
      tool = tools.get(call.name());
    }
    if (tool == null) {
      String message =
          "Unknown tool '"
              + Echo.of(call.name())
              + "'. Available tools: "
              + String.join(", ", tools.keySet())
              + ".";
      return record(
          call, turn, null, ToolResult.error(message), ToolCallRecord.Outcome.UNKNOWN_TOOL);
    }
    JsonNode arguments = ArgumentSchema.parse(call.arguments());
    if (arguments == null || !arguments.isObject()) {
      return record(
          call,
          turn,
          null,
          ToolResult.error(ArgumentSchema.notAnObject(call.name(), call.arguments())),
          ToolCallRecord.Outcome.INVALID_ARGUMENTS);
    }
    ArgumentSchema schema;
    synchronized (this) {
      schema = schemas.get(call.name());
    }
    List<String> violations = schema.violations(arguments);
    if (!violations.isEmpty()) {
      String message =
          "Invalid arguments for tool '" + call.name() + "': " + String.join("; ", violations);
      return record(
          call,
          turn,
          arguments,
          ToolResult.error(message),
          ToolCallRecord.Outcome.INVALID_ARGUMENTS);
    }
    ToolResult result;
    try {
      result = Objects.requireNonNull(tool.call(arguments), "tool returned null");
    } catch (AlignUnitException e) {
      throw e;
    } catch (RuntimeException e) {
      result = ToolResult.error("Tool '" + call.name() + "' failed: " + e.getMessage());
    }
    return record(
        call,
        turn,
        arguments,
        result,
        result.error() ? ToolCallRecord.Outcome.TOOL_ERROR : ToolCallRecord.Outcome.OK);
  }

  /**
   * Records a call that ran outside the sandbox: a tool the agent executed itself after the model
   * asked for it (seen by the loopback model endpoint). It is not executed here; it lands in the
   * ledger like any call, so tripwires see it. The outcome is {@code TOOL_ERROR} when the reported
   * result is an error, else {@code OK}; a call whose result was never reported is recorded with
   * {@link #UNREPORTED_RESULT}.
   *
   * @param call the model's call
   * @param turn the agent turn (from 1)
   * @param result the result the agent reported to the model, or {@code null} when it reported none
   * @return the ledger entry
   */
  public ToolCallRecord recordExternalCall(ToolCall call, int turn, ToolResult result) {
    Objects.requireNonNull(call, "call");
    ToolResult reported = result == null ? ToolResult.ok(UNREPORTED_RESULT) : result;
    JsonNode arguments = ArgumentSchema.parse(call.arguments());
    synchronized (this) {
      record(
          call,
          turn,
          arguments != null && arguments.isObject() ? arguments : null,
          reported,
          reported.error() ? ToolCallRecord.Outcome.TOOL_ERROR : ToolCallRecord.Outcome.OK);
      return ledger.get(ledger.size() - 1);
    }
  }

  /**
   * The ledger's result text of an externally executed call whose result never reached the model,
   * {@value}.
   */
  public static final String UNREPORTED_RESULT =
      "(executed by the agent; no result was sent back to the model)";

  private synchronized ToolResult record(
      ToolCall call,
      int turn,
      JsonNode arguments,
      ToolResult result,
      ToolCallRecord.Outcome outcome) {
    ledger.add(
        new ToolCallRecord(
            ledger.size() + 1,
            turn,
            call.id(),
            call.name(),
            call.arguments(),
            arguments,
            result.content(),
            outcome));
    return result;
  }

  /**
   * Every call recorded so far, in order.
   *
   * @return a snapshot of the ledger
   */
  public synchronized List<ToolCallRecord> calls() {
    return List.copyOf(ledger);
  }

  /**
   * The recorded calls of one tool, in order.
   *
   * @param toolName the tool's name
   * @return the calls
   */
  public synchronized List<ToolCallRecord> calls(String toolName) {
    return ledger.stream().filter(c -> c.name().equals(toolName)).toList();
  }

  /**
   * The ID of the scenario this sandbox was built for.
   *
   * @return the scenario ID
   */
  public String scenarioId() {
    return scenarioId;
  }

  /**
   * The mailbox fixture.
   *
   * @return the mailbox
   * @throws AlignUnitException when the scenario's environment declares no mailbox
   */
  public Mailbox mailbox() {
    if (mailbox == null) {
      throw new AlignUnitException(
          "The sandbox of scenario '"
              + scenarioId
              + "' has no mailbox. Declare one under "
              + "'environment: mailbox:' (an empty list gives an empty inbox) or build the sandbox with "
              + "ToolSandbox.forScenario(scenario, environment).");
    }
    return mailbox;
  }

  /**
   * The file-tree fixture.
   *
   * @return the file tree
   * @throws AlignUnitException when the scenario's environment declares no files
   */
  public FileTree files() {
    if (files == null) {
      throw new AlignUnitException(
          "The sandbox of scenario '"
              + scenarioId
              + "' has no file tree. Declare one under "
              + "'environment: files:' (an empty map gives an empty workspace) or build the sandbox with "
              + "ToolSandbox.forScenario(scenario, environment).");
    }
    return files;
  }

  /**
   * @return whether the sandbox has a mailbox fixture
   */
  public boolean hasMailbox() {
    return mailbox != null;
  }

  /**
   * @return whether the sandbox has a file-tree fixture
   */
  public boolean hasFiles() {
    return files != null;
  }

  /**
   * A snapshot of what the run did to the fixtures (emails sent, files written, escape attempts),
   * for {@link dev.alignunit.agent.AgentRun#effects()} and the graders.
   *
   * @return the effects, empty without fixtures
   */
  public SandboxEffects effects() {
    return new SandboxEffects(
        mailbox == null ? List.of() : mailbox.sent(),
        files == null ? List.of() : files.written(),
        files == null ? List.of() : files.escapeAttempts());
  }

  /**
   * Builds a {@link ToolSandbox}: the scenario's simulated tools (with their behaviours), then the
   * built-in tools of the environment's fixtures.
   */
  public static final class Builder {
    private final Scenario scenario;
    private Environment environment;
    private final Map<String, ToolBehaviour> behaviours = new LinkedHashMap<>();

    private Builder(Scenario scenario) {
      this.scenario = scenario;
      this.environment = scenario.environment();
    }

    /**
     * The fixtures, replacing the scenario's own {@code environment} (the default). A mailbox adds
     * {@link Mailbox#TOOL_NAMES}, files add {@link FileTree#TOOL_NAMES}; a scenario tool with one
     * of those names is an error (the built-in tool would silently lose its effects otherwise).
     *
     * @param value the environment
     * @return this builder
     */
    public Builder environment(Environment value) {
      this.environment = value == null ? Environment.NONE : value;
      return this;
    }

    /**
     * How a scenario tool answers beyond its fixed result, replacing the behaviour its declaration
     * gives ({@link ToolDefinition#behaviour()}, the default).
     *
     * @param toolName the scenario tool's name
     * @param behaviour its behaviour
     * @return this builder
     */
    public Builder behaviour(String toolName, ToolBehaviour behaviour) {
      behaviours.put(
          Objects.requireNonNull(toolName, "toolName"),
          Objects.requireNonNull(behaviour, "behaviour"));
      return this;
    }

    /**
     * Behaviours of several scenario tools, by tool name.
     *
     * @param value the behaviours
     * @return this builder
     */
    public Builder behaviours(Map<String, ToolBehaviour> value) {
      value.forEach(this::behaviour);
      return this;
    }

    /**
     * Builds the sandbox.
     *
     * @return the sandbox
     * @throws AlignUnitException when a behaviour names no scenario tool, or a scenario tool
     *     clashes with a built-in fixture tool
     */
    public ToolSandbox build() {
      ToolSandbox sandbox = new ToolSandbox(scenario.id());
      for (String name : behaviours.keySet()) {
        if (scenario.tool(name).isEmpty()) {
          throw new AlignUnitException(
              "A behaviour is given for tool '"
                  + name
                  + "', but scenario '"
                  + scenario.id()
                  + "' declares no such tool. Its tools: "
                  + String.join(", ", scenario.tools().stream().map(ToolDefinition::name).toList())
                  + ".");
        }
      }
      for (ToolDefinition definition : scenario.tools()) {
        sandbox.register(
            new SimulatedTool(
                definition, behaviours.getOrDefault(definition.name(), definition.behaviour())));
      }
      if (environment.hasMailbox()) {
        sandbox.mailbox = new Mailbox(environment.address(), environment.mailbox());
        install(sandbox, "mailbox", sandbox.mailbox.tools());
      }
      if (environment.hasFiles()) {
        sandbox.files = new FileTree(environment.files());
        install(sandbox, "files", sandbox.files.tools());
      }
      return sandbox;
    }

    private void install(ToolSandbox sandbox, String fixture, List<Tool> builtIns) {
      for (Tool tool : builtIns) {
        if (scenario.tool(tool.spec().name()).isPresent()) {
          throw new AlignUnitException(
              "Scenario '"
                  + scenario.id()
                  + "' ("
                  + scenario.source()
                  + ") declares tool '"
                  + tool.spec().name()
                  + "', which its '"
                  + fixture
                  + "' fixture already provides. Remove the tool from "
                  + "'tools:' (the built-in one records its effects) or rename it.");
        }
        sandbox.register(tool);
      }
    }
  }
}
