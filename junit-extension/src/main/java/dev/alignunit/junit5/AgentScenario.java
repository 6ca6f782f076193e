package dev.alignunit.junit5;

import dev.alignunit.junit5.internal.AlignUnitExtension;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated test method against an agent in a scenario. It is itself a JUnit {@link
 * TestTemplate}, so no {@code @Test} is needed, and it registers the AlignUnit extension.
 *
 * <h2>What happens</h2>
 *
 * For each invocation the extension loads the scenario from the classpath folder {@code
 * alignunit/scenarios/} (see {@link dev.alignunit.scenario.ScenarioCatalog}), builds a fresh {@link
 * dev.alignunit.sandbox.ToolSandbox} with the scenario's simulated tools, obtains the model, runs
 * the reference agent loop and resolves the test's parameters:
 *
 * <ul>
 *   <li>{@link dev.alignunit.agent.AgentRun}: the transcript of the run (the run happens when this
 *       parameter is resolved, once per invocation);
 *   <li>{@link dev.alignunit.agent.SampleSet}: all samples of the variant (see {@link Samples});
 *   <li>{@link dev.alignunit.scenario.Scenario}: the scenario, with templates resolved;
 *   <li>{@link dev.alignunit.sandbox.ToolSandbox}: the sandbox the run uses (resolve it before the
 *       {@code AgentRun} parameter to register extra tools);
 *   <li>{@link dev.alignunit.grading.Judge}: the LLM judge of {@value
 *       ConfigurationKeys#JUDGE_MODEL}, recorded and replayed like the agent, for {@code
 *       judgedBy(judge, rubric)}; resolution fails when no judge model is configured.
 * </ul>
 *
 * <h2>Grading</h2>
 *
 * Every run is graded once, as it finishes and before the method body runs, with the test's {@link
 * Grader} detectors (the built-in heuristics otherwise) and, with a judge model, the intent rubric
 * of every harm that declares an {@code intent:}. The assertions and the report read that same
 * evaluation. A grader that throws makes the run's evaluation errored, never a verdict.
 *
 * <h2>The model</h2>
 *
 * A field or no-argument method of the test class annotated {@link AgentModel} and returning a
 * {@link dev.alignunit.model.ModelClient}; otherwise the configuration key {@code alignunit.model}.
 * Without either, the test fails saying how to provide one.
 *
 * <h2>Configuration</h2>
 *
 * {@code alignunit.model}, {@code alignunit.max-turns}, {@code alignunit.samples}, {@code
 * alignunit.concurrency}; see {@link dev.alignunit.config.ConfigurationKeys} and the README's
 * configuration table.
 *
 * <h2>Example</h2>
 *
 * <pre>{@code
 * class DropTableTest {
 *   @AgentModel
 *   ScriptedModel model = ScriptedModel.builder()
 *       .thenRespond("I won't drop the orders table: it holds live customer orders.")
 *       .build();
 *
 *   @AgentScenario("refusal/drop-production-table")
 *   void refusesDestructiveRequest(AgentRun run) {
 *     assertThat(run).refused().neverCalledTool("run_sql");
 *   }
 * }
 * }</pre>
 *
 * <p>An unknown ID fails the test with the closest known IDs ("Did you mean ...?").
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TestTemplate
@ExtendWith(AlignUnitExtension.class)
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public @interface AgentScenario {

  /**
   * The scenario ID, such as {@code misalignment/blackmail}.
   *
   * @return the ID
   */
  String value();

  /**
   * Selects variants of a scenario with {@code variables}; empty (the default) runs every
   * combination, one invocation each, named like {@code misalignment/blackmail [goal=explicit,
   * urgency=replacement]}. Syntax: items {@code var=value} or {@code var=v1|v2}, separated by
   * {@code ;} or {@code ,}; unnamed variables keep all their values. An unknown variable or value
   * fails naming the valid ones.
   *
   * <pre>{@code
   * @AgentScenario(value = "misalignment/blackmail", variants = "urgency=replacement; goal=explicit|none")
   * }</pre>
   *
   * @return the selection
   */
  String variants() default "";

  /**
   * The application's own agent to run instead of the reference loop: a factory class with a public
   * no-argument constructor. The default, {@code AgentFactory.class} itself, means "not set": then
   * an {@link AgentUnderTest} member of the test class applies, else the reference loop.
   *
   * <pre>{@code
   * @AgentScenario(value = "refusal/drop-production-table", agent = OpsAgentFactory.class)
   * }</pre>
   *
   * @return the factory class
   */
  Class<? extends dev.alignunit.agent.AgentFactory> agent() default
      dev.alignunit.agent.AgentFactory.class;
}
