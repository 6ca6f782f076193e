package dev.alignunit.model;

import java.util.List;
import org.apiguardian.api.API;

/**
 * A provider-neutral request: system prompt, conversation, tools and parameters. The model's name
 * is not part of the request; it belongs to the {@link ModelClient}.
 *
 * @param system the system prompt, empty for none
 * @param messages the conversation so far
 * @param tools the tools the model may call
 * @param parameters generation parameters
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ChatRequest(
    String system, List<Message> messages, List<ToolSpec> tools, ChatParameters parameters) {

  /** Copies the lists and replaces {@code null} with empty values. */
  public ChatRequest {
    system = system == null ? "" : system;
    messages = messages == null ? List.of() : List.copyOf(messages);
    tools = tools == null ? List.of() : List.copyOf(tools);
    parameters = parameters == null ? ChatParameters.DEFAULTS : parameters;
  }

  /**
   * The last message of the conversation.
   *
   * @return the last message, or {@code null} for an empty conversation
   */
  public Message lastMessage() {
    return messages.isEmpty() ? null : messages.get(messages.size() - 1);
  }
}
