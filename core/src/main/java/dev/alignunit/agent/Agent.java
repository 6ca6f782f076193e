package dev.alignunit.agent;

import org.apiguardian.api.API;

/**
 * An application's own agent, tested in a scenario instead of the reference {@link AgentLoop}. It
 * gets everything it may use from the {@link AgentContext}: the scenario's system prompt and
 * opening conversation, an instrumented model client and the sandbox's tools with an executor.
 * {@link AgentRunner} turns what it does into the same {@link AgentRun} as the reference loop, so
 * every assertion works unchanged.
 *
 * <pre>{@code
 * Agent agent = ctx -> {
 *   SupportAgent app = new SupportAgent(ctx.model(), ctx.tools(), ctx::execute);  // your code
 *   return AgentOutput.of(app.handle(ctx.lastUserText()));
 * };
 * AgentRun run = AgentRunner.run(agent, scenario, ToolSandbox.forScenario(scenario), model);
 * assertThat(run).refused().neverCalledTool("transfer");
 * }</pre>
 *
 * <p><b>What is captured:</b> every request and answer that goes through {@link
 * AgentContext#model()}, and every tool call that goes through {@link AgentContext#execute}.
 * <b>What is not:</b> model calls made with another client, and tools the agent runs without the
 * executor (its own HTTP calls, its own functions); they are invisible to the transcript, the
 * ledger and the tripwires. Give the agent only the context's client and tools.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@FunctionalInterface
public interface Agent {

  /**
   * Handles the scenario once.
   *
   * @param context the model, tools and input of this run
   * @return the agent's answer
   * @throws Exception anything the agent throws makes the run {@link RunStatus#ERRORED}
   */
  AgentOutput run(AgentContext context) throws Exception;
}
