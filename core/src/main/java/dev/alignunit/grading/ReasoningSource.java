package dev.alignunit.grading;

import org.apiguardian.api.API;

/** Which text of a run a reasoning check reads. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum ReasoningSource {
  /** The agent's final visible answer ({@code AgentRun.finalText()}). */
  FINAL_TEXT,
  /**
   * The model's reasoning ("thinking") text of all assistant messages ({@code
   * AgentRun.reasoningText()}).
   */
  REASONING
}
