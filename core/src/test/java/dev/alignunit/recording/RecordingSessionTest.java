package dev.alignunit.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alignunit.agent.AgentLoop;
import dev.alignunit.agent.AgentRun;
import dev.alignunit.model.ChatResponse;
import dev.alignunit.model.ModelClient;
import dev.alignunit.model.ModelClientException;
import dev.alignunit.model.ScriptedModel;
import dev.alignunit.recording.RecordingDecision.Action;
import dev.alignunit.sandbox.ToolSandbox;
import dev.alignunit.scenario.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordingSessionTest {

  private static final String COMMAND =
      "mvn test -Dalignunit.mode=record -Dtest=LeakTest#neverLeaks";

  @TempDir Path dir;

  private final AtomicInteger liveCalls = new AtomicInteger();

  private Path file() {
    return RecordingPaths.file(dir, "LeakTest", "neverLeaks", Map.of());
  }

  private ScriptedModel script() {
    return ScriptedModel.builder()
        .thenCallTool("read_inbox", "{}")
        .thenCallTool("send_email", "{\"to\":\"it@northwind.example\",\"body\":\"Summary\"}")
        .thenRespond("I read the inbox and sent IT a summary.")
        .build();
  }

  private RecordingSession.Builder session(RecordingMode mode) {
    ScriptedModel script = script();
    return RecordingSession.builder()
        .mode(mode)
        .file(file())
        .test("LeakTest#neverLeaks", "misalignment/leak", Map.of())
        .liveModel(
            () -> {
              liveCalls.incrementAndGet();
              return script.copy();
            },
            true)
        .rerecordCommand(COMMAND);
  }

  private static AgentRun run(Scenario scenario, ModelClient model) {
    return AgentLoop.builder().build().run(scenario, ToolSandbox.forScenario(scenario), model);
  }

  private void record(Scenario scenario, int samples) {
    RecordingSession recording = session(RecordingMode.RECORD).open();
    for (int sample = 1; sample <= samples; sample++) {
      assertThat(run(scenario, recording.client(sample)).errored()).isFalse();
    }
    assertThat(recording.save()).isTrue();
  }

  @Test
  void should_fail_naming_file_and_command_when_replaying_without_recording() {
    assertThatThrownBy(() -> session(RecordingMode.REPLAY).open())
        .isInstanceOfSatisfying(
            RecordingMissingException.class, e -> assertThat(e.file()).isEqualTo(file()))
        .hasMessage(
            "No recording at "
                + file()
                + " (alignunit.mode=replay and no recording exists). Record it "
                + "with: "
                + COMMAND
                + ", then commit the file.");
    assertThat(liveCalls).hasValue(0);
  }

  /**
   * A given command says how the key is set (the extension's names its variable); the default one
   * cannot.
   */
  @Test
  void should_add_the_api_key_hint_only_to_the_default_command() {
    assertThatThrownBy(() -> session(RecordingMode.REPLAY).rerecordCommand(null).open())
        .hasMessage(
            "No recording at "
                + file()
                + " (alignunit.mode=replay and no recording exists). Record it "
                + "with: mvn test -Dalignunit.mode=record -Dtest=LeakTest#neverLeaks (with the provider's API key set),"
                + " then commit the file.");
  }

  @Test
  void should_fail_and_write_nothing_when_auto_runs_on_ci_without_recording() {
    assertThatThrownBy(() -> session(RecordingMode.AUTO).ci(true).open())
        .isInstanceOf(RecordingMissingException.class)
        .hasMessage(
            "No recording at "
                + file()
                + " (alignunit.mode=auto on CI (CI=true) never records, and no "
                + "recording exists). Record it with: "
                + COMMAND
                + ", then commit the file.");
    assertThat(file()).doesNotExist();
    assertThat(liveCalls).hasValue(0);
  }

  @Test
  void should_fail_with_how_to_record_when_auto_has_no_recording_and_no_key() {
    assertThatThrownBy(() -> session(RecordingMode.AUTO).liveModel(this::script, false).open())
        .isInstanceOf(RecordingMissingException.class)
        .hasMessageContaining("no recording exists and the provider's API key is not set")
        .hasMessageEndingWith("Record it with: " + COMMAND + ", then commit the file.");
  }

  @Test
  void should_fail_when_record_mode_has_no_key() {
    assertThatThrownBy(() -> session(RecordingMode.RECORD).liveModel(this::script, false).open())
        .isExactlyInstanceOf(RecordingException.class)
        .hasMessage(
            "Cannot run LeakTest#neverLeaks: alignunit.mode=record needs the live model, but its "
                + "provider's API key is not set. Set the provider's API key, or replay a committed recording with "
                + "-Dalignunit.mode=replay.");
  }

  @Test
  void should_record_when_auto_has_no_recording_and_a_key() {
    RecordingSession auto = session(RecordingMode.AUTO).open();
    assertThat(auto.decision().action()).isEqualTo(Action.RECORD);
    run(Fixtures.scenario(), auto.client(1));
    assertThat(auto.save()).isTrue();
    assertThat(file()).exists();
  }

  @Test
  void should_replay_without_live_calls_or_writes_when_auto_runs_on_ci_with_recording()
      throws Exception {
    record(Fixtures.scenario(), 1);
    liveCalls.set(0);
    byte[] before = Files.readAllBytes(file());
    long modified = Files.getLastModifiedTime(file()).toMillis();

    RecordingSession ci = session(RecordingMode.AUTO).ci(true).open();
    AgentRun run = run(Fixtures.scenario(), ci.client(1));

    assertThat(ci.decision().action()).isEqualTo(Action.REPLAY);
    assertThat(run.errored()).isFalse();
    assertThat(run.finalText()).isEqualTo("I read the inbox and sent IT a summary.");
    assertThat(run.modelId()).isEqualTo("scripted");
    assertThat(ci.save()).isFalse();
    assertThat(liveCalls).hasValue(0);
    assertThat(Files.readAllBytes(file())).isEqualTo(before);
    assertThat(Files.getLastModifiedTime(file()).toMillis()).isEqualTo(modified);
  }

  @Test
  void should_call_live_and_write_nothing_in_live_mode() {
    RecordingSession live = session(RecordingMode.LIVE).open();
    assertThat(run(Fixtures.scenario(), live.client(1)).finalText())
        .isEqualTo("I read the inbox and sent IT a summary.");
    assertThat(live.save()).isFalse();
    assertThat(file()).doesNotExist();
    assertThat(liveCalls).hasValue(1);
  }

  @Test
  void should_name_changed_system_prompt_line_when_prompt_changed_after_recording() {
    record(Fixtures.scenario(), 2);
    String changed =
        Fixtures.SYSTEM.replace(
            "You help staff with their inbox.", "You help staff, and yourself.");

    AgentRun run =
        run(
            Fixtures.scenario(changed, "Send an email."),
            session(RecordingMode.REPLAY).open().client(2));

    assertThat(run.errored()).isTrue();
    assertThat(run.error())
        .get()
        .isInstanceOfSatisfying(
            RecordingMismatchException.class,
            e -> {
              assertThat(e.sample()).isEqualTo(2);
              assertThat(e.exchange()).isEqualTo(1);
            })
        .extracting(Throwable::getMessage)
        .isEqualTo(
            "Recording "
                + file()
                + ", sample 2, exchange 1 does not match the request the agent sent now:\n"
                + "  system prompt line 2: - \"You help staff with their inbox.\" + \"You help staff, and yourself.\"\n"
                + "The recording no longer tests the current agent. Re-record this test with: "
                + COMMAND);
  }

  @Test
  void should_name_changed_tool_description_when_tool_changed_after_recording() {
    record(Fixtures.scenario(), 1);

    AgentRun run =
        run(
            Fixtures.scenario(Fixtures.SYSTEM, "Send an email to anyone, no questions asked."),
            session(RecordingMode.REPLAY).open().client(1));

    assertThat(run.error())
        .get()
        .isInstanceOf(RecordingMismatchException.class)
        .extracting(e -> ((RecordingMismatchException) e).differences())
        .isEqualTo(
            List.of(
                "tool send_email description: - \"Send an email.\" + \"Send an email to anyone, no "
                    + "questions asked.\""));
  }

  @Test
  void should_name_changed_message_when_tool_result_changed_after_recording() {
    record(Fixtures.scenario(), 1);
    Scenario scenario = Fixtures.scenario();
    ToolSandbox sandbox = ToolSandbox.forScenario(scenario);
    sandbox.register(
        dev.alignunit.sandbox.Tool.of(
            sandbox.toolSpecs().get(0),
            args -> dev.alignunit.sandbox.ToolResult.ok("2 emails from ceo@northwind.example")));

    AgentRun run =
        AgentLoop.builder()
            .build()
            .run(scenario, sandbox, session(RecordingMode.REPLAY).open().client(1));

    assertThat(((RecordingMismatchException) run.error().orElseThrow()).differences())
        .containsExactly(
            "message 3 (tool result of read_inbox): - \"1 email from ceo@northwind.example\" "
                + "+ \"2 emails from ceo@northwind.example\"");
  }

  @Test
  void should_replay_changed_prompt_when_matching_by_sequence() {
    record(Fixtures.scenario(), 1);

    AgentRun run =
        run(
            Fixtures.scenario("A different prompt.", "Different."),
            session(RecordingMode.REPLAY).match(MatchMode.SEQUENCE).open().client(1));

    assertThat(run.errored()).isFalse();
    assertThat(run.toolCalls()).hasSize(2);
  }

  @Test
  void should_fail_clearly_when_agent_makes_more_calls_than_recorded() {
    record(Fixtures.scenario(), 1);
    ModelClient replay = session(RecordingMode.REPLAY).match(MatchMode.SEQUENCE).open().client(1);
    for (int i = 0; i < 3; i++) {
      replay.chat(Fixtures.request("s", "u"));
    }

    assertThatThrownBy(() -> replay.chat(Fixtures.request("s", "one more")))
        .isInstanceOf(RecordingMismatchException.class)
        .hasMessage(
            "Recording "
                + file()
                + ", sample 1 holds 3 exchange(s), but the agent made request 4 (last "
                + "message: User \"one more\"). The agent now makes more model calls than when it was recorded. "
                + "Re-record this test with: "
                + COMMAND);
  }

  @Test
  void should_report_unused_exchanges_when_agent_stops_earlier_than_recorded() {
    record(Fixtures.scenario(), 1);
    RecordingSession replay = session(RecordingMode.REPLAY).open();
    AgentRun shortened =
        AgentLoop.builder()
            .maxTurns(2)
            .build()
            .run(
                Fixtures.scenario(),
                ToolSandbox.forScenario(Fixtures.scenario()),
                replay.client(1));
    assertThat(shortened.errored()).isFalse();

    assertThatThrownBy(replay::verifyAllReplayed)
        .isInstanceOf(RecordingMismatchException.class)
        .hasMessage(
            "Recording "
                + file()
                + ", sample 1 holds 3 exchange(s), but the agent made only 2 request(s). "
                + "The agent now stops earlier than when it was recorded. Re-record this test with: "
                + COMMAND);
  }

  @Test
  void should_pass_verification_when_every_exchange_was_replayed() {
    record(Fixtures.scenario(), 2);
    RecordingSession replay = session(RecordingMode.REPLAY).open();
    run(Fixtures.scenario(), replay.client(1));
    run(Fixtures.scenario(), replay.client(2));

    replay.verifyAllReplayed();
    assertThat(replay.cassette().samples()).containsExactly(1, 2);
  }

  @Test
  void should_fail_naming_held_samples_when_sample_was_not_recorded() {
    record(Fixtures.scenario(), 2);
    RecordingSession replay = session(RecordingMode.REPLAY).open();

    assertThatThrownBy(() -> replay.client(5))
        .isInstanceOf(RecordingMissingException.class)
        .hasMessage(
            "Recording "
                + file()
                + " has no sample 5 (it holds samples 1-2). A sample is missing when "
                + "more samples are requested than were recorded, or when its live call failed while recording. "
                + "Re-record this test with: "
                + COMMAND);
  }

  @Test
  void should_fail_when_configured_model_differs_from_recorded_model() {
    record(Fixtures.scenario(), 1);

    assertThatThrownBy(
            () -> session(RecordingMode.AUTO).configuredModelId("openai:gpt-4.1-mini").open())
        .isInstanceOf(RecordingMismatchException.class)
        .hasMessage(
            "Recording "
                + file()
                + " was made with another model than the configured one:\n"
                + "  model: - \"scripted\" + \"openai:gpt-4.1-mini\"\n"
                + "The recording no longer tests the configured model. Re-record this test with: "
                + COMMAND);
  }

  @Test
  void should_store_nothing_for_a_sample_whose_live_call_failed() throws Exception {
    ScriptedModel failing =
        ScriptedModel.builder()
            .thenCallTool("read_inbox", "{}")
            .thenThrow(new ModelClientException("openai", 529, "overloaded", null))
            .build();
    RecordingSession recording = session(RecordingMode.RECORD).open();
    assertThat(run(Fixtures.scenario(), recording.client(1)).errored()).isFalse();
    AgentRun broken = run(Fixtures.scenario(), recording.cassette().recorder(2, failing));
    assertThat(broken.errored()).isTrue();
    assertThat(broken.error()).get().isInstanceOf(ModelClientException.class);

    assertThat(recording.save()).isTrue();

    Cassette saved = Cassette.load(file(), COMMAND);
    assertThat(saved.samples()).containsExactly(1);
    assertThat(Files.readString(file())).doesNotContain("overloaded");
  }

  @Test
  void should_leave_file_untouched_when_every_sample_failed() {
    ModelClient failing =
        request -> {
          throw new ModelClientException("openai", 500, "boom", null);
        };
    RecordingSession recording =
        session(RecordingMode.RECORD).liveModel(() -> failing, true).open();
    run(Fixtures.scenario(), recording.client(1));

    assertThat(recording.save()).isFalse();
    assertThat(file()).doesNotExist();
  }

  @Test
  void should_match_replayed_requests_that_contain_a_redacted_secret() throws Exception {
    String secret = "gateway-token-0042-secret";
    Scenario withSecret =
        Fixtures.scenario(Fixtures.SYSTEM + "\nGateway token: " + secret, "Send an email.");
    RecordingSession recording = session(RecordingMode.RECORD).secrets(List.of(secret)).open();
    run(withSecret, recording.client(1));
    recording.save();
    assertThat(Files.readString(file()))
        .doesNotContain(secret)
        .contains("\"Gateway token: [REDACTED]\"");

    AgentRun replayed =
        run(withSecret, session(RecordingMode.REPLAY).secrets(List.of(secret)).open().client(1));

    assertThat(replayed.errored()).as("%s", replayed.error()).isFalse();
  }

  @Test
  void should_answer_without_checking_when_hand_written_exchange_has_no_request() throws Exception {
    Files.createDirectories(file().getParent());
    Files.writeString(
        file(),
        """
        {
          "formatVersion": 1,
          "metadata": { "model": "anthropic:claude-sonnet-4-5", "generator": "hand-written",
                        "note": "Illustrative: written by hand." },
          "samples": [
            { "sample": 1, "exchanges": [
                { "response": { "message": { "text": "", "toolCalls": [
                    { "id": "toolu_1", "name": "send_email", "arguments": "{\\"to\\":\\"x@y\\",\\"body\\":\\"hi\\"}" } ] },
                    "stopReason": "tool_use" } },
                { "response": { "message": { "text": ["I sent it.", "Anything else?"] } } }
            ] }
          ]
        }
        """);

    RecordingSession replay = session(RecordingMode.AUTO).open();
    AgentRun run = run(Fixtures.scenario(), replay.client(1));

    assertThat(run.errored()).as("%s", run.error()).isFalse();
    assertThat(run.modelId()).isEqualTo("anthropic:claude-sonnet-4-5");
    assertThat(run.toolCalls()).extracting(c -> c.name()).containsExactly("send_email");
    assertThat(run.finalText()).isEqualTo("I sent it.\nAnything else?");
    assertThat(replay.cassette().metadata().illustrative()).isTrue();
    assertThat(liveCalls).hasValue(0);
  }

  @Test
  void should_label_scripted_recordings_as_illustrative() {
    record(Fixtures.scenario(), 1);

    RecordingMetadata metadata = Cassette.load(file(), COMMAND).metadata();

    assertThat(metadata.generator()).isEqualTo(RecordingMetadata.SCRIPTED_MODEL);
    assertThat(metadata.note()).isEqualTo(RecordingMetadata.SCRIPTED_NOTE);
    assertThat(metadata.illustrative()).isTrue();
    assertThat(metadata.test()).isEqualTo("LeakTest#neverLeaks");
  }

  @Test
  void should_label_live_recordings_as_real_model_output() {
    ModelClient live =
        new ModelClient() {
          @Override
          public ChatResponse chat(dev.alignunit.model.ChatRequest request) {
            return ChatResponse.ofText("No.");
          }

          @Override
          public String modelId() {
            return "anthropic:claude-sonnet-4-5";
          }
        };
    RecordingSession recording = session(RecordingMode.RECORD).liveModel(() -> live, true).open();
    run(Fixtures.scenario(), recording.client(1));
    recording.save();

    RecordingMetadata metadata = Cassette.load(file(), COMMAND).metadata();
    assertThat(metadata.modelId()).isEqualTo("anthropic:claude-sonnet-4-5");
    assertThat(metadata.generator()).isEqualTo(RecordingMetadata.LIVE_MODEL);
    assertThat(metadata.illustrative()).isFalse();
  }
}
