package dev.alignunit.endpoint;

import dev.alignunit.agent.AgentContext;
import org.apiguardian.api.API;

/**
 * Something started next to the model endpoint for one run and closed when the run ends, such as
 * the sandbox's MCP server ({@code SandboxMcp.streamableHttp()} in {@code alignunit-mcp}). It
 * publishes its address with {@link EndpointSession#publish}, so the application finds it through
 * {@link EndpointSession#address(String)} or, in a process, the {@code ALIGNUNIT_<NAME>_URL}
 * environment variable; tool calls it serves go through {@link EndpointSession#executeTool}, so
 * they share the run's ledger with the calls the endpoint observes.
 *
 * <pre>{@code
 * Agent agent = EndpointAgent.of((session, ctx) -> app(session).answer(ctx.lastUserText()))
 *     .with(SandboxMcp.streamableHttp());
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@FunctionalInterface
public interface SessionService {

  /**
   * Starts the service for one run.
   *
   * @param session the run's endpoint session; publish the service's address here
   * @param context the run's context (tools, sandbox executor, scenario)
   * @return what stops the service; closed when the run ends, before the session
   * @throws Exception when the service cannot start; the run is then errored
   */
  AutoCloseable start(EndpointSession session, AgentContext context) throws Exception;
}
