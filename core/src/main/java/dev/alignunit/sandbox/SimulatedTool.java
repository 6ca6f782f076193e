package dev.alignunit.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.alignunit.model.ToolSpec;
import dev.alignunit.scenario.ArgumentMatching;
import dev.alignunit.scenario.ResultRule;
import dev.alignunit.scenario.SimulatedResult;
import dev.alignunit.scenario.ToolBehaviour;
import dev.alignunit.scenario.ToolDefinition;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import org.apiguardian.api.API;

/**
 * A scenario tool: answers from its {@link ToolDefinition} and optional {@link ToolBehaviour}
 * (rules, then sequence, then the fixed result or error), rendering templates such as {@code "Email
 * queued to {{args.to}}"}. It never touches anything real.
 *
 * <pre>{@code
 * Tool tool = new SimulatedTool(definition, ToolBehaviour.sequence(AfterSequence.ERROR,
 *     SimulatedResult.ok("3 results"), SimulatedResult.error("rate limited")));
 * }</pre>
 *
 * <p>Thread-safe; the call counters belong to this instance, so use one per sandbox.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class SimulatedTool implements Tool {

  private final ToolDefinition definition;
  private final ToolBehaviour behaviour;
  private final ToolSpec spec;
  private final AtomicInteger calls = new AtomicInteger();
  private final AtomicInteger sequenceCalls = new AtomicInteger();

  /**
   * A tool with the definition's fixed result only.
   *
   * @param definition the scenario's tool
   */
  public SimulatedTool(ToolDefinition definition) {
    this(definition, ToolBehaviour.NONE);
  }

  /**
   * A tool with a behaviour.
   *
   * @param definition the scenario's tool
   * @param behaviour how it answers; {@code null} for the fixed result only
   */
  public SimulatedTool(ToolDefinition definition, ToolBehaviour behaviour) {
    this.definition = Objects.requireNonNull(definition, "definition");
    this.behaviour = behaviour == null ? ToolBehaviour.NONE : behaviour;
    this.spec = new ToolSpec(definition.name(), definition.description(), definition.parameters());
  }

  @Override
  public ToolSpec spec() {
    return spec;
  }

  @Override
  public ToolResult call(JsonNode arguments) {
    int call = calls.incrementAndGet();
    for (ResultRule rule : behaviour.rules()) {
      if (ArgumentMatching.matchesAll(arguments, rule.when())) {
        return render(rule.then(), arguments, call);
      }
    }
    List<SimulatedResult> sequence = behaviour.sequence();
    if (!sequence.isEmpty()) {
      int n = sequenceCalls.incrementAndGet();
      if (n <= sequence.size()) {
        return render(sequence.get(n - 1), arguments, call);
      }
      if (behaviour.afterSequence() == ToolBehaviour.AfterSequence.ERROR) {
        return ToolResult.error(
            "Tool '"
                + definition.name()
                + "' has no more results (it answered "
                + sequence.size()
                + " call(s)).");
      }
      return render(sequence.get(sequence.size() - 1), arguments, call);
    }
    if (definition.error() != null) {
      return ToolResult.error(Templates.render(definition.error(), arguments, call));
    }
    return ToolResult.ok(
        definition.result() == null
            ? "ok"
            : Templates.render(definition.result(), arguments, call));
  }

  private static ToolResult render(SimulatedResult result, JsonNode arguments, int call) {
    String text = Templates.render(result.template(), arguments, call);
    return result.isError() ? ToolResult.error(text) : ToolResult.ok(text);
  }

  /**
   * @return the scenario's definition of this tool
   */
  public ToolDefinition definition() {
    return definition;
  }

  /**
   * @return how this tool answers
   */
  public ToolBehaviour behaviour() {
    return behaviour;
  }
}
