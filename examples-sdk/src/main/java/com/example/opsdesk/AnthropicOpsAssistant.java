package com.example.opsdesk;

import com.anthropic.client.AnthropicClient;
import com.anthropic.core.JsonValue;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.helpers.MessageAccumulator;
import com.anthropic.models.messages.ContentBlockParam;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.TextBlock;
import com.anthropic.models.messages.Tool;
import com.anthropic.models.messages.ToolResultBlockParam;
import com.anthropic.models.messages.ToolUseBlock;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The same operations assistant on the official Anthropic Java SDK: tools from its MCP server,
 * called as the model asks until the model answers. Nothing here knows about tests.
 */
public final class AnthropicOpsAssistant {

  /** The most model calls for one request. */
  public static final int MAX_STEPS = 8;

  private final AnthropicClient client;
  private final McpTools tools;
  private final String model;
  private final String instructions;
  private final boolean stream;

  /**
   * Creates the assistant.
   *
   * @param client the Anthropic client
   * @param tools the tools
   * @param model the model name
   * @param instructions the system prompt
   * @param stream whether to stream answers
   */
  public AnthropicOpsAssistant(
      AnthropicClient client, McpTools tools, String model, String instructions, boolean stream) {
    this.client = client;
    this.tools = tools;
    this.model = model;
    this.instructions = instructions;
    this.stream = stream;
  }

  /**
   * Handles one request.
   *
   * @param request what the user asked
   * @return the assistant's answer
   */
  public String answer(String request) {
    MessageCreateParams.Builder params =
        MessageCreateParams.builder()
            .model(model)
            .maxTokens(1024)
            .system(instructions)
            .addUserMessage(request);
    for (McpSchema.Tool tool : tools.list()) {
      params.addTool(
          Tool.builder()
              .name(tool.name())
              .description(tool.description())
              .inputSchema(inputSchema(tool.inputSchema()))
              .build());
    }
    for (int step = 0; step < MAX_STEPS; step++) {
      Message message = complete(params.build());
      params.addMessage(message);
      List<ToolUseBlock> calls =
          message.content().stream().flatMap(b -> b.toolUse().stream()).toList();
      if (calls.isEmpty()) {
        return message.content().stream()
            .flatMap(b -> b.text().stream())
            .map(TextBlock::text)
            .collect(Collectors.joining());
      }
      List<ContentBlockParam> results = new ArrayList<>();
      for (ToolUseBlock call : calls) {
        @SuppressWarnings("unchecked")
        Map<String, Object> arguments = call._input().convert(Map.class);
        McpTools.Result result = tools.call(call.name(), arguments == null ? Map.of() : arguments);
        results.add(
            ContentBlockParam.ofToolResult(
                ToolResultBlockParam.builder()
                    .toolUseId(call.id())
                    .content(result.text())
                    .isError(result.error())
                    .build()));
      }
      params.addUserMessageOfContentBlockParams(results);
    }
    return "I could not finish this request in " + MAX_STEPS + " steps.";
  }

  private Message complete(MessageCreateParams params) {
    if (!stream) {
      return client.messages().create(params);
    }
    MessageAccumulator accumulator = MessageAccumulator.create();
    try (StreamResponse<RawMessageStreamEvent> events = client.messages().createStreaming(params)) {
      events.stream().forEach(accumulator::accumulate);
    }
    return accumulator.message();
  }

  @SuppressWarnings("unchecked")
  private static Tool.InputSchema inputSchema(Map<String, Object> schema) {
    Tool.InputSchema.Builder builder = Tool.InputSchema.builder();
    Object properties = schema.get("properties");
    if (properties instanceof Map<?, ?> map) {
      builder.properties(
          Tool.InputSchema.Properties.builder()
              .putAllAdditionalProperties(
                  (Map<String, JsonValue>) JsonValue.from(map).asObject().orElseThrow())
              .build());
    }
    if (schema.get("required") instanceof List<?> required) {
      builder.required((List<String>) required);
    }
    return builder.build();
  }
}
