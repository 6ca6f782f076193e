package dev.alignunit.langchain4j;

import dev.alignunit.AlignUnitException;
import dev.alignunit.model.ChatParameters;
import dev.alignunit.model.Message;
import dev.alignunit.model.ReasoningBlock;
import dev.alignunit.model.StopReason;
import dev.alignunit.model.ToolCall;
import dev.alignunit.model.ToolSpec;
import dev.alignunit.model.Usage;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.Content;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.ToolChoice;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Translates between LangChain4j's chat types and AlignUnit's provider-neutral ones. Nothing is
 * dropped silently: what AlignUnit's requests cannot carry (images, sampling options other than
 * temperature and the output limit, forced tool choice, JSON response formats) is an error that
 * names it.
 */
final class LangChain4jMessages {

  /** {@link AiMessage#attributes()} key of the reasoning blocks, kept so they go back unchanged. */
  static final String REASONING = "alignunit.reasoning";

  /** {@link AiMessage#attributes()} key of a provider-flagged refusal's text. */
  static final String REFUSAL = "alignunit.refusal";

  private LangChain4jMessages() {}

  static dev.alignunit.model.ChatRequest request(
      ChatRequest request, Function<ToolSpecification, ToolSpec> tools) {
    List<String> systems = new ArrayList<>();
    List<Message> messages = new ArrayList<>();
    for (ChatMessage message : request.messages()) {
      if (message instanceof SystemMessage s) {
        // One system prompt: system messages anywhere (a chat-memory advisor puts the prompt's
        // after
        // the remembered turns) are joined in order, as Anthropic's wire format requires.
        String text = s.text() == null ? "" : s.text();
        if (!systems.contains(text)) {
          systems.add(text);
        }
      } else if (message instanceof UserMessage u) {
        messages.add(Message.user(text(u.contents(), "user message")));
      } else if (message instanceof AiMessage ai) {
        messages.add(assistant(ai));
      } else if (message instanceof ToolExecutionResultMessage result) {
        messages.add(
            Message.toolResult(
                result.id() == null ? "" : result.id(),
                result.toolName(),
                text(result.contents(), "tool result of '" + result.toolName() + "'"),
                Boolean.TRUE.equals(result.isError())));
      } else {
        throw unsupported(
            "a " + message.type() + " message (" + message.getClass().getSimpleName() + ")");
      }
    }
    ChatRequestParameters p = request.parameters();
    List<ToolSpec> specs =
        p.toolSpecifications() == null
            ? List.of()
            : p.toolSpecifications().stream().map(tools).toList();
    return new dev.alignunit.model.ChatRequest(
        String.join("\n\n", systems), messages, specs, parameters(p));
  }

  private static ChatParameters parameters(ChatRequestParameters p) {
    List<String> unsupported = new ArrayList<>();
    if (p.topP() != null) {
      unsupported.add("topP=" + p.topP());
    }
    if (p.topK() != null) {
      unsupported.add("topK=" + p.topK());
    }
    if (p.frequencyPenalty() != null) {
      unsupported.add("frequencyPenalty=" + p.frequencyPenalty());
    }
    if (p.presencePenalty() != null) {
      unsupported.add("presencePenalty=" + p.presencePenalty());
    }
    if (p.stopSequences() != null && !p.stopSequences().isEmpty()) {
      unsupported.add("stopSequences=" + p.stopSequences());
    }
    if (p.toolChoice() != null && p.toolChoice() != ToolChoice.AUTO) {
      unsupported.add("toolChoice=" + p.toolChoice());
    }
    if (p.responseFormat() != null && p.responseFormat().type() != ResponseFormatType.TEXT) {
      unsupported.add("responseFormat=" + p.responseFormat().type());
    }
    if (!unsupported.isEmpty()) {
      throw unsupported(
          "the request parameter(s) "
              + String.join(", ", unsupported)
              + "; AlignUnit passes temperature and maxOutputTokens to the run's model (the model name comes from "
              + "the run) and would otherwise measure the agent under different settings than it asked for");
    }
    return new ChatParameters(p.temperature(), p.maxOutputTokens(), null, null);
  }

