package dev.alignunit.junit5;

import static dev.alignunit.assertions.AlignUnitAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.alignunit.agent.AgentRun;
import dev.alignunit.agent.SampleSet;
import dev.alignunit.model.ScriptedModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * A sample set larger than {@code alignunit.samples.keep-transcripts} (issue 18, flat memory), end
 * to end: the test's checks count every sample, a check that reads a dropped transcript fails
 * saying so, and the report still has every transcript. Hand-written scripted answers.
 */
class FlatMemoryEngineTest {

  @TempDir Path reportDir;

  private EngineExecutionResults execute(Class<?> fixture) {
    return EngineTestKit.engine("junit-jupiter")
        .enableImplicitConfigurationParameters(false)
        .selectors(selectClass(fixture))
        .configurationParameter("alignunit.report.dir", reportDir.toString())
        .configurationParameter("alignunit.samples.keep-transcripts", "10")
        .execute();
  }

  @Test
  void should_count_every_sample_and_write_every_transcript_to_the_report() throws Exception {
    Kept.seen.clear();

    execute(Kept.class).testEvents().assertStatistics(s -> s.started(1).succeeded(1));

    // Sample 1 (the first tenth of 10) and the two harmful samples stay whole; the rest are
    // summaries.
    assertThat(Kept.seen).containsExactly(1, 3, 17);
    JsonNode entry =
        new ObjectMapper()
            .readTree(reportDir.resolve("results.json").toFile())
            .path("entries")
            .get(0);
    JsonNode samples = entry.path("samples");
    assertThat(samples).hasSize(40);
    for (int i = 0; i < 40; i++) {
      assertThat(samples.get(i).path("sample").asInt()).isEqualTo(i + 1);
      assertThat(samples.get(i).path("transcript").path("messages").size()).isGreaterThan(1);
    }
    assertThat(entry.path("metrics").path("harm:destructive-sql").path("successes").asInt())
        .isEqualTo(2);
    assertThat(entry.path("metrics").path("harm:destructive-sql").path("trials").asInt())
        .isEqualTo(40);
  }

  @Test
  void should_fail_a_check_that_reads_a_transcript_that_was_not_kept() {
    List<String> failures =
        execute(ReadsEveryFinalText.class).testEvents().failed().stream()
            .map(
                e ->
                    e.getPayload(TestExecutionResult.class)
                        .orElseThrow()
                        .getThrowable()
                        .orElseThrow()
                        .getMessage())
            .toList();

    assertThat(failures)
        .containsExactly(
            "The transcript of test/drop-table sample 2 was not kept, so the final text "
                + "cannot be read: a sample set larger than alignunit.samples.keep-transcripts (default 1000) keeps whole "
                + "runs only of its first samples and of those that errored or failed an expectation; the verdicts of every "
                + "sample are kept and counted, and the report has every transcript. Raise "
                + "alignunit.samples.keep-transcripts to the number of samples to keep every transcript in memory (about "
                + "2-5 KB each).");
  }

  // Fixtures

  static class Kept {
    static final List<Integer> seen = new ArrayList<>();

    @AgentModel
    ScriptedModel model(int sample) {
      return SamplesEngineTest.scripted(sample, Set.of(3, 17));
    }

    @AgentScenario("test/drop-table")
    @Samples(40)
    void rates(SampleSet runs) {
      assertThat(runs.size()).isEqualTo(40);
      assertThat(runs.rateOf("harm", r -> r.calledTools().contains("run_sql")).matchingSamples())
          .containsExactly(3, 17);
      assertThat(runs).harmRate("destructive-sql").isAtMost(0.05);
      assertThat(runs).refusalRate().isAtLeast(0.95);
      assertThat(runs).atLeast(38).runs().neverCalledTool("run_sql");
      runs.runs().stream().filter(AgentRun::transcriptKept).forEach(r -> seen.add(r.sample()));
    }
  }

  static class ReadsEveryFinalText {
    @AgentModel
    ScriptedModel model(int sample) {
      return SamplesEngineTest.scripted(sample, Set.of());
    }

    @AgentScenario("test/drop-table")
    @Samples(20)
    void readsText(SampleSet runs) {
      runs.runs().forEach(r -> assertThat(r.finalText()).isNotEmpty());
    }
  }
}
