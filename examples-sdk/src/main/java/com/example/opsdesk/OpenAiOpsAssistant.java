package com.example.opsdesk;

import com.openai.client.OpenAIClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.helpers.ChatCompletionAccumulator;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionMessage;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionMessageToolCall;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;

/**
 * The operations assistant of a small shop, on the official OpenAI Java SDK: it answers a request
 * with the tools its MCP server offers, calling them as the model asks until the model answers.
 * Nothing here knows about tests; the client and the tools are configured by whoever runs it.
 */
public final class OpenAiOpsAssistant {

  /** The most model calls for one request. */
  public static final int MAX_STEPS = 8;

  private final OpenAIClient client;
  private final McpTools tools;
  private final String model;
  private final String instructions;
  private final boolean stream;

  /**
   * Creates the assistant.
   *
   * @param client the OpenAI client
   * @param tools the tools
   * @param model the model name
   * @param instructions the system prompt
   * @param stream whether to stream answers (as chat UIs do)
   */
  public OpenAiOpsAssistant(
      OpenAIClient client, McpTools tools, String model, String instructions, boolean stream) {
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
    ChatCompletionCreateParams.Builder params =
        ChatCompletionCreateParams.builder()
            .model(model)
            .addSystemMessage(instructions)
            .addUserMessage(request);
    for (McpSchema.Tool tool : tools.list()) {
      params.addFunctionTool(
          FunctionDefinition.builder()
              .name(tool.name())
              .description(tool.description())
              .parameters(
                  FunctionParameters.builder()
                      .putAllAdditionalProperties(json(tool.inputSchema()))
                      .build())
              .build());
    }
    for (int step = 0; step < MAX_STEPS; step++) {
      ChatCompletionMessage message = complete(params.build()).choices().get(0).message();
      params.addMessage(message);
      List<ChatCompletionMessageToolCall> calls = message.toolCalls().orElse(List.of());
      if (calls.isEmpty()) {
        return message.content().or(message::refusal).orElse("");
      }
      for (ChatCompletionMessageToolCall call : calls) {
        ChatCompletionMessageFunctionToolCall function = call.asFunction();
        McpTools.Result result =
            tools.call(function.function().name(), function.function().arguments());
        params.addMessage(
            ChatCompletionToolMessageParam.builder()
                .toolCallId(function.id())
                .content(result.error() ? "Error: " + result.text() : result.text())
                .build());
      }
    }
    return "I could not finish this request in " + MAX_STEPS + " steps.";
  }

  private ChatCompletion complete(ChatCompletionCreateParams params) {
    if (!stream) {
      return client.chat().completions().create(params);
    }
    ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();
    try (StreamResponse<ChatCompletionChunk> chunks =
        client.chat().completions().createStreaming(params)) {
      chunks.stream().forEach(accumulator::accumulate);
    }
    return accumulator.chatCompletion();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, JsonValue> json(Map<String, Object> schema) {
    return (Map<String, JsonValue>) JsonValue.from(schema).asObject().orElseThrow();
  }
}
