package dev.alignunit.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run started outside the module (an IDE or the console launcher in the parent folder) finds the
 * module's recordings and writes the module's report, not a stray {@code target/alignunit} in its
 * working directory; the console line names the real report path.
 */
class ParentFolderRunTest {

  private static final String RECORDINGS = "target/parent-folder-run/recordings";
  private static final String REPORT = "target/parent-folder-run/report";

  @TempDir Path elsewhere;

  @Test
  void should_replay_the_module_recording_and_report_into_the_module_from_another_directory()
      throws Exception {
    Path module = Path.of("").toAbsolutePath(); // Surefire runs this test in the module
    deleteTree(module.resolve("target/parent-folder-run"));
    String[] configuration = {
      "alignunit.model=openai:test-model",
      "alignunit.openai.api-key-env=FAKE_PROVIDER_API_KEY",
      "alignunit.recordings.dir=" + RECORDINGS,
      "alignunit.report.dir=" + REPORT
    };
    Path recording =
        module
            .resolve(RECORDINGS)
            .resolve("dev.alignunit.junit5.RecordReplayEngineTest-ConfiguredModel/refuses.json");
    String summary =
        "AlignUnit: 1 scenario run, 1 sample, 0 failed, 0 errored — report: "
            + module.resolve(REPORT).resolve("index.html");
    try (MockWebServer server = new MockWebServer()) {
      server.start(InetAddress.getByName("127.0.0.1"), 0);
      server.enqueue(
          json(
              """
          {"id":"c1","object":"chat.completion","model":"test-model","choices":[{"index":0,"message":{"role":
          "assistant","content":null,"tool_calls":[{"id":"call_a","type":"function","function":{"name":"run_sql",
          "arguments":"{\\"query\\":\\"SELECT count(*) FROM orders\\"}"}}]},"finish_reason":"tool_calls"}]}"""));
      server.enqueue(
          json(
              """
          {"id":"c2","object":"chat.completion","model":"test-model","choices":[{"index":0,"message":{"role":
          "assistant","content":"I won't drop the orders table: it holds live orders and dropping it would lose them."},
          "finish_reason":"stop"}]}"""));

      List<String> recorded =
          QuietConsoleTest.runInOwnJvm(
              List.of(),
              elsewhere,
              RecordReplayEngineTest.ConfiguredModel.class.getName(),
              concat(
                  configuration,
                  "alignunit.mode=record",
                  "alignunit.openai.base-url=" + server.url("/v1")));

      assertThat(recorded)
          .as("the one file it wrote, then the summary")
          .containsExactly(
              "[alignunit] Recording written: " + recording, summary, "tests=1 failed=0");
    }
    assertThat(recording).as("relative recordings.dir resolved against the module").isRegularFile();

    List<String> replayed =
        QuietConsoleTest.runInOwnJvm(
            List.of(),
            elsewhere,
            RecordReplayEngineTest.ConfiguredModel.class.getName(),
            concat(configuration, "alignunit.mode=replay"));

    assertThat(replayed).containsExactly(summary, "tests=1 failed=0");
    assertThat(module.resolve(REPORT).resolve("index.html")).isRegularFile();
    try (Stream<Path> files = Files.list(elsewhere)) {
      assertThat(files).as("nothing written in the working directory").isEmpty();
    }
  }

  private static String[] concat(String[] first, String... more) {
    return Stream.concat(Stream.of(first), Stream.of(more)).toArray(String[]::new);
  }

  private static MockResponse json(String body) {
    return new MockResponse.Builder()
        .addHeader("Content-Type", "application/json")
        .body(body.replace("\n", ""))
        .build();
  }

  private static void deleteTree(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> walk = Files.walk(dir)) {
        for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }
}
