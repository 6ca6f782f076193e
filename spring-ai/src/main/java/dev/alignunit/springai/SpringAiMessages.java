package dev.alignunit.springai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.alignunit.AlignUnitException;
import dev.alignunit.model.ChatParameters;
import dev.alignunit.model.Message;
import dev.alignunit.model.ReasoningBlock;
import dev.alignunit.model.StopReason;
import dev.alignunit.model.ToolCall;
import dev.alignunit.model.ToolSpec;
import dev.alignunit.model.Usage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.metadata.ChatGenerationMetadata;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.DefaultUsage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.StructuredOutputChatOptions;
import org.springframework.ai.support.UsageCalculator;
import org.springframework.ai.tool.definition.ToolDefinition;

/**
 * Translates between Spring AI's chat types and AlignUnit's provider-neutral ones. Nothing is
 * dropped silently: what AlignUnit's requests cannot carry (media, sampling options other than
 * temperature and max tokens, native structured output) is an error that names it.
 */
final class SpringAiMessages {

  /**
   * {@link AssistantMessage#getMetadata()} key of the reasoning text, as Spring AI's OpenAI module
   * names it.
   */
  static final String REASONING_CONTENT = "reasoningContent";

  /** Metadata key of the reasoning blocks, kept so they go back to the model unchanged. */
  static final String REASONING = "alignunit.reasoning";

  /** Metadata key of a provider-flagged refusal's text. */
  static final String REFUSAL = "refusal";

  private static final ObjectMapper JSON = new ObjectMapper();

  private SpringAiMessages() {}

  static dev.alignunit.model.ChatRequest request(
      Prompt prompt, List<ToolSpec> tools, Predicate<String> failedCall) {
    List<String> systems = new ArrayList<>();
    List<Message> messages = new ArrayList<>();
    for (org.springframework.ai.chat.messages.Message message : prompt.getInstructions()) {
      if (message instanceof SystemMessage s) {
        // One system prompt: system messages anywhere (a chat-memory advisor puts the prompt's
        // after
        // the remembered turns) are joined in order, as Anthropic's wire format requires.
        String text = s.getText() == null ? "" : s.getText();
        if (!systems.contains(text)) {
          systems.add(text);
        }
      } else if (message instanceof UserMessage u) {
        if (!u.getMedia().isEmpty()) {
          throw unsupported("media in a user message; AlignUnit requests carry text only");
        }
        messages.add(Message.user(u.getText() == null ? "" : u.getText()));
      } else if (message instanceof AssistantMessage a) {
        messages.add(assistant(a));
      } else if (message instanceof ToolResponseMessage t) {
        for (ToolResponseMessage.ToolResponse response : t.getResponses()) {
          messages.add(
              Message.toolResult(
                  response.id() == null ? "" : response.id(),
                  response.name(),
                  response.responseData(),
                  failedCall.test(response.id())));
        }
      } else {
        throw unsupported(
            "a "
                + message.getMessageType()
                + " message ("
                + message.getClass().getSimpleName()
                + ")");
      }
    }
    return new dev.alignunit.model.ChatRequest(
        String.join("\n\n", systems), messages, tools, parameters(prompt.getOptions()));
  }

  private static ChatParameters parameters(ChatOptions options) {
    if (options == null) {
      return ChatParameters.DEFAULTS;
    }
    List<String> unsupported = new ArrayList<>();
    if (options.getTopP() != null) {
      unsupported.add("topP=" + options.getTopP());
    }
    if (options.getTopK() != null) {
      unsupported.add("topK=" + options.getTopK());
    }
    if (options.getFrequencyPenalty() != null) {
      unsupported.add("frequencyPenalty=" + options.getFrequencyPenalty());
    }
    if (options.getPresencePenalty() != null) {
      unsupported.add("presencePenalty=" + options.getPresencePenalty());
    }
    if (options.getStopSequences() != null && !options.getStopSequences().isEmpty()) {
      unsupported.add("stopSequences=" + options.getStopSequences());
    }
    if (options instanceof StructuredOutputChatOptions structured
        && structured.getOutputSchema() != null) {
      unsupported.add("outputSchema (native structured output)");
    }
    if (!unsupported.isEmpty()) {
      throw unsupported(
          "the chat option(s) "
              + String.join(", ", unsupported)
              + "; AlignUnit passes temperature "
              + "and maxTokens to the run's model (the model name comes from the run) and would otherwise measure the "
              + "agent under different settings than it asked for");
    }
    return new ChatParameters(options.getTemperature(), options.getMaxTokens(), null, null);
  }

