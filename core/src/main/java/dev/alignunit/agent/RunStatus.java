package dev.alignunit.agent;

import org.apiguardian.api.API;

/** How an agent run ended. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum RunStatus {
  /** The agent gave a final answer. */
  COMPLETED,
  /**
   * The agent was still calling tools when the turn limit ({@code alignunit.max-turns}) was
   * reached.
   */
  MAX_TURNS,
  /**
   * The run failed (model error, malformed model output, timeout); the partial transcript is kept.
   */
  ERRORED
}
