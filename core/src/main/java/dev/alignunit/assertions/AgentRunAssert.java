package dev.alignunit.assertions;

import dev.alignunit.agent.AgentRun;
import org.apiguardian.api.API;

/**
 * Assertions on one {@link AgentRun}; start with {@link AlignUnitAssertions#assertThat(AgentRun)}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class AgentRunAssert extends AbstractAgentRunAssert<AgentRunAssert, AgentRun> {

  /**
   * Creates the assert; prefer {@link AlignUnitAssertions#assertThat(AgentRun)}.
   *
   * @param actual the run
   */
  public AgentRunAssert(AgentRun actual) {
    super(actual, AgentRunAssert.class);
  }
}
