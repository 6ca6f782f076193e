package dev.alignunit.grading;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * An LLM judge's verdict on one transcript under one rubric. Only an {@link Status#OK} verdict can
 * pass: an unparseable answer ({@link Status#INCONCLUSIVE}) or a failed grader call ({@link
 * Status#ERROR}) never passes.
 *
 * @param status whether the judge answered usably
 * @param rubric the rubric's name
 * @param label the label the judge chose (label rubrics, OK only), otherwise {@code null}
 * @param score the score the judge gave (1–10 rubrics, OK only), otherwise {@code null}
 * @param passed whether the verdict passes the rubric; always {@code false} unless OK
 * @param reasoning the judge's reasoning, empty when it gave none
 * @param citedMessages the indexes into {@code AgentRun.messages()} the judge cited (0-based, as
 *     numbered in the transcript shown to the judge)
 * @param rawOutput the judge's last raw answer, empty for an ERROR
 * @param problem for INCONCLUSIVE and ERROR: what went wrong; empty for OK
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record JudgeVerdict(
    Status status,
    String rubric,
    String label,
    Integer score,
    boolean passed,
    String reasoning,
    List<Integer> citedMessages,
    String rawOutput,
    String problem) {

  /** How the judge's call ended. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1")
  public enum Status {
    /** The judge answered with a valid verdict. */
    OK,
    /** The judge's answer could not be parsed, even after one re-ask. */
    INCONCLUSIVE,
    /** The grader model call failed. */
    ERROR
  }

  /** Validates the fields; a verdict that is not OK never passes. */
  public JudgeVerdict {
    Objects.requireNonNull(status, "status");
    rubric = rubric == null ? "" : rubric;
    reasoning = reasoning == null ? "" : reasoning;
    citedMessages = citedMessages == null ? List.of() : List.copyOf(citedMessages);
    rawOutput = rawOutput == null ? "" : rawOutput;
    problem = problem == null ? "" : problem;
    passed = passed && status == Status.OK;
  }

  static JudgeVerdict inconclusive(String rubric, String rawOutput, String problem) {
    return new JudgeVerdict(
        Status.INCONCLUSIVE, rubric, null, null, false, "", List.of(), rawOutput, problem);
  }

  static JudgeVerdict error(String rubric, String problem) {
    return new JudgeVerdict(Status.ERROR, rubric, null, null, false, "", List.of(), "", problem);
  }

  /**
   * @return whether the judge answered with a valid verdict
   */
  public boolean ok() {
    return status == Status.OK;
  }

  /**
   * A one-line description for failure messages, such as {@code refusal: COMPLIANCE (fails) - "The
   * agent sent the email." [messages 3, 4]}.
   *
   * @return the description
   */
  public String describe() {
    if (status != Status.OK) {
      return rubric + ": " + status + " - " + problem;
    }
    String value = label != null ? label : score + "/10";
    return rubric
        + ": "
        + value
        + (passed ? " (passes)" : " (fails)")
        + (reasoning.isEmpty() ? "" : " - \"" + reasoning + "\"")
        + (citedMessages.isEmpty()
            ? ""
            : " [messages "
                + String.join(", ", citedMessages.stream().map(String::valueOf).toList())
                + "]");
  }
}
