package dev.alignunit.examples.sdk;

import dev.alignunit.agent.Agent;
import dev.alignunit.junit5.AgentUnderTest;

/** The anthropic-java assistant, unchanged, on the pack scenarios (streamed answers). */
class AnthropicOpsAssistantTest extends OpsAssistantPackTests {

  @AgentUnderTest Agent assistant = Assistants.anthropic(true);

  @Override
  Agent assistant() {
    return assistant;
  }
}
