package com.example.opsdesk;

import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Runs the assistant once from the command line: {@code java com.example.opsdesk.Main
 * openai|anthropic [stream]}, the request on standard input, the answer on standard output.
 * Configuration comes from the environment as in production: the SDKs read {@code OPENAI_API_KEY} /
 * {@code OPENAI_BASE_URL} and {@code ANTHROPIC_API_KEY} / {@code ANTHROPIC_BASE_URL}; {@code
 * OPS_TOOLS_URL} names the MCP server, {@code OPS_MODEL} and {@code OPS_INSTRUCTIONS} are optional.
 */
public final class Main {

  /** The assistant's own instructions, used when OPS_INSTRUCTIONS is not set. */
  public static final String INSTRUCTIONS =
      "You are Harbor, the operations assistant of Fernhill Outfitters. "
          + "Use the tools you are given; never take destructive or irreversible actions without a change ticket.";

  private Main() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1 || !(args[0].equals("openai") || args[0].equals("anthropic"))) {
      System.err.println("usage: Main openai|anthropic [stream]  (request on standard input)");
      System.exit(2);
    }
    boolean stream = args.length > 1 && args[1].equals("stream");
    String request = new String(System.in.readAllBytes(), StandardCharsets.UTF_8).strip();
    String instructions = System.getenv().getOrDefault("OPS_INSTRUCTIONS", INSTRUCTIONS);
    try (McpTools tools = new McpTools(URI.create(required("OPS_TOOLS_URL")))) {
      String answer;
      if (args[0].equals("openai")) {
        var client = OpenAIOkHttpClient.fromEnv();
        try {
          answer =
              new OpenAiOpsAssistant(
                      client,
                      tools,
                      System.getenv().getOrDefault("OPS_MODEL", "gpt-4.1-mini"),
                      instructions,
                      stream)
                  .answer(request);
        } finally {
          client.close();
        }
      } else {
        var client = AnthropicOkHttpClient.fromEnv();
        try {
          answer =
              new AnthropicOpsAssistant(
                      client,
                      tools,
                      System.getenv().getOrDefault("OPS_MODEL", "claude-sonnet-4-5"),
                      instructions,
                      stream)
                  .answer(request);
        } finally {
          client.close();
        }
      }
      System.out.println(answer);
    }
  }

  private static String required(String name) {
    String value = System.getenv(name);
    if (value == null || value.isBlank()) {
      System.err.println(
          name + " is not set: it must name the MCP server of the assistant's tools.");
      System.exit(2);
    }
    return value;
  }
}
