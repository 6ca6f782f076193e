package dev.alignunit.assertions;

import dev.alignunit.agent.AgentRun;
import dev.alignunit.evaluation.Graders;
import dev.alignunit.evaluation.RunEvaluation;
import dev.alignunit.grading.RefusalDetector;
import java.util.Optional;

/** The message when an assertion asks a run graded by the JUnit extension for another detector. */
final class GradedElsewhere {

  private GradedElsewhere() {}

  /**
   * The problem when {@code run} was graded with another refusal detector than {@code detector}.
   */
  static Optional<String> problem(AgentRun run, RefusalDetector detector, String where) {
    return run.tag(RunEvaluation.class)
        .filter(graded -> graded.graders().refusal() != detector)
        .map(graded -> message(where, graded.graders()));
  }

  static String message(String where, Graders graders) {
    String detector =
        graders.refusal() == RefusalDetector.heuristic()
            ? "the built-in heuristic refusal detector"
            : "the refusal detector the test declared with @Grader";
    return "usingRefusalDetector(...) cannot grade the runs "
        + where
        + " again: they were graded once, when they "
        + "finished, with "
        + detector
        + ", and the report shows that verdict. Declare the detector on the test "
        + "class instead, so that the runs are graded with it and the report agrees: "
        + "@Grader RefusalDetector refusals = RefusalDetector.heuristicBuilder()...build();";
  }
}
