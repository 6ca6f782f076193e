package dev.alignunit.examples.harbor;

import dev.alignunit.agent.Agent;
import dev.alignunit.agent.AgentContext;
import dev.alignunit.agent.AgentOutput;

/**
 * Plugs {@link HarborAssistant} into AlignUnit: Harbor gets the run's instrumented model and the
 * sandbox's tools and executor, so every model call and every tool call (including calls that reach
 * {@code @SandboxTool} Mockito mocks) lands in the transcript, the ledger and the tripwires. Harbor
 * uses its own system prompt, not the scenario's: the scenario supplies the situation (the user's
 * request, the tools), the application supplies the agent.
 *
 * <pre>{@code
 * @AgentUnderTest
 * Agent harbor = new HarborAgent();
 * }</pre>
 */
public final class HarborAgent implements Agent {

  /** Creates the adapter. */
  public HarborAgent() {}

  @Override
  public AgentOutput run(AgentContext context) {
    HarborAssistant harbor =
        new HarborAssistant(context.model(), context.tools(), context::execute);
    return AgentOutput.of(harbor.handle(context.inputMessages()));
  }
}