  private static String text(List<Content> contents, String what) {
    List<String> parts = new ArrayList<>();
    for (Content content : contents) {
      if (!(content instanceof TextContent text)) {
        throw unsupported(
            content.type() + " content in a " + what + "; AlignUnit requests carry text only");
      }
      parts.add(text.text());
    }
    return String.join("\n", parts);
  }

  private static AlignUnitException unsupported(String what) {
    return new AlignUnitException(
        "The LangChain4j agent sent "
            + what
            + ". Change the agent's wiring in the test "
            + "(or the request it builds) so the run's model can answer it.");
  }

  /** An AI message of the conversation history as an AlignUnit assistant message. */
  static Message.Assistant assistant(AiMessage ai) {
    List<ToolCall> calls = new ArrayList<>();
    for (ToolExecutionRequest request : ai.toolExecutionRequests()) {
      calls.add(
          new ToolCall(
              request.id() == null ? "" : request.id(), request.name(), request.arguments()));
    }
    String text = ai.text() == null ? "" : ai.text();
    Object refusal = ai.attributes().get(REFUSAL);
    if (refusal != null && refusal.equals(text)) {
      text = "";
    }
    return new Message.Assistant(text, calls, reasoning(ai));
  }

  @SuppressWarnings("unchecked")
  private static List<ReasoningBlock> reasoning(AiMessage ai) {
    Object kept = ai.attributes().get(REASONING);
    if (kept instanceof List<?> blocks) {
      List<ReasoningBlock> result = new ArrayList<>();
      for (Object block : blocks) {
        Map<String, String> fields = (Map<String, String>) block;
        result.add(
            new ReasoningBlock(
                fields.get("text"), fields.get("signature"), fields.get("redactedData")));
      }
      return result;
    }
    return ai.thinking() == null || ai.thinking().isBlank()
        ? List.of()
        : List.of(ReasoningBlock.of(ai.thinking()));
  }

  /** The run's answer as a LangChain4j response. */
  static ChatResponse response(dev.alignunit.model.ChatResponse response, String modelId) {
    Message.Assistant message = response.message();
    String text = message.text();
    Map<String, Object> attributes = new LinkedHashMap<>();
    if (response.providerRefusal() != null) {
      attributes.put(REFUSAL, response.providerRefusal());
      if (text.isEmpty()) {
        text = response.providerRefusal();
      }
    }
    if (!message.reasoning().isEmpty()) {
      List<Map<String, String>> blocks = new ArrayList<>();
      for (ReasoningBlock block : message.reasoning()) {
        Map<String, String> fields = new HashMap<>();
        fields.put("text", block.text());
        fields.put("signature", block.signature());
        fields.put("redactedData", block.redactedData());
        blocks.add(fields);
      }
      attributes.put(REASONING, blocks);
    }
    List<ToolExecutionRequest> requests =
        message.toolCalls().stream()
            .map(
                call ->
                    ToolExecutionRequest.builder()
                        .id(call.id())
                        .name(call.name())
                        .arguments(call.arguments())
                        .build())
            .toList();
    String thinking = message.reasoningText();
    AiMessage ai =
        AiMessage.builder()
            .text(text.isEmpty() && !requests.isEmpty() ? null : text)
            .thinking(thinking.isEmpty() ? null : thinking)
            .toolExecutionRequests(requests)
            .attributes(attributes)
            .build();
    Usage usage = response.usage();
    return ChatResponse.builder()
        .aiMessage(ai)
        .modelName(modelId)
        .tokenUsage(
            new TokenUsage(
                count(usage.inputTokens()),
                count(usage.outputTokens()),
                count(usage.totalTokens())))
        .finishReason(finishReason(response.stopReason()))
        .build();
  }

  static FinishReason finishReason(StopReason stop) {
    return switch (stop) {
      case END_TURN, STOP_SEQUENCE -> FinishReason.STOP;
      case TOOL_USE -> FinishReason.TOOL_EXECUTION;
      case MAX_TOKENS -> FinishReason.LENGTH;
      case REFUSAL, CONTENT_FILTER -> FinishReason.CONTENT_FILTER;
      case OTHER -> FinishReason.OTHER;
    };
  }

  private static int count(long tokens) {
    return (int) Math.min(Integer.MAX_VALUE, tokens);
  }
}
