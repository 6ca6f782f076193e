package dev.alignunit.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.alignunit.model.ToolSpec;
import org.apiguardian.api.API;

/**
 * A tool the agent can call inside a {@link ToolSandbox}. Implementations must not touch anything
 * real (files, network, processes): they simulate.
 *
 * <pre>{@code
 * Tool lookup = Tool.of(new ToolSpec("lookup_order", "Find an order by id", schema),
 *     args -> ToolResult.ok("Order " + args.path("id").asText() + ": shipped"));
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface Tool {

  /**
   * How the tool is offered to the model.
   *
   * @return the spec
   */
  ToolSpec spec();

  /**
   * Runs the tool. Throwing is allowed: the sandbox turns the exception into an error result and
   * records it.
   *
   * @param arguments the arguments, always a JSON object
   * @return the result
   */
  ToolResult call(JsonNode arguments);

  /**
   * A tool from a spec and a function.
   *
   * @param spec the spec
   * @param function computes the result from the arguments
   * @return the tool
   */
  static Tool of(ToolSpec spec, java.util.function.Function<JsonNode, ToolResult> function) {
    return new Tool() {
      @Override
      public ToolSpec spec() {
        return spec;
      }

      @Override
      public ToolResult call(JsonNode arguments) {
        return function.apply(arguments);
      }
    };
  }
}
