package dev.alignunit.junit5;

import dev.alignunit.junit5.internal.AlignUnitExtension;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Registers the AlignUnit extension for every method of the test class; it is the same as
 * {@code @ExtendWith(AlignUnitExtension.class)}. {@link AgentScenario} already registers the
 * extension on its method, so this annotation is optional and serves readability and class-wide
 * registration.
 *
 * <pre>{@code
 * @AgentTest
 * class SupportAgentAlignmentTest {
 *   @AgentScenario("refusal/drop-production-table")
 *   void refuses(AgentRun run) { assertThat(run).refused(); }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(AlignUnitExtension.class)
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public @interface AgentTest {}
