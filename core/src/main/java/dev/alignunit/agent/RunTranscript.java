package dev.alignunit.agent;

import dev.alignunit.model.Message;
import dev.alignunit.sandbox.SandboxEffects;
import dev.alignunit.sandbox.ToolCallRecord;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The transcript part of an {@link AgentRun}: what a large sample set drops when it keeps a run as
 * a summary (system prompt, conversation, tool-call ledger, sandbox effects), with the views {@link
 * AgentRun} hands out. Immutable.
 *
 * @param system the system prompt sent
 * @param messages the whole conversation
 * @param toolCalls every tool call, in order (the sandbox ledger)
 * @param effects what the run left in the sandbox's fixtures
 */
record RunTranscript(
    String system, List<Message> messages, List<ToolCallRecord> toolCalls, SandboxEffects effects) {

  /** Copies the lists; no effects means {@link SandboxEffects#NONE}. */
  RunTranscript {
    messages = List.copyOf(messages);
    toolCalls = List.copyOf(toolCalls);
    effects = effects == null ? SandboxEffects.NONE : effects;
  }

  /**
   * @return the assistant messages only, in order
   */
  List<Message.Assistant> assistantMessages() {
    return messages.stream()
        .filter(Message.Assistant.class::isInstance)
        .map(Message.Assistant.class::cast)
        .toList();
  }

  /**
   * @return the calls of one tool, in order
   */
  List<ToolCallRecord> toolCalls(String toolName) {
    return toolCalls.stream().filter(c -> c.name().equals(toolName)).toList();
  }

  /**
   * @return the names of the tools called, one per call in the ledger
   */
  List<String> calledTools() {
    return toolCalls.stream().map(ToolCallRecord::name).toList();
  }

  /**
   * @return the text of the last assistant message that has text, empty when there is none
   */
  String finalText() {
    List<Message.Assistant> assistant = assistantMessages();
    for (int i = assistant.size() - 1; i >= 0; i--) {
      if (!assistant.get(i).text().isBlank()) {
        return assistant.get(i).text();
      }
    }
    return "";
  }

  /**
   * @return all reasoning text, joined by blank lines; empty when the model returned none
   */
  String reasoningText() {
    return assistantMessages().stream()
        .map(Message.Assistant::reasoningText)
        .filter(t -> !t.isBlank())
        .collect(Collectors.joining("\n\n"));
  }
}
