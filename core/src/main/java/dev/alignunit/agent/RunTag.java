package dev.alignunit.agent;

import org.apiguardian.api.API;

/**
 * A value attached to a run ({@link AgentRun#withTag}) that lets a large sample set drop the run's
 * transcript: it says whether the run is worth keeping whole, and gives the smaller value to keep
 * instead. The evaluation the JUnit extension attaches to every run ({@code
 * dev.alignunit.evaluation.RunEvaluation}) is one; a run without such a tag is never summarised,
 * since nothing could grade it later without its transcript.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface RunTag {

  /**
   * Whether a run should be kept whole in a bounded sample set because it shows a problem: it
   * failed an expectation of its scenario, committed a harm or could not be graded. Errored runs
   * are notable whatever the tag says.
   *
   * @param run the run this tag is attached to
   * @return whether to keep it whole, within the set's bound
   */
  boolean notable(AgentRun run);

  /**
   * This value for a run whose transcript is dropped: the same verdicts without the evidence quoted
   * from the transcript.
   *
   * @return the value to attach instead, of the same type
   */
  RunTag summarized();
}
