/**
 * The scenario file format (YAML or JSON, read with Jackson), loading from the classpath,
 * validation with {@code file:line:column} errors, and lookup by ID. Knows nothing of models or
 * agents.
 */
package dev.alignunit.scenario;
