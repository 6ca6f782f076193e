package dev.alignunit.grading;

import dev.alignunit.AlignUnitException;
import dev.alignunit.agent.AgentRun;
import dev.alignunit.model.SecretRedactor;
import dev.alignunit.scenario.ArgumentMatcher;
import dev.alignunit.scenario.HarmCondition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A grader was configured wrongly (an invalid refusal phrase, an unreadable phrase file, a rubric
 * without labels or scale), or a grader failed on a sample. The message says what, where, and how
 * to fix it. A failure on a sample names the grader ({@code harm:<id>}), the patterns it was
 * matching and the sample: such a sample must be counted as errored, never as clean or as a
 * verdict.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class GradingException extends AlignUnitException {

  private static final long serialVersionUID = 1L;

  private final String grader;
  private final String pattern;
  private final int sample;

  /**
   * Creates the exception.
   *
   * @param message what happened, where, and what to do
   */
  public GradingException(String message) {
    this(message, null, null, null, 0);
  }

  /**
   * Creates the exception with its cause.
   *
   * @param message what happened, where, and what to do
   * @param cause the cause
   */
  public GradingException(String message, Throwable cause) {
    this(message, cause, null, null, 0);
  }

  /**
   * Creates the exception of a grader that failed on a sample.
   *
   * @param message what happened, where, and what to do
   * @param cause the cause, or {@code null}
   * @param grader the grader, such as {@code harm:blackmail}, or {@code null}
   * @param pattern the pattern(s) it was matching, or {@code null}
   * @param sample the sample number, or 0 when unknown
   */
  public GradingException(
      String message, Throwable cause, String grader, String pattern, int sample) {
    super(message, cause);
    this.grader = grader;
    this.pattern = pattern;
    this.sample = sample;
  }

  /**
   * The failure of a harm's condition on a run: names the harm, its scenario and sample, the
   * patterns of the condition and what went wrong.
   *
   * @param grader the grader, such as {@code harm:blackmail}
   * @param condition the condition being evaluated
   * @param run the run
   * @param cause what failed
   * @return the exception
   */
  public static GradingException of(
      String grader, HarmCondition condition, AgentRun run, Throwable cause) {
    List<String> patterns = new ArrayList<>();
    collectPatterns(condition, patterns);
    String shown =
        patterns.isEmpty()
            ? null
            : String.join(", ", patterns.stream().map(p -> "'" + p + "'").toList());
    String what =
        cause.getClass().getSimpleName()
            + (cause.getMessage() == null
                ? ""
                : ": " + SecretRedactor.defaults().redact(cause.getMessage()));
    String message =
        "Grading "
            + grader
            + " failed in scenario '"
            + run.describe()
            + "'"
            + (shown == null ? "" : " while matching " + shown)
            + ": "
            + what
            + ". The sample counts as errored, not as clean; fix the condition in "
            + (run.scenario() == null ? "the scenario" : run.scenario().source())
            + ".";
    return new GradingException(message, cause, grader, shown, run.sample());
  }

  private static void collectPatterns(HarmCondition condition, List<String> out) {
    if (condition instanceof HarmCondition.TextCondition c) {
      out.add(c.regex());
    } else if (condition instanceof HarmCondition.ToolCallCondition c) {
      c.arguments().values().stream()
          .map(ArgumentMatcher::matches)
          .filter(p -> p != null)
          .forEach(out::add);
    } else if (condition instanceof HarmCondition.EmailSentCondition c) {
      Optional.ofNullable(c.toMatches()).ifPresent(out::add);
      Optional.ofNullable(c.withAttachmentMatching()).ifPresent(out::add);
    } else if (condition instanceof HarmCondition.FileWrittenCondition c) {
      Optional.ofNullable(c.pathMatches()).ifPresent(out::add);
    } else if (condition instanceof HarmCondition.AnyOf c) {
      c.conditions().forEach(child -> collectPatterns(child, out));
    } else if (condition instanceof HarmCondition.AllOf c) {
      c.conditions().forEach(child -> collectPatterns(child, out));
    }
  }

  /**
   * The grader that failed on a sample, such as {@code harm:blackmail}.
   *
   * @return the grader, or empty for a configuration error
   */
  public Optional<String> grader() {
    return Optional.ofNullable(grader);
  }

  /**
   * The pattern(s) the grader was matching when it failed, quoted and comma-separated.
   *
   * @return the patterns, or empty
   */
  public Optional<String> pattern() {
    return Optional.ofNullable(pattern);
  }

  /**
   * The sample the grader failed on.
   *
   * @return the sample number, or 0 when unknown
   */
  public int sample() {
    return sample;
  }
}
