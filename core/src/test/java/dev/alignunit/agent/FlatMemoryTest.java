package dev.alignunit.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alignunit.assertions.AlignUnitAssertions;
import dev.alignunit.evaluation.Evaluator;
import dev.alignunit.evaluation.RunEvaluation;
import dev.alignunit.model.Message;
import dev.alignunit.model.ServerErrorException;
import dev.alignunit.sandbox.ToolCallRecord;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A large sample set keeps verdicts and counts, not every transcript (issue 18, flat memory): which
 * runs stay whole, what a summary answers, and the error a check that needs a dropped transcript
 * gets. Hand-made runs (no model).
 */
class FlatMemoryTest {

  private static final Evaluator EVALUATOR = Evaluator.defaults();

  /** A graded run that refuses; samples in {@code calling} call {@code lookup} first. */
  private static AgentRun graded(int n, boolean calling) {
    List<ToolCallRecord> calls =
        calling
            ? List.of(
                new ToolCallRecord(
                    0, 1, "c" + n, "lookup", "{}", null, "found", ToolCallRecord.Outcome.OK))
            : List.of();
    return EVALUATOR.graded(
        AgentRun.builder(Fixtures.SCENARIO)
            .sample(n)
            .modelId("scripted")
            .messages(
                List.of(
                    Message.user("Work through the inbox."),
                    Message.assistant("I can't help with that request.")))
            .toolCalls(calls)
            .build());
  }

  private static SampleSet run(
      int keep, int samples, java.util.function.IntFunction<AgentRun> sample) {
    return SampleRunner.builder()
        .concurrency(4)
        .keepTranscripts(keep)
        .build()
        .run(Fixtures.SCENARIO, Map.of(), samples, sample);
  }

  @Test
  void should_keep_every_run_whole_when_the_set_is_within_the_bound() {
    SampleSet set = run(100, 100, n -> graded(n, false));

    assertThat(set.runs()).allMatch(AgentRun::transcriptKept);
  }

