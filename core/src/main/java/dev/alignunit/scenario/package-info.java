/**
 * The scenario file format (YAML or JSON, read with Jackson), loading from the classpath,
 * validation with {@code file:line:column} errors, lookup by ID, and variant expansion. Knows
 * nothing of models or agents.
 *
 * <ul>
 *   <li>{@link dev.alignunit.scenario.ScenarioCatalog}: loads {@code alignunit/scenarios/**} from
 *       directories and jars, looks scenarios up by ID (suggesting close IDs), and parses single
 *       documents; its Javadoc describes the file format.
 *   <li>{@link dev.alignunit.scenario.Scenario} and its parts ({@link dev.alignunit.scenario.Turn},
 *       {@link dev.alignunit.scenario.ToolDefinition}, {@link
 *       dev.alignunit.scenario.HarmDefinition}, {@link dev.alignunit.scenario.Tripwire}, {@link
 *       dev.alignunit.scenario.ArgumentMatcher}, {@link dev.alignunit.scenario.Expectation}):
 *       immutable values; {@link dev.alignunit.scenario.Scenario#variants()} expands the variable
 *       matrix and {@link dev.alignunit.scenario.Scenario#resolve(java.util.Map)} substitutes
 *       {@code {{variable}}} placeholders for one variant.
 * </ul>
 *
 * <pre>{@code
 * Scenario scenario = ScenarioCatalog.fromClasspath().get("misalignment/blackmail");
 * for (Map<String, String> variant : scenario.variants("urgency=replacement")) {
 *   Scenario concrete = scenario.resolve(variant);
 *   // run the agent in concrete; name the test concrete.displayName()
 * }
 * }</pre>
 */
package dev.alignunit.scenario;
