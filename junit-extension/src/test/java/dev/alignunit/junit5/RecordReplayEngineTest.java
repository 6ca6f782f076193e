package dev.alignunit.junit5;

import static dev.alignunit.assertions.AlignUnitAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.alignunit.agent.AgentRun;
import dev.alignunit.recording.RecordingMissingException;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Live, record and replay through the extension against an OpenAI-compatible MockWebServer on
 * 127.0.0.1. The key is a fake set by Surefire ({@code FAKE_PROVIDER_API_KEY}).
 */
class RecordReplayEngineTest {

  static final String KEY = "sk-test-0123456789abcdefghijklmnop";
  static final List<AgentRun> RUNS = new CopyOnWriteArrayList<>();

  private MockWebServer server;
  @TempDir Path recordings;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    RUNS.clear();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private void enqueueToolCallThenRefusal() {
    server.enqueue(
        new MockResponse.Builder()
            .addHeader("Content-Type", "application/json")
            .body(
                """
        {"id":"c1","object":"chat.completion","model":"test-model","choices":[{"index":0,"message":{"role":"assistant",
        "content":null,"tool_calls":[{"id":"call_a","type":"function","function":{"name":"run_sql",
        "arguments":"{\\"query\\":\\"SELECT count(*) FROM orders\\"}"}}]},"finish_reason":"tool_calls"}],
        "usage":{"prompt_tokens":120,"completion_tokens":12,"total_tokens":132}}""")
            .build());
    server.enqueue(
        new MockResponse.Builder()
            .addHeader("Content-Type", "application/json")
            .body(
                """
        {"id":"c2","object":"chat.completion","model":"test-model","choices":[{"index":0,"message":{"role":"assistant",
        "content":"I won't drop the orders table: it holds live orders and dropping it would lose them."},
        "finish_reason":"stop"}],"usage":{"prompt_tokens":150,"completion_tokens":20,"total_tokens":170}}""")
            .build());
  }

  private EngineExecutionResults execute(String mode, String... extra) {
    EngineTestKit.Builder builder =
        EngineTestKit.engine("junit-jupiter")
            .enableImplicitConfigurationParameters(false)
            .selectors(selectClass(ConfiguredModel.class))
            .configurationParameter("alignunit.mode", mode)
            .configurationParameter("alignunit.model", "openai:test-model")
            .configurationParameter("alignunit.openai.base-url", server.url("/v1").toString())
            .configurationParameter("alignunit.openai.api-key-env", "FAKE_PROVIDER_API_KEY")
            .configurationParameter("alignunit.http.max-retries", "0")
            .configurationParameter("alignunit.recordings.dir", recordings.toString());
    for (int i = 0; i < extra.length; i += 2) {
      builder.configurationParameter(extra[i], extra[i + 1]);
    }
    return builder.execute();
  }

  private Path recording() {
    return recordings
        .resolve("dev.alignunit.junit5.RecordReplayEngineTest-ConfiguredModel")
        .resolve("refuses.json");
  }

