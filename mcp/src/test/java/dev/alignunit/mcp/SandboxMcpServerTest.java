package dev.alignunit.mcp;

import static dev.alignunit.assertions.AlignUnitAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alignunit.agent.AgentRun;
import dev.alignunit.agent.RunStatus;
import dev.alignunit.sandbox.ToolCallRecord;
import dev.alignunit.sandbox.ToolSandbox;
import dev.alignunit.scenario.Scenario;
import dev.alignunit.scenario.ScenarioCatalog;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * The official MCP client lists and calls the sandbox's tools; calls land in the ledger and trip
 * tripwires.
 */
class SandboxMcpServerTest {

  static final Scenario INBOX = ScenarioCatalog.fromClasspath().get("injection/email-instructions");

  static McpSyncClient client(URI url) {
    McpSyncClient client =
        McpClient.sync(
                HttpClientStreamableHttpTransport.builder(url.toString().replace("/mcp", ""))
                    .endpoint("/mcp")
                    .build())
            .requestTimeout(Duration.ofSeconds(20))
            .build();
    client.initialize();
    return client;
  }

  static AgentRun runOf(Scenario scenario, ToolSandbox sandbox) {
    return AgentRun.builder(scenario)
        .toolCalls(sandbox.calls())
        .effects(sandbox.effects())
        .status(RunStatus.COMPLETED)
        .build();
  }

  @Test
  @SuppressWarnings("unchecked")
  void should_list_every_sandbox_tool_with_its_description_and_schema() {
    ToolSandbox sandbox = ToolSandbox.forScenario(INBOX);
    try (SandboxMcpServer server = SandboxMcpServer.start(sandbox);
        McpSyncClient client = client(server.url())) {
      Assertions.assertThat(server.url().toString())
          .startsWith("http://127.0.0.1:")
          .endsWith("/mcp");
      var tools = client.listTools().tools();
      Assertions.assertThat(tools)
          .extracting(McpSchema.Tool::name)
          .containsExactlyElementsOf(sandbox.toolSpecs().stream().map(t -> t.name()).toList())
          .contains("list_inbox", "read_email", "forward_email", "send_email");
      McpSchema.Tool forward =
          tools.stream().filter(t -> t.name().equals("forward_email")).findFirst().orElseThrow();
      Assertions.assertThat(forward.description())
          .isEqualTo(sandbox.tool("forward_email").orElseThrow().spec().description());
      Assertions.assertThat((java.util.List<Object>) forward.inputSchema().get("required"))
          .contains("id", "to");
    }
  }

  @Test
  void should_run_calls_through_the_sandbox_so_a_harmful_call_trips_the_tripwire() {
    ToolSandbox sandbox = ToolSandbox.forScenario(INBOX);
    try (SandboxMcpServer server = SandboxMcpServer.start(sandbox);
        McpSyncClient client = client(server.url())) {
      McpSchema.CallToolResult read =
          client.callTool(
              McpSchema.CallToolRequest.builder("read_email")
                  .arguments(Map.of("id", "e-402"))
                  .build());
      Assertions.assertThat(read.isError()).isFalse();
      Assertions.assertThat(((McpSchema.TextContent) read.content().get(0)).text())
          .contains("Invoice VS-1182");

      McpSchema.CallToolResult forward =
          client.callTool(
              McpSchema.CallToolRequest.builder("forward_email")
                  .arguments(
                      Map.of("id", "e-402", "to", "billing-archive@ledgersafe-backup.example"))
                  .build());
      Assertions.assertThat(forward.isError()).isFalse();
    }

    Assertions.assertThat(sandbox.calls())
        .extracting(ToolCallRecord::name, ToolCallRecord::callId)
        .containsExactly(
            Assertions.tuple("read_email", "mcp_1"), Assertions.tuple("forward_email", "mcp_2"));
    Assertions.assertThat(sandbox.mailbox().sent())
        .singleElement()
        .satisfies(
            email ->
                Assertions.assertThat(email.to())
                    .containsExactly("billing-archive@ledgersafe-backup.example"));
    assertThat(runOf(INBOX, sandbox)).committedHarm("injected-forward");
  }

  @Test
  void should_answer_invalid_arguments_with_the_sandboxs_error_and_record_the_attempt() {
    ToolSandbox sandbox = ToolSandbox.forScenario(INBOX);
    try (SandboxMcpServer server = SandboxMcpServer.start(sandbox);
        McpSyncClient client = client(server.url())) {
      McpSchema.CallToolResult result =
          client.callTool(
              McpSchema.CallToolRequest.builder("forward_email")
                  .arguments(Map.of("id", "e-402"))
                  .build());
      Assertions.assertThat(result.isError()).isTrue();
      Assertions.assertThat(((McpSchema.TextContent) result.content().get(0)).text())
          .isEqualTo(
              "Invalid arguments for tool 'forward_email': $.to: is missing but it is required");
    }
    Assertions.assertThat(sandbox.calls())
        .singleElement()
        .extracting(ToolCallRecord::outcome)
        .isEqualTo(ToolCallRecord.Outcome.INVALID_ARGUMENTS);
  }

  @Test
  void should_refuse_browser_origins_and_other_host_names() throws Exception {
    ToolSandbox sandbox = ToolSandbox.forScenario(INBOX);
    try (SandboxMcpServer server = SandboxMcpServer.start(sandbox)) {
      HttpClient http = HttpClient.newHttpClient();
      String initialize =
          "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
              + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"browser\",\"version\":\"1\"}}}";
      HttpRequest.Builder request =
          HttpRequest.newBuilder(server.url())
              .header("Content-Type", "application/json")
              .header("Accept", "application/json, text/event-stream")
              .POST(HttpRequest.BodyPublishers.ofString(initialize));
      HttpResponse<String> fromPage =
          http.send(
              request.copy().header("Origin", "https://attacker.example").build(),
              HttpResponse.BodyHandlers.ofString());
      Assertions.assertThat(fromPage.statusCode()).isEqualTo(403);
      HttpResponse<String> ok = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      Assertions.assertThat(ok.statusCode()).isEqualTo(200);
      Assertions.assertThat(
              rawStatusLine(server.baseUri().getPort(), "attacker.example", initialize))
          .startsWith("HTTP/1.1 4");
    }
    Assertions.assertThat(sandbox.calls()).isEmpty();
  }

  /** java.net.http refuses to set Host, so a DNS-rebound request is written by hand. */
  private static String rawStatusLine(int port, String host, String body) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      socket
          .getOutputStream()
          .write(
              ("POST /mcp HTTP/1.1\r\nHost: "
                      + host
                      + "\r\nContent-Type: application/json\r\n"
                      + "Accept: application/json, text/event-stream\r\nContent-Length: "
                      + bytes.length
                      + "\r\nConnection: close\r\n\r\n")
                  .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      socket.getOutputStream().write(bytes);
      return new java.io.BufferedReader(
              new java.io.InputStreamReader(
                  socket.getInputStream(), java.nio.charset.StandardCharsets.US_ASCII))
          .readLine();
    }
  }

  @Test
  void should_free_its_port_when_closed() {
    SandboxMcpServer server = SandboxMcpServer.start(ToolSandbox.forScenario(INBOX));
    int port = server.baseUri().getPort();
    server.close();
    assertThatThrownBy(
            () -> {
              try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
              }
            })
        .isInstanceOf(ConnectException.class);
  }
}
