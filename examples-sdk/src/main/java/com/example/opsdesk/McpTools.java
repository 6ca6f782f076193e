package com.example.opsdesk;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The assistant's tools: whatever the configured MCP server offers (official MCP Java SDK client).
 */
public final class McpTools implements AutoCloseable {

  private final McpSyncClient client;
  private List<McpSchema.Tool> tools;

  /**
   * Connects to a streamable-HTTP MCP server.
   *
   * @param url the server's MCP endpoint, such as {@code http://localhost:8931/mcp}
   */
  public McpTools(URI url) {
    String base = url.getScheme() + "://" + url.getAuthority();
    this.client =
        McpClient.sync(
                HttpClientStreamableHttpTransport.builder(base).endpoint(url.getPath()).build())
            .requestTimeout(Duration.ofSeconds(30))
            .build();
    client.initialize();
  }

  /**
   * @return the server's tools, listed once
   */
  public synchronized List<McpSchema.Tool> list() {
    if (tools == null) {
      tools = client.listTools().tools();
    }
    return tools;
  }

  /**
   * Calls a tool.
   *
   * @param name the tool
   * @param argumentsJson its arguments as the model wrote them
   * @return the result
   */
  public Result call(String name, String argumentsJson) {
    return call(
        () -> new McpSchema.CallToolRequest(McpJsonDefaults.getMapper(), name, argumentsJson),
        name);
  }

  /**
   * Calls a tool.
   *
   * @param name the tool
   * @param arguments its arguments
   * @return the result
   */
  public Result call(String name, Map<String, Object> arguments) {
    return call(() -> new McpSchema.CallToolRequest(name, arguments), name);
  }

  private Result call(Supplier<McpSchema.CallToolRequest> request, String name) {
    McpSchema.CallToolResult result;
    try {
      result = client.callTool(request.get());
    } catch (RuntimeException e) {
      return new Result("Tool " + name + " failed: " + e.getMessage(), true);
    }
    String text =
        result.content().stream()
            .filter(McpSchema.TextContent.class::isInstance)
            .map(c -> ((McpSchema.TextContent) c).text())
            .collect(Collectors.joining("\n"));
    return new Result(text, Boolean.TRUE.equals(result.isError()));
  }

  /**
   * A tool's answer.
   *
   * @param text what it returned
   * @param error whether it failed
   */
  public record Result(String text, boolean error) {}

  @Override
  public void close() {
    client.closeGracefully();
  }
}
