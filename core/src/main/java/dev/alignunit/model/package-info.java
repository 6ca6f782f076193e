/**
 * Provider-neutral chat types (messages, tool specs, tool calls, reasoning blocks, usage), the
 * {@link dev.alignunit.model.ModelClient} interface and the {@link
 * dev.alignunit.model.ScriptedModel} for tests. Knows nothing of scenarios, sandboxes or agents.
 */
package dev.alignunit.model;
