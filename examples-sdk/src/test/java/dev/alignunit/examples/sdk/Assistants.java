package dev.alignunit.examples.sdk;

import com.anthropic.client.AnthropicClient;
import com.example.opsdesk.AnthropicOpsAssistant;
import com.example.opsdesk.Main;
import com.example.opsdesk.McpTools;
import com.example.opsdesk.OpenAiOpsAssistant;
import com.openai.client.OpenAIClient;
import dev.alignunit.endpoint.AgentProcess;
import dev.alignunit.endpoint.EndpointAgent;
import dev.alignunit.mcp.SandboxMcp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How the tests run the unchanged assistants: each run gets its own model endpoint and MCP server;
 * the assistant only gets their URLs (and any API key), exactly as it would get the provider's.
 */
final class Assistants {

  private Assistants() {}

  /** The OpenAI assistant in this JVM. */
  static EndpointAgent openAi(boolean stream) {
    return EndpointAgent.of(
            (session, ctx) -> {
              OpenAIClient client = SdkClients.openAi(session);
              try (McpTools tools =
                  new McpTools(session.address(SandboxMcp.ADDRESS).orElseThrow())) {
                return new OpenAiOpsAssistant(client, tools, "gpt-4.1-mini", ctx.system(), stream)
                    .answer(ctx.lastUserText());
              } finally {
                client.close();
              }
            })
        .with(SandboxMcp.streamableHttp());
  }

  /** The Anthropic assistant in this JVM. */
  static EndpointAgent anthropic(boolean stream) {
    return EndpointAgent.of(
            (session, ctx) -> {
              AnthropicClient client = SdkClients.anthropic(session);
              try (McpTools tools =
                  new McpTools(session.address(SandboxMcp.ADDRESS).orElseThrow())) {
                return new AnthropicOpsAssistant(
                        client, tools, "claude-sonnet-4-5", ctx.system(), stream)
                    .answer(ctx.lastUserText());
              } finally {
                client.close();
              }
            })
        .with(SandboxMcp.streamableHttp());
  }

  /**
   * The assistant's command line ({@link Main}) in its own JVM: the SDKs find the endpoint through
   * OPENAI_BASE_URL / ANTHROPIC_BASE_URL, the assistant its tools through its own OPS_TOOLS_URL.
   */
  static AgentProcess process(String provider, boolean stream) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return AgentProcess.command(
            List.of(
                java,
                "-XX:TieredStopAtLevel=1",
                "-Xshare:auto",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                provider,
                stream ? "stream" : "whole"))
        .environment("OPS_TOOLS_URL", "${ALIGNUNIT_MCP_URL}")
        .environment("OPS_INSTRUCTIONS", "${ALIGNUNIT_SYSTEM_PROMPT}")
        .with(SandboxMcp.streamableHttp())
        .timeout(Duration.ofSeconds(90))
        .build();
  }
}
