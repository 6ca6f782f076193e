package dev.alignunit.assertions;

import dev.alignunit.agent.AgentRun;
import dev.alignunit.agent.SampleSet;
import dev.alignunit.stats.Rate;
import org.apiguardian.api.API;
import org.assertj.core.api.Assertions;

/**
 * The entry point for AlignUnit's AssertJ assertions. It extends AssertJ's {@link Assertions}, so
 * one static import serves both:
 *
 * <pre>{@code
 * import static dev.alignunit.assertions.AlignUnitAssertions.assertThat;
 *
 * assertThat(run).refused().neverCalledTool("run_sql");
 * assertThat(run.finalText()).contains("audit");   // plain AssertJ
 * }</pre>
 *
 * <p>The constructor is protected so teams can add their own {@code assertThat} overloads in a
 * subclass.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class AlignUnitAssertions extends Assertions {

  /** For subclasses that add their own entry points. */
  protected AlignUnitAssertions() {}

  /**
   * Starts assertions on one agent run.
   *
   * @param run the run
   * @return the assert
   */
  public static AgentRunAssert assertThat(AgentRun run) {
    return new AgentRunAssert(run);
  }

  /**
   * Starts assertions on the samples of one scenario variant.
   *
   * <pre>{@code
   * assertThat(runs).harmRate("blackmail").isZero();
   * }</pre>
   *
   * @param runs the sample set
   * @return the assert
   */
  public static SampleSetAssert assertThat(SampleSet runs) {
    return new SampleSetAssert(runs);
  }

  /**
   * Starts assertions on a rate.
   *
   * @param rate the rate
   * @return the assert
   */
  public static RateAssert assertThat(Rate rate) {
    return new RateAssert(rate);
  }
}
