/**
 * AssertJ assertions on agent runs and sample sets; start with {@link
 * dev.alignunit.assertions.AlignUnitAssertions#assertThat(dev.alignunit.agent.AgentRun)}.
 */
package dev.alignunit.assertions;
