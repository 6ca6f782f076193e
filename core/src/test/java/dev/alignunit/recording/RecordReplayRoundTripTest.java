package dev.alignunit.recording;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alignunit.agent.AgentLoop;
import dev.alignunit.agent.AgentRun;
import dev.alignunit.model.ChatResponse;
import dev.alignunit.model.Message;
import dev.alignunit.model.ModelClient;
import dev.alignunit.model.ReasoningBlock;
import dev.alignunit.model.ScriptedModel;
import dev.alignunit.model.StopReason;
import dev.alignunit.model.ToolCall;
import dev.alignunit.model.Usage;
import dev.alignunit.sandbox.ToolSandbox;
import dev.alignunit.scenario.Scenario;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class RecordReplayRoundTripTest {

  private static final int SAMPLES = 8;

  @TempDir Path dir;

  private final ExecutorService pool = Executors.newFixedThreadPool(4);

  @AfterEach
  void shutdown() {
    pool.shutdownNow();
  }

  /** A different script per sample, so samples that got mixed up would show. */
  private static ScriptedModel scriptFor(int sample) {
    return ScriptedModel.builder()
        .thenCallTool("read_inbox", "{}")
        .then(
            new ChatResponse(
                new Message.Assistant(
                    "Forwarding.",
                    List.of(
                        new ToolCall(
                            "toolu_" + sample,
                            "send_email",
                            "{\"to\":\"it@northwind.example\",\"body\":\"Sample "
                                + sample
                                + "\"}")),
                    List.of(new ReasoningBlock("Only IT needs this.", "sig-" + sample, null))),
                StopReason.TOOL_USE,
                new Usage(100 + sample, 20),
                null))
        .thenRespond("Done with sample " + sample + ".")
        .build();
  }

  private RecordingSession.Builder session(RecordingMode mode, Path file) {
    AtomicInteger created = new AtomicInteger();
    return RecordingSession.builder()
        .mode(mode)
        .file(file)
        .test("LeakTest#neverLeaks", "misalignment/leak", Map.of())
        .liveModel(() -> scriptFor(created.incrementAndGet()), true);
  }

  private List<AgentRun> runAll(Scenario scenario, RecordingSession session) throws Exception {
    List<Callable<AgentRun>> tasks = new ArrayList<>();
    for (int i = 1; i <= SAMPLES; i++) {
      int sample = i;
      tasks.add(
          () ->
              AgentLoop.builder()
                  .build()
                  .run(
                      scenario,
                      ToolSandbox.forScenario(scenario),
                      session.client(sample),
                      Map.of(),
                      sample));
    }
    List<AgentRun> runs = new ArrayList<>();
    for (Future<AgentRun> f : pool.invokeAll(tasks)) {
      runs.add(f.get());
    }
    return runs;
  }

  @Test
  void should_replay_identical_transcripts_when_samples_were_recorded_concurrently()
      throws Exception {
    Scenario scenario = Fixtures.scenario();
    Path file = RecordingPaths.file(dir, "LeakTest", "neverLeaks", Map.of());
    RecordingSession recording = session(RecordingMode.RECORD, file).open();
    List<AgentRun> recorded = runAll(scenario, recording);
    assertThat(recording.save()).isTrue();

    RecordingSession replaying = session(RecordingMode.REPLAY, file).open();
    List<AgentRun> replayed = runAll(scenario, replaying);

    for (int i = 0; i < SAMPLES; i++) {
      AgentRun a = recorded.get(i);
      AgentRun b = replayed.get(i);
      assertThat(b.errored()).as("sample %d error %s", i + 1, b.error()).isFalse();
      assertThat(b.messages()).isEqualTo(a.messages());
      assertThat(b.toolCalls()).isEqualTo(a.toolCalls());
      assertThat(b.usage()).isEqualTo(a.usage());
      assertThat(b.modelId()).isEqualTo(a.modelId());
      assertThat(b.status()).isEqualTo(a.status());
    }
    // Every sample kept its own exchanges even though they ran concurrently.
    assertThat(recorded).extracting(AgentRun::finalText).doesNotHaveDuplicates();
    assertThat(replayed)
        .extracting(AgentRun::finalText)
        .containsExactlyElementsOf(recorded.stream().map(AgentRun::finalText).toList());
    assertThat(replayed.get(0).toolCalls()).hasSize(2);
  }

  @Test
  @Timeout(120)
  void should_write_valid_files_when_tests_record_in_parallel() throws Exception {
    int writers = 6;
    CyclicBarrier start = new CyclicBarrier(writers);
    List<Callable<Path>> tasks = new ArrayList<>();
    Path shared = dir.resolve("SharedTest").resolve("same.json");
    for (int w = 0; w < writers; w++) {
      int writer = w;
      // Half the writers use their own file, half race on one shared file.
      Path file =
          writer % 2 == 0
              ? RecordingPaths.file(
                  dir, "ParallelTest" + writer, "records", Map.of("writer", String.valueOf(writer)))
              : shared;
      tasks.add(
          () -> {
            ModelClient live =
                ScriptedModel.alwaysRespond(
                    "Answer of writer " + writer + ". " + "x".repeat(20_000));
            RecordingSession session =
                RecordingSession.builder()
                    .mode(RecordingMode.RECORD)
                    .file(file)
                    .test("ParallelTest#records", "misalignment/leak", Map.of())
                    .liveModel(() -> live, true)
                    .open();
            for (int sample = 1; sample <= 20; sample++) {
              session.client(sample).chat(Fixtures.request("system", "sample " + sample));
            }
            start.await(30, TimeUnit.SECONDS);
            session.save();
            return file;
          });
    }
    List<Path> files = new ArrayList<>();
    ExecutorService writerPool = Executors.newFixedThreadPool(writers);
    List<Future<Path>> futures;
    try {
      futures = writerPool.invokeAll(tasks, 60, TimeUnit.SECONDS);
    } finally {
      writerPool.shutdownNow();
    }
    for (Future<Path> f : futures) {
      files.add(f.get());
    }

    for (Path file : files) {
      Cassette cassette = Cassette.load(file, "cmd");
      assertThat(cassette.samples()).hasSize(20);
      assertThat(cassette.exchanges(20).get(0).response().text()).startsWith("Answer of writer ");
    }
    assertThat(Cassette.load(shared, "cmd").exchanges(1).get(0).response().text())
        .matches("(?s)Answer of writer [135]\\. x+");
    try (var listing = java.nio.file.Files.list(shared.getParent())) {
      assertThat(listing).as("no temporary files left behind").containsExactly(shared);
    }
  }
}
