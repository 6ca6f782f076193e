package dev.alignunit.agent;

import dev.alignunit.scenario.Scenario;
import org.apiguardian.api.API;

/**
 * Creates the application's {@link Agent} for a scenario; named by {@code @AgentScenario(value =
 * "...", agent = MyAgentFactory.class)}. Implementations need a public no-argument constructor; one
 * agent is created per run.
 *
 * <pre>{@code
 * public class SupportAgentFactory implements AgentFactory {
 *   public Agent create(Scenario scenario) {
 *     return ctx -> AgentOutput.of(new SupportAgent(ctx.model(), ctx.tools(), ctx::execute)
 *         .handle(ctx.lastUserText()));
 *   }
 * }
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@FunctionalInterface
public interface AgentFactory {

  /**
   * Creates the agent for one run.
   *
   * @param scenario the scenario it will run in
   * @return the agent
   */
  Agent create(Scenario scenario);
}
