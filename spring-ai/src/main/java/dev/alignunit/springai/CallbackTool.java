package dev.alignunit.springai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.alignunit.model.ToolSpec;
import dev.alignunit.sandbox.Tool;
import dev.alignunit.sandbox.ToolResult;
import org.springframework.ai.chat.model.ToolContext;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.execution.DefaultToolExecutionExceptionProcessor;
import org.springframework.ai.tool.execution.ToolExecutionException;
import org.springframework.ai.tool.execution.ToolExecutionExceptionProcessor;

/**
 * An application's Spring AI tool callback (for example a {@code MethodToolCallback} over an
 * {@code @Tool} bean method) as a sandbox tool: the sandbox validates, records and trips on the
 * call, then the callback itself converts the arguments and invokes the method, exactly as Spring
 * AI would, so a Mockito mock or spy records the invocation.
 */
final class CallbackTool implements Tool {

  /** The raw input and tool context of the call in flight on this thread. */
  static final class Invocation {
    final String input;
    final ToolContext toolContext;
    final ToolExecutionExceptionProcessor processor;
    RuntimeException failure;

    Invocation(String input, ToolContext toolContext, ToolExecutionExceptionProcessor processor) {
      this.input = input;
      this.toolContext = toolContext;
      this.processor = processor;
    }
  }

  static final ThreadLocal<Invocation> CURRENT = new ThreadLocal<>();

  static final ToolExecutionExceptionProcessor DEFAULT_PROCESSOR =
      DefaultToolExecutionExceptionProcessor.builder().build();

  private final ToolCallback callback;
  private final ToolSpec spec;

  CallbackTool(ToolCallback callback) {
    this.callback = callback;
    this.spec = SpringAiMessages.spec(callback.getToolDefinition());
  }

  ToolCallback callback() {
    return callback;
  }

  @Override
  public ToolSpec spec() {
    return spec;
  }

  @Override
  public ToolResult call(JsonNode arguments) {
    Invocation invocation = CURRENT.get();
    String input = invocation != null ? invocation.input : arguments.toString();
    try {
      String result = callback.call(input, invocation != null ? invocation.toolContext : null);
      return ToolResult.ok(result == null ? "" : result);
    } catch (ToolExecutionException e) {
      // The agent's exception processor decides what the model reads, as in Spring AI's own
      // manager; when it throws instead, the ledger callback rethrows after the call is recorded.
      ToolExecutionExceptionProcessor processor =
          invocation != null ? invocation.processor : DEFAULT_PROCESSOR;
      try {
        return ToolResult.error(processor.process(e));
      } catch (RuntimeException thrown) {
        if (invocation != null) {
          invocation.failure = thrown;
        }
        return ToolResult.error(e.getMessage() == null ? e.getClass().getName() : e.getMessage());
      }
    }
  }
}
