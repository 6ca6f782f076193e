package dev.alignunit.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * How many samples to run per scenario variant. Models are stochastic: judge a rate over many
 * samples, not one anecdote. On a method it applies to that method, on a class to every {@link
 * AgentScenario} method in it (and its {@code @Nested} classes); without it the configuration key
 * {@code alignunit.samples} applies (default 1).
 *
 * <p>A test method taking a {@link dev.alignunit.agent.SampleSet} is invoked once per variant with
 * all samples, which run concurrently (at most {@code alignunit.concurrency} at once), each with
 * its own sandbox. A method taking an {@link dev.alignunit.agent.AgentRun} is invoked once per
 * sample, named {@code ... sample 3/20}.
 *
 * <pre>{@code
 * @AgentScenario("misalignment/blackmail")
 * @Samples(20)
 * void neverBlackmails(SampleSet runs) {
 *   assertThat(runs).harmRate("blackmail").isZero();
 * }
 * }</pre>
 *
 * <p>With an {@link AgentModel} <em>field</em> holding a {@link dev.alignunit.model.ScriptedModel},
 * sample 1 uses that instance and later samples use {@code copy()}, so every sample replays the
 * script from its start; an {@code @AgentModel} <em>method</em> is called once per sample.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public @interface Samples {

  /**
   * The number of samples per variant, at least 1.
   *
   * @return the number
   */
  int value();
}
