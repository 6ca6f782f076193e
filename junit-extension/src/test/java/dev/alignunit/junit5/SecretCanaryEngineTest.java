package dev.alignunit.junit5;

import static dev.alignunit.assertions.AlignUnitAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.alignunit.agent.AgentRun;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Canary keys of several shapes (set by Surefire), echoed by a loopback server through the answer
 * text, tool arguments, reasoning, the request's own headers and an error body, with a password in
 * the base URL: after live, record and replay runs no canary is in any file of the report or
 * recordings folder, in any failure message, JUnit report entry or console line.
 */
class SecretCanaryEngineTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String URL_PASSWORD = "Canary-Pa55-9931";

  @TempDir Path reportDir;
  @TempDir Path recordings;

  /** Echoes every secret it receives back, the way a faulty gateway or a leaky model would. */
  static final class EchoServer extends Dispatcher {
    private final boolean openAi;
    private final AtomicInteger conversations = new AtomicInteger();

    EchoServer(boolean openAi) {
      this.openAi = openAi;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
      String header =
          openAi
              ? request.getHeaders().get("Authorization")
              : request.getHeaders().get("x-api-key");
      String key = openAi ? header.substring("Bearer ".length()) : header;
      JsonNode body;
      try {
        body = JSON.readTree(request.getBody().utf8());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      boolean firstTurn = true;
      for (JsonNode message : body.path("messages")) {
        firstTurn &= !"assistant".equals(message.path("role").asText());
      }
      if (firstTurn && conversations.incrementAndGet() % 2 == 0) {
        return new MockResponse.Builder()
            .code(400)
            .setHeader("Content-Type", "application/json")
            .body("{\"error\":{\"message\":\"Bad key " + key + " (header: " + header + ")\"}}")
            .build();
      }
      String text =
          "Your key is "
              + key
              + "; you sent "
              + (openAi ? "Authorization: " : "x-api-key: ")
              + header;
      String arguments = "{\"query\":\"SELECT '" + key + "' AS leaked\"}";
      String thinking =
          "The key "
              + key
              + " came in the "
              + (openAi ? "Authorization" : "x-api-key")
              + " header.";
      if (openAi) {
        String message =
            firstTurn
                ? "\"content\":null,\"reasoning_content\":"
                    + q(thinking)
                    + ",\"tool_calls\":[{\"id\":\"call_"
                    + key
                    + "\",\"type\":\"function\",\"function\":{\"name\":\"run_sql\",\"arguments\":"
                    + q(arguments)
                    + "}}]"
                : "\"content\":" + q(text);
        return ok(
            "{\"id\":\"c\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"message\":{\"role\":"
                + "\"assistant\","
                + message
                + ",\"refusal\":null},\"finish_reason\":\""
                + (firstTurn ? "tool_calls" : "stop")
                + "\",\"logprobs\":null}],\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":5}}");
      }
      String content =
          firstTurn
              ? "{\"type\":\"thinking\",\"thinking\":"
                  + q(thinking)
                  + ",\"signature\":"
                  + q("sig-" + key)
                  + "},"
                  + "{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"run_sql\",\"input\":"
                  + arguments
                  + "}"
              : "{\"type\":\"text\",\"text\":" + q(text) + "}";
      return ok(
          "{\"id\":\"m\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"m\",\"content\":["
              + content
              + "],\"stop_reason\":\""
              + (firstTurn ? "tool_use" : "end_turn")
              + "\",\"stop_sequence\":null,"
              + "\"usage\":{\"input_tokens\":10,\"output_tokens\":5}}");
    }

    private static String q(String text) {
      return JSON.getNodeFactory().textNode(text).toString();
    }

    private static MockResponse ok(String body) {
      return new MockResponse.Builder()
          .code(200)
          .setHeader("Content-Type", "application/json")
          .body(body)
          .build();
    }
  }

  @ParameterizedTest(name = "{0} with {1}")
  @CsvSource({
    "openai, CANARY_GATEWAY",
    "openai, CANARY_HEX",
    "anthropic, CANARY_JWT",
    "anthropic, CANARY_SK"
  })
  void should_keep_every_canary_out_of_files_and_messages_after_live_record_and_replay_runs(
      String provider, String keyVariable) throws Exception {
    String canary = System.getenv(keyVariable);
    assertThat(canary).as("Surefire sets " + keyVariable).isNotBlank();
    try (MockWebServer server = new MockWebServer()) {
      server.setDispatcher(new EchoServer(provider.equals("openai")));
      server.start(InetAddress.getByName("127.0.0.1"), 0);
      String base =
          "http://canary-user:"
              + URL_PASSWORD
              + "@127.0.0.1:"
              + server.getPort()
              + (provider.equals("openai") ? "/v1" : "");

      List<String> outputs = new ArrayList<>();
      for (String mode : List.of("live", "record", "replay")) {
        outputs.addAll(run(provider, keyVariable, base, mode));
      }

      assertThat(server.getRequestCount())
          .as("live and record reached the echo server")
          .isGreaterThanOrEqualTo(6);
      List<Path> files;
      try (Stream<Path> walk = Stream.concat(Files.walk(reportDir), Files.walk(recordings))) {
        files = walk.filter(Files::isRegularFile).toList();
      }
      assertThat(files)
          .as("report and recording files")
          .isNotEmpty()
          .anyMatch(f -> f.getFileName().toString().equals("results.json"))
          .anyMatch(f -> f.getFileName().toString().endsWith("refuses.json"));
      for (Path file : files) {
        outputs.add(file + ":\n" + Files.readString(file));
      }
      String recording =
          Files.readString(
              recordings.resolve(Echoed.class.getName().replace('$', '-')).resolve("refuses.json"));
      assertThat(recording).as("the echo went through the recording").contains("[REDACTED]");
      for (String secret : List.of(canary, URL_PASSWORD, canary.substring(2, 14))) {
        assertThat(outputs).as("outputs holding " + secret).noneMatch(o -> o.contains(secret));
      }
    }
  }

  /** Runs the fixture once, returning every message, report entry and console line it produced. */
  private List<String> run(String provider, String keyVariable, String base, String mode) {
    PrintStream console = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    EngineExecutionResults results;
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      results =
          EngineTestKit.engine("junit-jupiter")
              .enableImplicitConfigurationParameters(false)
              .selectors(selectClass(Echoed.class))
              .configurationParameter("alignunit.mode", mode)
              .configurationParameter("alignunit.model", provider + ":echo-model")
              .configurationParameter("alignunit." + provider + ".base-url", base)
              .configurationParameter("alignunit." + provider + ".api-key-env", keyVariable)
              .configurationParameter("alignunit.http.max-retries", "0")
              .configurationParameter("alignunit.recordings.dir", recordings.toString())
              .configurationParameter("alignunit.report.dir", reportDir.toString())
              .execute();
    } finally {
      System.setOut(console);
    }
    // Sample 1 fails on its echoed answer, sample 2 on the echoed error: both messages are checked.
    results.testEvents().assertStatistics(s -> s.started(2).failed(2));
    List<String> outputs = new ArrayList<>();
    outputs.add(captured.toString(StandardCharsets.UTF_8));
    results.allEvents().stream()
        .flatMap(e -> e.getPayload(TestExecutionResult.class).stream())
        .flatMap(r -> r.getThrowable().stream())
        .forEach(t -> collect(t, outputs));
    results.allEvents().stream()
        .flatMap(e -> e.getPayload(ReportEntry.class).stream())
        .forEach(entry -> outputs.add(entry.getKeyValuePairs().toString()));
    assertThat(outputs)
        .as("failure messages quote the echo")
        .anyMatch(o -> o.contains("Final text"));
    return outputs;
  }

  private static void collect(Throwable t, List<String> out) {
    if (t == null) {
      return;
    }
    java.io.StringWriter trace = new java.io.StringWriter();
    t.printStackTrace(new java.io.PrintWriter(trace));
    out.add(trace.toString());
  }

  static class Echoed {
    @AgentScenario("test/drop-table")
    @Samples(2)
    void refuses(AgentRun run) {
      assertThat(run).refused();
    }
  }
}
