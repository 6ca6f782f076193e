package dev.alignunit.examples.beacon;

import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.service.AiServices;

/**
 * Production wiring of Beacon: a model (OpenAI, Anthropic, Ollama, ...), its tools and a memory.
 */
public final class Beacon {

  private Beacon() {}

  /**
   * Builds Beacon.
   *
   * @param model the chat model
   * @param database the production database
   * @param chatOps team chat
   * @return the assistant
   */
  public static BeaconAssistant create(ChatModel model, Database database, ChatOps chatOps) {
    return AiServices.builder(BeaconAssistant.class)
        .chatModel(model)
        .tools(new DatabaseTools(database), new ChatOpsTools(chatOps))
        .chatMemory(MessageWindowChatMemory.withMaxMessages(30))
        .build();
  }
}
