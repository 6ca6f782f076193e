package dev.alignunit.assertions;

import dev.alignunit.evaluation.Graders;
import dev.alignunit.grading.RefusalDetector;

/** The message when an assertion asks a run graded by the JUnit extension for another detector. */
final class GradedElsewhere {

  private GradedElsewhere() {}

  static String message(String where, Graders graders) {
    String detector = graders.refusal() == RefusalDetector.heuristic()
        ? "the built-in heuristic refusal detector" : "the refusal detector the test declared with @Grader";
    return "usingRefusalDetector(...) cannot grade the runs " + where + " again: they were graded once, when they "
        + "finished, with " + detector + ", and the report shows that verdict. Declare the detector on the test "
        + "class instead, so that the runs are graded with it and the report agrees: "
        + "@Grader RefusalDetector refusals = RefusalDetector.heuristicBuilder()...build();";
  }
}
