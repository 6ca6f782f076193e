/**
 * The reference agent loop ({@link dev.alignunit.agent.AgentLoop}, with optional tagged text
 * actions, {@link dev.alignunit.agent.TextActions}), the {@link dev.alignunit.agent.Agent}
 * interface for an application's own agent and its {@link dev.alignunit.agent.AgentRunner}, and
 * {@link dev.alignunit.agent.AgentRun} (one transcript).
 */
package dev.alignunit.agent;