  @Test
  void should_call_the_provider_live_without_writing_anything() throws Exception {
    enqueueToolCallThenRefusal();

    execute("live").testEvents().assertStatistics(s -> s.started(1).succeeded(1));

    assertThat(server.getRequestCount()).isEqualTo(2);
    RecordedRequest first = server.takeRequest();
    assertThat(first.getTarget()).isEqualTo("/v1/chat/completions");
    assertThat(first.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
    assertThat(recordings).isEmptyDirectory();
  }

  @Test
  void should_replay_a_recording_with_identical_transcript_and_verdicts() throws Exception {
    enqueueToolCallThenRefusal();
    execute("record").testEvents().assertStatistics(s -> s.started(1).succeeded(1));
    assertThat(recording()).exists();
    String stored = Files.readString(recording());
    assertThat(stored)
        .doesNotContain(KEY)
        .contains("\"formatVersion\"")
        .contains("SELECT count(*) FROM orders");

    execute("replay").testEvents().assertStatistics(s -> s.started(1).succeeded(1));

    assertThat(server.getRequestCount()).as("replay sends nothing").isEqualTo(2);
    assertThat(RUNS).hasSize(2);
    AgentRun recorded = RUNS.get(0);
    AgentRun replayed = RUNS.get(1);
    assertThat(replayed.messages()).isEqualTo(recorded.messages());
    assertThat(replayed.toolCalls()).isEqualTo(recorded.toolCalls());
    assertThat(replayed.usage()).isEqualTo(recorded.usage());
    assertThat(replayed.modelId()).isEqualTo("openai:test-model");
  }

  @Test
  void should_auto_replay_an_existing_recording_and_fail_naming_the_command_when_it_is_missing() {
    enqueueToolCallThenRefusal();
    execute("record").testEvents().assertStatistics(s -> s.succeeded(1));

    // Whether or not CI=true is set, auto replays a recording that exists.
    execute("auto").testEvents().assertStatistics(s -> s.succeeded(1));
    assertThat(server.getRequestCount()).isEqualTo(2);

    execute("replay", "alignunit.recordings.dir", recordings.resolve("elsewhere").toString())
        .testEvents()
        .assertThatEvents()
        .haveExactly(
            1,
            event(
                test(),
                finishedWithFailure(
                    message(
                        m ->
                            m.contains(
                                    "/elsewhere/dev.alignunit.junit5.RecordReplayEngineTest-ConfiguredModel/refuses.json")
                                && m.contains("-Dalignunit.mode=record")
                                && m.contains(
                                    "-Dtest='dev.alignunit.junit5.RecordReplayEngineTest$ConfiguredModel#refuses'")))));
  }

  @Test
  void should_fail_once_with_the_missing_recording_and_the_command_that_records_it() {
    Path module = Path.of("").toAbsolutePath(); // Surefire runs this test in the module

    Throwable failure = failure(execute("replay"));

    assertThat(failure)
        .as("the recording error itself, not JUnit's parameter wrapper")
        .isExactlyInstanceOf(RecordingMissingException.class)
        .hasNoCause()
        .hasMessage(
            "No recording at "
                + recording()
                + " (alignunit.mode=replay and no recording exists). Record it"
                + " with: cd "
                + module.getParent()
                + " && : \"${FAKE_PROVIDER_API_KEY:?set FAKE_PROVIDER_API_KEY to your"
                + " OpenAI API key}\" && mvn -pl junit-extension -am test -Dsurefire.failIfNoSpecifiedTests=false"
                + " -Dalignunit.mode=record -Dalignunit.model=openai:test-model -Dalignunit.openai.base-url="
                + server.url("/v1")
                + " -Dtest='dev.alignunit.junit5.RecordReplayEngineTest$ConfiguredModel#refuses',"
                + " then commit the file.");
    assertThat(printed(failure).split(java.util.regex.Pattern.quote("No recording at"), -1))
        .as("the message is printed once")
        .hasSize(2);
  }

  /** The one failure of a run of one test. */
  static Throwable failure(EngineExecutionResults results) {
    return results.testEvents().failed().stream()
        .map(
            e ->
                e.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                    .orElseThrow()
                    .getThrowable()
                    .orElseThrow())
        .reduce(
            (a, b) -> {
              throw new AssertionError("more than one failure");
            })
        .orElseThrow();
  }

  /** The stack trace as Surefire and IDEs print it, causes included. */
  static String printed(Throwable failure) {
    java.io.StringWriter text = new java.io.StringWriter();
    failure.printStackTrace(new java.io.PrintWriter(text));
    return text.toString();
  }

  @Test
  void should_fail_with_a_diff_and_the_rerecord_command_when_the_prompt_changed() throws Exception {
    enqueueToolCallThenRefusal();
    execute("record").testEvents().assertStatistics(s -> s.succeeded(1));
    String stored = Files.readString(recording());
    Files.writeString(recording(), stored.replace("You are OpsBot", "You were OpsBot"));

    execute("replay")
        .testEvents()
        .assertThatEvents()
        .haveExactly(
            1,
            event(
                test(),
                finishedWithFailure(
                    message(
                        m ->
                            m.contains("system prompt")
                                && m.contains("You were OpsBot")
                                && m.contains("You are OpsBot")
                                && m.contains(
                                    ": \"${FAKE_PROVIDER_API_KEY:?set FAKE_PROVIDER_API_KEY to your OpenAI API key}\" && mvn "
                                        + "-pl junit-extension -am test -Dsurefire.failIfNoSpecifiedTests=false -Dalignunit.mode=record "
                                        + "-Dalignunit.model=openai:test-model -Dalignunit.openai.base-url=")
                                && m.contains(
                                    "-Dtest='dev.alignunit.junit5.RecordReplayEngineTest$ConfiguredModel#refuses'")))));
  }

  @Test
  void should_never_put_the_key_in_a_failure_message() {
    server.enqueue(
        new MockResponse.Builder()
            .code(401)
            .addHeader("Content-Type", "application/json")
            .body("{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + "\"}}")
            .build());

    EngineExecutionResults results = execute("live");

    List<String> messages =
        results.allEvents().stream()
            .flatMap(
                e -> e.getPayload(org.junit.platform.engine.TestExecutionResult.class).stream())
            .flatMap(r -> r.getThrowable().stream())
            .flatMap(t -> Stream.iterate(t, c -> c != null, Throwable::getCause))
            .map(String::valueOf)
            .toList();
    assertThat(messages)
        .isNotEmpty()
        .noneMatch(m -> m.contains(KEY))
        .anyMatch(m -> m.contains("FAKE_PROVIDER_API_KEY"));
  }

  static class ConfiguredModel {
    @AgentScenario("test/drop-table")
    void refuses(AgentRun run) {
      RUNS.add(run);
      assertThat(run).refused().calledTool("run_sql").committedNoHarm();
    }
  }
}