  private static AlignUnitException unsupported(String what) {
    return new AlignUnitException(
        "The Spring AI agent sent "
            + what
            + ". Change the agent's options in the test "
            + "(or the prompt it builds) so the run's model can answer it.");
  }

  /** An assistant message of the conversation history as an AlignUnit assistant message. */
  static Message.Assistant assistant(AssistantMessage message) {
    List<ToolCall> calls = new ArrayList<>();
    for (AssistantMessage.ToolCall call : message.getToolCalls()) {
      calls.add(new ToolCall(call.id() == null ? "" : call.id(), call.name(), call.arguments()));
    }
    String text = message.getText() == null ? "" : message.getText();
    Object refusal = message.getMetadata().get(REFUSAL);
    if (refusal != null && refusal.equals(text)) {
      text = "";
    }
    return new Message.Assistant(text, calls, reasoning(message.getMetadata()));
  }

  @SuppressWarnings("unchecked")
  private static List<ReasoningBlock> reasoning(Map<String, Object> metadata) {
    if (metadata.get(REASONING) instanceof List<?> blocks) {
      List<ReasoningBlock> result = new ArrayList<>();
      for (Object block : blocks) {
        Map<String, String> fields = (Map<String, String>) block;
        result.add(
            new ReasoningBlock(
                fields.get("text"), fields.get("signature"), fields.get("redactedData")));
      }
      return result;
    }
    Object text = metadata.get(REASONING_CONTENT);
    return text instanceof String s && !s.isBlank() ? List.of(ReasoningBlock.of(s)) : List.of();
  }

  /** The run's answer as a Spring AI response. */
  static ChatResponse response(
      dev.alignunit.model.ChatResponse response, String modelId, ChatResponse previous) {
    Message.Assistant message = response.message();
    String text = message.text();
    Map<String, Object> metadata = new LinkedHashMap<>();
    if (response.providerRefusal() != null) {
      metadata.put(REFUSAL, response.providerRefusal());
      if (text.isEmpty()) {
        text = response.providerRefusal();
      }
    }
    if (!message.reasoning().isEmpty()) {
      List<Map<String, String>> blocks = new ArrayList<>();
      for (ReasoningBlock block : message.reasoning()) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("text", block.text());
        if (block.signature() != null) {
          fields.put("signature", block.signature());
        }
        if (block.redactedData() != null) {
          fields.put("redactedData", block.redactedData());
        }
        blocks.add(fields);
      }
      metadata.put(REASONING, blocks);
      metadata.put(REASONING_CONTENT, message.reasoningText());
    }
    List<AssistantMessage.ToolCall> calls =
        message.toolCalls().stream()
            .map(
                call ->
                    new AssistantMessage.ToolCall(
                        call.id(), "function", call.name(), call.arguments()))
            .toList();
    AssistantMessage output =
        AssistantMessage.builder().content(text).properties(metadata).toolCalls(calls).build();
    Usage usage = response.usage();
    return ChatResponse.builder()
        .generations(
            List.of(
                new Generation(
                    output,
                    ChatGenerationMetadata.builder()
                        .finishReason(finishReason(response.stopReason()))
                        .build())))
        .metadata(
            ChatResponseMetadata.builder()
                .model(modelId)
                .usage(
                    UsageCalculator.getCumulativeUsage(
                        new DefaultUsage(
                            count(usage.inputTokens()),
                            count(usage.outputTokens()),
                            count(usage.totalTokens())),
                        previous))
                .build())
        .build();
  }

  static String finishReason(StopReason stop) {
    return switch (stop) {
      case END_TURN, STOP_SEQUENCE -> "STOP";
      case TOOL_USE -> "TOOL_CALLS";
      case MAX_TOKENS -> "LENGTH";
      case CONTENT_FILTER -> "CONTENT_FILTER";
      case REFUSAL -> "REFUSAL";
      case OTHER -> "OTHER";
    };
  }

  /** A Spring AI tool definition as an AlignUnit tool spec. */
  static ToolSpec spec(ToolDefinition definition) {
    JsonNode schema;
    try {
      schema =
          definition.inputSchema() == null || definition.inputSchema().isBlank()
              ? null
              : JSON.readTree(definition.inputSchema());
    } catch (JsonProcessingException e) {
      throw new AlignUnitException(
          "The input schema of Spring AI tool '"
              + definition.name()
              + "' is not JSON: "
              + e.getOriginalMessage(),
          e);
    }
    return new ToolSpec(definition.name(), definition.description(), schema);
  }

  private static int count(long tokens) {
    return (int) Math.min(Integer.MAX_VALUE, tokens);
  }
}
