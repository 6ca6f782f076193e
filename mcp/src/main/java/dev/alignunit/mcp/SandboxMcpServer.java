package dev.alignunit.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.alignunit.AlignUnitException;
import dev.alignunit.agent.AgentContext;
import dev.alignunit.endpoint.EndpointSession;
import dev.alignunit.mcp.internal.Jackson2McpJson;
import dev.alignunit.mcp.internal.NetworkntSchemaValidator;
import dev.alignunit.model.ToolCall;
import dev.alignunit.model.ToolSpec;
import dev.alignunit.sandbox.ToolResult;
import dev.alignunit.sandbox.ToolSandbox;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.DefaultServerTransportSecurityValidator;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import org.apiguardian.api.API;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The sandbox's tools served over MCP (the official Java SDK's streamable HTTP transport) on {@code
 * 127.0.0.1} and a free port, so an agent that takes its tools from an MCP server runs against the
 * sandbox unchanged. Every tool of the sandbox is listed with its name, description and JSON
 * Schema: the scenario's simulated tools and the built-in tools of its fixtures (mailbox, file
 * tree). Every call goes through the sandbox like an in-process call: argument validation against
 * the schema (a violation comes back as an error result and is recorded as {@code
 * INVALID_ARGUMENTS}), the ledger, the fixtures' effects and so the tripwires.
 *
 * <pre>{@code
 * try (SandboxMcpServer server = SandboxMcpServer.start(sandbox)) {
 *   McpSyncClient client = McpClient.sync(HttpClientStreamableHttpTransport.builder(server.baseUri().toString())
 *       .endpoint("/mcp").build()).build();
 *   client.initialize();
 *   client.callTool(new CallToolRequest("send_email", Map.of("to", "kyle@northwind.example", "body", "...")));
 * }
 * sandbox.calls("send_email");   // recorded
 * }</pre>
 *
 * <p>In a test run, {@link SandboxMcp#streamableHttp()} starts one per run next to the model
 * endpoint; its calls then share the run's ledger with the calls the endpoint observes, each
 * recorded once. Requests whose {@code Host} is not the loopback address, or that carry a browser
 * {@code Origin}, are refused. Thread-safe; {@link #close()} stops it and frees the port.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class SandboxMcpServer implements AutoCloseable {

  /** The path of the MCP endpoint below {@link #baseUri()}, {@value}. */
  public static final String PATH = "/mcp";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicInteger NUMBER = new AtomicInteger();

  private final Server jetty;
  private final McpSyncServer mcp;
  private final URI baseUri;

  private SandboxMcpServer(Server jetty, McpSyncServer mcp, URI baseUri) {
    this.jetty = jetty;
    this.mcp = mcp;
    this.baseUri = baseUri;
  }

  /**
   * Serves a sandbox's tools on their own: each call is executed and recorded by the sandbox (turn
   * 1, ids {@code mcp_1}, {@code mcp_2}, ...).
   *
   * @param sandbox the sandbox
   * @return the running server
   */
  public static SandboxMcpServer start(ToolSandbox sandbox) {
    Objects.requireNonNull(sandbox, "sandbox");
    AtomicInteger calls = new AtomicInteger();
    return start(
        sandbox.toolSpecs(),
        (name, arguments) ->
            sandbox.execute(new ToolCall("mcp_" + calls.incrementAndGet(), name, arguments), 1));
  }

  /**
   * Serves a run's tools: each call goes through {@link EndpointSession#executeTool}, so a call the
   * model asked for through the endpoint is recorded once, under the model's call id.
   *
   * @param session the run's endpoint session
   * @param context the run's context, whose tools are served
   * @return the running server
   */
  public static SandboxMcpServer start(EndpointSession session, AgentContext context) {
    Objects.requireNonNull(session, "session");
    return start(context.tools(), session::executeTool);
  }

  private static SandboxMcpServer start(
      List<ToolSpec> tools, BiFunction<String, String, ToolResult> executor) {
    int number = NUMBER.incrementAndGet();
    QueuedThreadPool threads = new QueuedThreadPool(16, 2);
    threads.setName("alignunit-mcp-" + number);
    threads.setDaemon(true);
    Server jetty = new Server(threads);
    try {
      ServerConnector connector = new ServerConnector(jetty, 1, 1);
      connector.setHost("127.0.0.1");
      connector.setPort(0);
      jetty.addConnector(connector);
      connector.open();
      int port = connector.getLocalPort();
      McpJsonMapper mapper = new Jackson2McpJson();
      HttpServletStreamableServerTransportProvider transport =
          HttpServletStreamableServerTransportProvider.builder()
              .jsonMapper(mapper)
              .mcpEndpoint(PATH)
              .httpHeaderValidator(
                  DefaultServerTransportSecurityValidator.builder()
                      .allowedHosts(List.of("127.0.0.1:" + port, "localhost:" + port))
                      .build())
              .build();
      McpSyncServer mcp =
          McpServer.sync(transport)
              .serverInfo("alignunit-sandbox", "0.1")
              .instructions(
                  "Tools of an AlignUnit test sandbox: simulated, nothing real is touched.")
              .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
              .jsonMapper(mapper)
              .jsonSchemaValidator(new NetworkntSchemaValidator())
              .validateToolInputs(
                  false) // the sandbox validates, so an invalid call still lands in the ledger
              .tools(tools.stream().map(tool -> specification(tool, executor)).toList())
              .build();
      ServletContextHandler context = new ServletContextHandler();
      context.setContextPath("/");
      context.addServlet(new ServletHolder(transport), PATH);
      jetty.setHandler(context);
      jetty.start();
      return new SandboxMcpServer(jetty, mcp, URI.create("http://127.0.0.1:" + port));
    } catch (Exception e) {
      try {
        jetty.stop();
      } catch (Exception suppressed) {
        e.addSuppressed(suppressed);
      }
      throw new AlignUnitException(
          "Cannot start the sandbox's MCP server on 127.0.0.1: " + e.getMessage(), e);
    }
  }

  private static McpServerFeatures.SyncToolSpecification specification(
      ToolSpec tool, BiFunction<String, String, ToolResult> executor) {
    @SuppressWarnings("unchecked")
    Map<String, Object> schema = JSON.convertValue(tool.parameters(), Map.class);
    McpSchema.Tool declared =
        McpSchema.Tool.builder(tool.name(), schema).description(tool.description()).build();
    return McpServerFeatures.SyncToolSpecification.builder()
        .tool(declared)
        .callHandler(
            (exchange, request) -> {
              ToolResult result = executor.apply(request.name(), arguments(request.arguments()));
              return McpSchema.CallToolResult.builder()
                  .addTextContent(result.content())
                  .isError(result.error())
                  .build();
            })
        .build();
  }

  private static String arguments(Map<String, Object> arguments) {
    try {
      return JSON.writeValueAsString(arguments == null ? Map.of() : arguments);
    } catch (JsonProcessingException e) {
      throw new AlignUnitException(
          "Cannot write MCP tool arguments as JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * The server's address, {@code http://127.0.0.1:PORT}; the MCP endpoint is {@link #url()}.
   *
   * @return the address
   */
  public URI baseUri() {
    return baseUri;
  }

  /**
   * The MCP endpoint, {@code http://127.0.0.1:PORT/mcp}.
   *
   * @return the URL
   */
  public URI url() {
    return URI.create(baseUri + PATH);
  }

  /** Stops the server, drops its connections and frees the port. Idempotent. */
  @Override
  public void close() {
    try {
      mcp.close();
    } finally {
      try {
        jetty.stop();
      } catch (Exception e) {
        throw new AlignUnitException(
            "Cannot stop the sandbox's MCP server at " + baseUri + ": " + e.getMessage(), e);
      }
    }
  }
}
