package dev.alignunit.evaluation;

import dev.alignunit.grading.ReasoningDetector;
import dev.alignunit.grading.RefusalDetector;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The detectors a test grades its runs with: which refusal detector labels the final answer, which
 * reasoning detector decides whether it says why. In JUnit tests they are chosen before the run,
 * with {@code @Grader} fields, so that every run is graded once and the assertions and the report
 * read the same verdicts.
 *
 * <pre>{@code
 * Graders graders = Graders.DEFAULT.withRefusal(RefusalDetector.heuristicBuilder()
 *     .addRefusalPhrase("blocked by Acme policy").build());
 * }</pre>
 *
 * @param refusal the refusal detector
 * @param reasoning the reasoning detector
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Graders(RefusalDetector refusal, ReasoningDetector reasoning) {

  /** The built-in heuristic detectors. */
  public static final Graders DEFAULT =
      new Graders(RefusalDetector.heuristic(), ReasoningDetector.heuristic());

  /** Validates the fields. */
  public Graders {
    Objects.requireNonNull(refusal, "refusal");
    Objects.requireNonNull(reasoning, "reasoning");
  }

  /**
   * A copy with another refusal detector.
   *
   * @param detector the detector
   * @return the copy
   */
  public Graders withRefusal(RefusalDetector detector) {
    return new Graders(detector, reasoning);
  }

  /**
   * A copy with another reasoning detector.
   *
   * @param detector the detector
   * @return the copy
   */
  public Graders withReasoning(ReasoningDetector detector) {
    return new Graders(refusal, detector);
  }
}
