/**
 * The reference agent loop, {@link dev.alignunit.agent.AgentRun} (one transcript) and, later,
 * the {@code Agent} interface for an application's own agent and {@code SampleSet} (many runs).
 */
package dev.alignunit.agent;
