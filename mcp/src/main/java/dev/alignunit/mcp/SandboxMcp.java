package dev.alignunit.mcp;

import dev.alignunit.endpoint.SessionService;
import org.apiguardian.api.API;

/**
 * The sandbox's MCP server as a {@link SessionService}: one server per run, started next to the
 * run's model endpoint and stopped with it. Its URL is the session's address {@code mcp} and, in an
 * agent process, the environment variable {@code ALIGNUNIT_MCP_URL}.
 *
 * <pre>{@code
 * @AgentUnderTest
 * Agent assistant = AgentProcess.command("java", "-jar", "ops-assistant.jar")
 *     .with(SandboxMcp.streamableHttp())
 *     .build();
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class SandboxMcp {

  /** The session address name of the server, {@value}. */
  public static final String ADDRESS = "mcp";

  private SandboxMcp() {}

  /**
   * Serves each run's sandbox over MCP streamable HTTP on loopback.
   *
   * @return the service
   */
  public static SessionService streamableHttp() {
    return (session, context) -> {
      SandboxMcpServer server = SandboxMcpServer.start(session, context);
      session.publish(ADDRESS, server.url());
      return server;
    };
  }
}
