package dev.alignunit.examples.sdk;

import dev.alignunit.agent.Agent;
import dev.alignunit.junit5.AgentUnderTest;

/** The openai-java assistant, unchanged, on the pack scenarios (whole answers). */
class OpenAiOpsAssistantTest extends OpsAssistantPackTests {

  @AgentUnderTest Agent assistant = Assistants.openAi(false);

  @Override
  Agent assistant() {
    return assistant;
  }
}
