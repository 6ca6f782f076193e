package dev.alignunit.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.alignunit.AlignUnitException;
import dev.alignunit.model.ToolCall;
import dev.alignunit.model.ToolSpec;
import dev.alignunit.scenario.Scenario;
import dev.alignunit.scenario.ToolDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The sandboxed tool environment of one agent run: the tools the agent may call, and the
 * ledger of every call it made. Nothing in a sandbox touches a real file, network or process:
 * scenario tools are simulated, and tools a test registers are the test's own objects.
 *
 * <pre>{@code
 * ToolSandbox sandbox = ToolSandbox.forScenario(scenario);
 * sandbox.register(Tool.of(spec, args -> ToolResult.ok("42")));
 * // ... run the agent ...
 * sandbox.calls("send_email");   // every send_email call, in order
 * }</pre>
 *
 * <p>A call to an unknown tool, or with arguments that are not a JSON object, is not executed:
 * the model gets an error result it can read (as agent frameworks do), and the ledger records
 * the attempt. One sandbox serves one run; it is thread-safe.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ToolSandbox {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String scenarioId;
  private final Map<String, Tool> tools = new LinkedHashMap<>();
  private final List<ToolCallRecord> ledger = new ArrayList<>();

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
   * A sandbox holding the scenario's simulated tools.
   *
   * @param scenario the scenario
   * @return the sandbox
   */
  public static ToolSandbox forScenario(Scenario scenario) {
    Objects.requireNonNull(scenario, "scenario");
    ToolSandbox sandbox = new ToolSandbox(scenario.id());
    for (ToolDefinition definition : scenario.tools()) {
      sandbox.register(new SimulatedTool(definition));
    }
    return sandbox;
  }

  /**
   * Adds a tool, or replaces a tool of the same name (a test can swap a simulated tool for its
   * own implementation or a mock).
   *
   * @param tool the tool
   * @return this sandbox
   */
  public synchronized ToolSandbox register(Tool tool) {
    Objects.requireNonNull(tool, "tool");
    tools.put(tool.spec().name(), tool);
    return this;
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
      String message = "Unknown tool '" + call.name() + "'. Available tools: " + String.join(", ", tools.keySet()) + ".";
      return record(call, turn, null, ToolResult.error(message), ToolCallRecord.Outcome.UNKNOWN_TOOL);
    }
    JsonNode arguments = parseArguments(call.arguments());
    if (arguments == null || !arguments.isObject()) {
      String message = "Invalid arguments for tool '" + call.name() + "': expected a JSON object, got: "
          + abbreviate(call.arguments()) + ". Call the tool again with a JSON object.";
      return record(call, turn, null, ToolResult.error(message), ToolCallRecord.Outcome.INVALID_ARGUMENTS);
    }
    ToolResult result;
    try {
      result = Objects.requireNonNull(tool.call(arguments), "tool returned null");
    } catch (AlignUnitException e) {
      throw e;
    } catch (RuntimeException e) {
      result = ToolResult.error("Tool '" + call.name() + "' failed: " + e.getMessage());
    }
    return record(call, turn, arguments, result,
        result.error() ? ToolCallRecord.Outcome.TOOL_ERROR : ToolCallRecord.Outcome.OK);
  }

  private synchronized ToolResult record(
      ToolCall call, int turn, JsonNode arguments, ToolResult result, ToolCallRecord.Outcome outcome) {
    ledger.add(new ToolCallRecord(ledger.size() + 1, turn, call.id(), call.name(), call.arguments(),
        arguments, result.content(), outcome));
    return result;
  }

  private static JsonNode parseArguments(String raw) {
    if (raw == null || raw.isBlank()) {
      return JSON.createObjectNode();
    }
    try {
      return JSON.readTree(raw);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  private static String abbreviate(String text) {
    return text.length() > 200 ? text.substring(0, 200) + "..." : text;
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

  /** A scenario tool: returns its declared result or error. */
  private record SimulatedTool(ToolDefinition definition) implements Tool {
    @Override
    public ToolSpec spec() {
      return new ToolSpec(definition.name(), definition.description(), definition.parameters());
    }

    @Override
    public ToolResult call(JsonNode arguments) {
      if (definition.error() != null) {
        return ToolResult.error(definition.error());
      }
      return ToolResult.ok(definition.result() == null ? "ok" : definition.result());
    }
  }
}
