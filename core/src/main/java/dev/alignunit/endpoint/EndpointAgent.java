package dev.alignunit.endpoint;

import dev.alignunit.agent.Agent;
import dev.alignunit.agent.AgentContext;
import dev.alignunit.agent.AgentOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * An {@link Agent} for an application that calls its model over the wire, in this JVM: for every
 * run it starts a {@link ModelEndpoint} on loopback, opens the run's {@link EndpointSession} and
 * its {@link SessionService services} (such as the sandbox's MCP server), hands the session to the
 * application, and shuts everything down when the application returns. The application is unchanged
 * apart from its base URL (and API key, any value): it uses the official SDK, and AlignUnit sees
 * every exchange and every tool call.
 *
 * <pre>{@code
 * @AgentUnderTest
 * Agent assistant = EndpointAgent.of((session, ctx) -> {
 *   OpenAIClient client = OpenAIOkHttpClient.builder()
 *       .baseUrl(session.openAiBaseUri().toString()).apiKey(session.apiKey()).build();
 *   return new OpsAssistant(client, session.address("mcp").orElseThrow()).answer(ctx.lastUserText());
 * }).with(SandboxMcp.streamableHttp());
 * }</pre>
 *
 * <p>The returned text is the run's final answer. The run is errored when the application throws,
 * and when its last model request failed (then with that failure, such as a recording that no
 * longer matches, even if the application caught it). Immutable; one instance serves any number of
 * runs, each on its own port.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class EndpointAgent implements Agent {

  /** The application, given the run's endpoint session and context; returns its final answer. */
  @FunctionalInterface
  public interface Application {
    /**
     * Runs the application once.
     *
     * @param session the run's endpoint session: base URLs, API key, service addresses
     * @param context the run's context: the scenario's system prompt and input
     * @return the application's final answer to the user
     * @throws Exception anything makes the run errored
     */
    String run(EndpointSession session, AgentContext context) throws Exception;
  }

  private final Application application;
  private final List<SessionService> services;

  private EndpointAgent(Application application, List<SessionService> services) {
    this.application = application;
    this.services = List.copyOf(services);
  }

  /**
   * An agent that runs the application against a fresh endpoint per run.
   *
   * @param application the application
   * @return the agent
   */
  public static EndpointAgent of(Application application) {
    return new EndpointAgent(Objects.requireNonNull(application, "application"), List.of());
  }

  /**
   * A copy that also starts a service for every run, after the endpoint and before the application.
   *
   * @param service the service, such as {@code SandboxMcp.streamableHttp()}
   * @return the copy
   */
  public EndpointAgent with(SessionService service) {
    List<SessionService> all = new ArrayList<>(services);
    all.add(Objects.requireNonNull(service, "service"));
    return new EndpointAgent(application, all);
  }

  @Override
  public AgentOutput run(AgentContext context) throws Exception {
    return AgentOutput.of(
        SessionRunner.run(context, services, session -> application.run(session, context)));
  }
}