  @Test
  void should_keep_the_first_tenth_whole_and_summaries_of_the_rest_counting_every_verdict() {
    SampleSet set = run(10, 100, n -> graded(n, n % 2 == 0));

    assertThat(set.run(1).transcriptKept()).isTrue();
    assertThat(set.runs().subList(1, 100)).noneMatch(AgentRun::transcriptKept);
    AgentRun summary = set.run(2);
    assertThat(summary.calledTools()).containsExactly("lookup");
    assertThat(summary.turns()).isEqualTo(set.run(1).turns());
    assertThat(summary.tag(RunEvaluation.class).orElseThrow().refusal().label())
        .isEqualTo(dev.alignunit.grading.RefusalLabel.REFUSAL);
    assertThat(summary.tag(RunEvaluation.class).orElseThrow().answer())
        .isEqualTo(RunEvaluation.EVIDENCE_NOT_KEPT);
    // Every sample counts, summaries included.
    AlignUnitAssertions.assertThat(set).refusalRate().isAtLeast(1.0);
    assertThat(set.rateOf(r -> r.calledTools().contains("lookup")).matching()).isEqualTo(50);
    AlignUnitAssertions.assertThat(set).allRuns().neverCalledTool("refund");
    assertThatThrownBy(
            () -> AlignUnitAssertions.assertThat(set).allRuns().neverCalledTool("lookup"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(
            "it called it 1 time(s); its transcript was not "
                + "kept (alignunit.samples.keep-transcripts; the report has it)");
  }

  @Test
  void should_say_how_to_keep_a_transcript_when_a_check_reads_a_dropped_one() {
    AgentRun summary = run(10, 20, n -> graded(n, false)).run(5);

    assertThatThrownBy(summary::finalText)
        .isInstanceOf(TranscriptNotKeptException.class)
        .hasMessage(
            "The transcript of misalignment/blackmail sample 5 was not kept, so the final text cannot be read: a sample "
                + "set larger than alignunit.samples.keep-transcripts (default 1000) keeps whole runs only of its first "
                + "samples and of those that errored or failed an expectation; the verdicts of every sample are kept and "
                + "counted, and the report has every transcript. Raise alignunit.samples.keep-transcripts to the number "
                + "of samples to keep every transcript in memory (about 2-5 KB each).");
    assertThatThrownBy(summary::messages)
        .isInstanceOf(TranscriptNotKeptException.class)
        .hasMessageContaining("so the messages cannot be read");
    assertThatThrownBy(summary::toolCalls).isInstanceOf(TranscriptNotKeptException.class);
    assertThatThrownBy(summary::effects).isInstanceOf(TranscriptNotKeptException.class);
    assertThat(summary)
        .hasToString(
            "AgentRun{misalignment/blackmail sample 5, status=COMPLETED, turns=0, "
                + "toolCalls=0, summary}");
  }

  @Test
  void should_fail_a_reasoning_check_on_a_summary_instead_of_passing_on_an_empty_transcript() {
    AgentRun summary = run(10, 20, n -> graded(n, false)).run(7);

    assertThatThrownBy(
            () ->
                AlignUnitAssertions.assertThat(summary)
                    .explainedReasoning(dev.alignunit.grading.ReasoningSource.REASONING))
        .isInstanceOf(TranscriptNotKeptException.class)
        .hasMessageStartingWith(
            "The transcript of misalignment/blackmail sample 7 was not kept, so the reasoning "
                + "text cannot be read");
  }

  @Test
  void should_keep_errored_runs_whole_up_to_the_bound_and_summarize_the_errors_of_the_others() {
    SampleSet set =
        run(
            10,
            100,
            n ->
                n > 50 && n <= 70
                    ? EVALUATOR.graded(
                        AgentRun.builder(Fixtures.SCENARIO)
                            .sample(n)
                            .modelId("scripted")
                            .error(
                                new ServerErrorException(
                                    "openai",
                                    503,
                                    n,
                                    1,
                                    "HTTP 503 from openai (request " + n % 2 + ")",
                                    null))
                            .build())
                    : graded(n, false));

    List<AgentRun> errored = set.errored();
    assertThat(errored).hasSize(20);
    // The bound is 10: sample 1, then the first 9 notable runs to finish.
    assertThat(errored.stream().filter(AgentRun::transcriptKept)).hasSize(9);
    AgentRun summarized =
        errored.stream().filter(r -> !r.transcriptKept()).findFirst().orElseThrow();
    assertThat(summarized.error().orElseThrow()).isInstanceOf(SummarizedError.class);
    assertThat(SummarizedError.describe(summarized.error().orElseThrow()))
        .matches("ServerErrorException: HTTP 503 from openai \\(request [01]\\)");
    assertThat(SampleSet.errorEvidence(summarized))
        .isEqualTo(SummarizedError.describe(summarized.error().get()));
  }

  @Test
  void should_keep_ungraded_runs_whole_since_nothing_could_grade_them_later() {
    SampleSet set = run(10, 50, n -> Fixtures.answered(n, "done"));

    assertThat(set.runs()).allMatch(AgentRun::transcriptKept);
  }

  @Test
  void
      should_hand_every_run_whole_to_the_finished_callback_and_rethrow_its_failure_after_the_set() {
    List<AgentRun> seen = new CopyOnWriteArrayList<>();
    SampleSet set =
        SampleRunner.builder()
            .concurrency(4)
            .keepTranscripts(5)
            .onFinished(seen::add)
            .build()
            .run(Fixtures.SCENARIO, Map.of(), 40, n -> graded(n, false));

    assertThat(seen).hasSize(40).allMatch(AgentRun::transcriptKept);
    assertThat(set.runs().stream().filter(AgentRun::transcriptKept)).hasSize(1);

    List<Integer> ran = new CopyOnWriteArrayList<>();
    assertThatThrownBy(
            () ->
                SampleRunner.builder()
                    .concurrency(2)
                    .onFinished(
                        run -> {
                          throw new IllegalStateException("disk full");
                        })
                    .build()
                    .run(
                        Fixtures.SCENARIO,
                        Map.of(),
                        6,
                        n -> {
                          ran.add(n);
                          return graded(n, false);
                        }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("disk full");
    assertThat(ran).hasSize(6);
  }

  @Test
  void should_reject_a_bound_below_one() {
    assertThatThrownBy(() -> SampleRunner.builder().keepTranscripts(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("keepTranscripts must be at least 1, was 0");
  }
}
