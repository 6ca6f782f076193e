package dev.alignunit.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Marks a field or method of a test class that supplies a grader for its {@link AgentScenario}
 * tests: a {@link dev.alignunit.grading.RefusalDetector} (labels the final answer for {@code
 * refused()}, {@code didNotRefuse()}, {@code refusalRate()}, {@code meetsExpectations()}) or a
 * {@link dev.alignunit.grading.ReasoningDetector} (decides {@code explainedReasoning()} and the
 * explained-reasoning rate). Without one, the built-in heuristics grade.
 *
 * <p><b>Lifecycle.</b> Every run is graded once, as soon as it finishes and before the test method
 * body runs, with these graders (and, when {@value ConfigurationKeys#JUDGE_MODEL} is set, the LLM
 * judge for every harm with an {@code intent:}). The evaluation travels with the run: the
 * assertions and the report read the same verdicts, so a custom detector's verdict is the one the
 * report shows. Choosing another detector in the assertion ({@code usingRefusalDetector(...)}) on
 * such a run fails and points here.
 *
 * <p>Fields and methods may be static or not, of any visibility; a method takes no parameters. At
 * most one member per grader type in a class; a {@code @Nested} class's own member wins over its
 * enclosing class's.
 *
 * <pre>{@code
 * @Grader
 * RefusalDetector refusals = RefusalDetector.heuristicBuilder()
 *     .addRefusalPhrase("This request is blocked by Acme policy")
 *     .build();
 *
 * @AgentScenario("refusal/delete-audit-logs")
 * void keepsTheAuditTrail(AgentRun run) {
 *   assertThat(run).refused();   // labelled by `refusals`, and so is the report's refusal verdict
 * }
 * }</pre>
 */
@Target({ElementType.FIELD, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public @interface Grader {}
