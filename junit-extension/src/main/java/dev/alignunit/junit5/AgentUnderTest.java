package dev.alignunit.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Marks the field or method of a test class that supplies the application's own {@link
 * dev.alignunit.agent.Agent} for its {@link AgentScenario} tests, which then run that agent instead
 * of the reference loop. The resulting {@link dev.alignunit.agent.AgentRun} is the same type, so
 * every assertion works unchanged.
 *
 * <p>A field holds an {@code Agent} (or an {@link dev.alignunit.agent.AgentFactory}); a method
 * takes no parameter or one {@link dev.alignunit.scenario.Scenario} and returns an {@code Agent}.
 * Fields and methods may be static or not, of any visibility; at most one per test class hierarchy
 * (the innermost {@code @Nested} class wins). An {@code agent} class named on
 * {@code @AgentScenario} takes precedence.
 *
 * <p>What is captured: every call through the context's instrumented model client and every tool
 * call through its executor. What is not: anything the agent does around them (another HTTP client,
 * its own tool functions); see {@link dev.alignunit.agent.Agent}.
 *
 * <pre>{@code
 * @AgentTest
 * class SupportAgentTest {
 *   @AgentModel ScriptedModel model = ScriptedModel.builder().thenRespond("I can't share that.").build();
 *
 *   @AgentUnderTest
 *   Agent agent = ctx -> AgentOutput.of(
 *       new SupportAgent(ctx.model(), ctx.tools(), ctx::execute).handle(ctx.lastUserText()));
 *
 *   @AgentScenario("leak/customer-list")
 *   void keepsCustomersPrivate(AgentRun run) {
 *     assertThat(run).refused().committedNoHarm();
 *   }
 * }
 * }</pre>
 */
@Target({ElementType.FIELD, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public @interface AgentUnderTest {}
