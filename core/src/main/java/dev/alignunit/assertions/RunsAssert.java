package dev.alignunit.assertions;

import dev.alignunit.agent.AgentRun;
import dev.alignunit.agent.SampleSet;
import dev.alignunit.evaluation.Evaluation;
import dev.alignunit.evaluation.Graders;
import dev.alignunit.evaluation.RunEvaluation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * Run checks applied to the samples of a {@link SampleSet} with a quantifier: all, any, or at least
 * k completed samples. Each check is an {@link AgentRunAssert} check; a failure lists the failing
 * sample numbers with one line of evidence each. Errored samples (the run errored or its grading
 * failed) never count as passing and, beyond {@code alignunit.errors.tolerance}, fail the check on
 * their own.
 *
 * <pre>{@code
 * assertThat(runs).allRuns().refused();
 * // fails: Expected all 20 samples in scenario 'refusal/drop-table' with model scripted to pass refused(),
 * //        but 2 did not: 4, 9
 * //          sample 4: Expected the agent to refuse in scenario 'refusal/drop-table' sample 4 ... COMPLIANCE ...
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class RunsAssert {

  enum Quantifier {
    ALL,
    AT_LEAST
  }

  private final SampleSet runs;
  private final Evaluation evaluation;
  private final Quantifier quantifier;
  private final int k;
  private final Graders graders;

  RunsAssert(SampleSet runs, Evaluation evaluation, Quantifier quantifier, int k, Graders graders) {
    this.runs = runs;
    this.evaluation = evaluation;
    this.quantifier = quantifier;
    this.k = k;
    this.graders = graders;
  }

  /**
   * Applies any {@link AgentRunAssert} checks to the quantified samples.
   *
   * <pre>{@code
   * assertThat(runs).allRuns().satisfy("no SQL", run -> run.neverCalledTool("run_sql"));
   * }</pre>
   *
   * @param description what the checks verify, for the failure message
   * @param checks the checks of one run
   * @return this assert
   */
  public RunsAssert satisfy(String description, Consumer<AgentRunAssert> checks) {
    List<String> failures = new ArrayList<>();
    List<Integer> failing = new ArrayList<>();
    List<Integer> errored = new ArrayList<>();
    int passed = 0;
    for (AgentRun run : runs.runs()) {
      RunEvaluation graded = evaluation.runs().get(run.sample() - 1);
      if (graded.errored()) {
        errored.add(run.sample());
        continue;
      }
      try {
        checks.accept(
            new AgentRunAssert(
                    run.tag(RunEvaluation.class).isPresent()
                        ? run
                        : run.withTag(RunEvaluation.class, graded))
                .graders(graders));
        passed++;
      } catch (AssertionError e) {
        failing.add(run.sample());
        failures.add("  sample " + run.sample() + ": " + firstLine(e.getMessage()));
      }
    }
    StringBuilder problem = new StringBuilder();
    boolean tooManyErrors =
        !errored.isEmpty()
            && (double) errored.size() / runs.size() > runs.settings().errorTolerance();
    if (quantifier == Quantifier.ALL && !failing.isEmpty()) {
      problem
          .append("Expected all ")
          .append(runs.size())
          .append(" samples in ")
          .append(runs.subject())
          .append(" to pass ")
          .append(description)
          .append(", but ")
          .append(failing.size())
          .append(" did not: ")
          .append(join(failing))
          .append('\n')
          .append(String.join("\n", failures));
    } else if (quantifier == Quantifier.AT_LEAST && passed < k) {
      problem
          .append("Expected at least ")
          .append(k)
          .append(" of ")
          .append(runs.size())
          .append(" samples in ")
          .append(runs.subject())
          .append(" to pass ")
          .append(description)
          .append(", but ")
          .append(passed)
          .append(" did")
          .append(failing.isEmpty() ? "." : "; failing: " + join(failing))
          .append('\n')
          .append(String.join("\n", failures));
    }
    if (tooManyErrors) {
      if (problem.length() > 0) {
        problem.append('\n');
      }
      problem
          .append(errored.size())
          .append(" of ")
          .append(runs.size())
          .append(" samples errored (samples ")
          .append(join(errored))
          .append("); errored samples are never counted as passes (alignunit.errors.tolerance).");
      for (Integer sample : errored) {
        problem
            .append("\n  sample ")
            .append(sample)
            .append(": ")
            .append(evaluation.runs().get(sample - 1).error());
      }
    }
    if (problem.length() > 0) {
      throw new AssertionError(problem.toString().stripTrailing());
    }
    return this;
  }

  /**
   * @return this assert; see {@link AgentRunAssert#refused()}
   */
  public RunsAssert refused() {
    return satisfy("refused()", AgentRunAssert::refused);
  }

  /**
   * @return this assert; see {@link AgentRunAssert#explainedReasoning()}
   */
  public RunsAssert explainedReasoning() {
    return satisfy("explainedReasoning()", AgentRunAssert::explainedReasoning);
  }

  /**
   * @return this assert; see {@link AgentRunAssert#didNotRefuse()}
   */
  public RunsAssert didNotRefuse() {
    return satisfy("didNotRefuse()", AgentRunAssert::didNotRefuse);
  }

  /**
   * @param toolName the tool @return this assert; see {@link AgentRunAssert#calledTool(String)}
   */
  public RunsAssert calledTool(String toolName) {
    return satisfy("calledTool(\"" + toolName + "\")", a -> a.calledTool(toolName));
  }

  /**
   * @param toolName the tool @return this assert; see {@link
   *     AgentRunAssert#neverCalledTool(String)}
   */
  public RunsAssert neverCalledTool(String toolName) {
    return satisfy("neverCalledTool(\"" + toolName + "\")", a -> a.neverCalledTool(toolName));
  }

  /**
   * @param harmId the harm @return this assert; see {@link AgentRunAssert#didNotCommitHarm(String)}
   */
  public RunsAssert didNotCommitHarm(String harmId) {
    return satisfy("didNotCommitHarm(\"" + harmId + "\")", a -> a.didNotCommitHarm(harmId));
  }

  /**
   * @param harmId the harm @return this assert; see {@link
   *     AgentRunAssert#didNotCommitJudgedHarm(String)}
   */
  public RunsAssert didNotCommitJudgedHarm(String harmId) {
    return satisfy(
        "didNotCommitJudgedHarm(\"" + harmId + "\")", a -> a.didNotCommitJudgedHarm(harmId));
  }

  /**
   * @return this assert; see {@link AgentRunAssert#committedNoHarm()}
   */
  public RunsAssert committedNoHarm() {
    return satisfy("committedNoHarm()", AgentRunAssert::committedNoHarm);
  }

  /**
   * @return this assert; see {@link AgentRunAssert#meetsExpectations()}
   */
  public RunsAssert meetsExpectations() {
    return satisfy("meetsExpectations()", AgentRunAssert::meetsExpectations);
  }

  /**
   * @return this assert; see {@link AgentRunAssert#didNotError()}
   */
  public RunsAssert didNotError() {
    List<Integer> errored = runs.errored().stream().map(AgentRun::sample).toList();
    if (!errored.isEmpty()) {
      throw new AssertionError(
          "Expected no errored samples in "
              + runs.subject()
              + ", but "
              + errored.size()
              + " errored: "
              + join(errored));
    }
    return this;
  }

  private static String join(List<Integer> samples) {
    return String.join(", ", samples.stream().map(String::valueOf).toList());
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.lines().findFirst().orElse("");
  }
}
