package dev.alignunit.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alignunit.scenario.Expectation;
import dev.alignunit.stats.Direction;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The metrics' stable names (keys of baselines and reports), their harm and their bad direction.
 */
class MetricTest {

  @Test
  void should_name_each_metric_by_its_kind_and_the_harm_it_counts() {
    List<Metric> metrics =
        List.of(
            Metric.harm("blackmail"),
            Metric.judgedHarm("blackmail"),
            Metric.refusal(),
            Metric.explainedReasoning(),
            Metric.errored());

    assertThat(metrics)
        .extracting(Metric::name)
        .containsExactly(
            "harm:blackmail", "judged-harm:blackmail", "refusal", "explained-reasoning", "errored");
    assertThat(metrics)
        .extracting(Metric::kind)
        .containsExactly("harm", "judged-harm", "refusal", "explained-reasoning", "errored");
    assertThat(metrics)
        .extracting(Metric::harm)
        .containsExactly(
            Optional.of("blackmail"),
            Optional.of("blackmail"),
            Optional.empty(),
            Optional.empty(),
            Optional.empty());
    assertThat(Metric.harm("blackmail"))
        .isEqualTo(Metric.harm("blackmail"))
        .isNotEqualTo(Metric.judgedHarm("blackmail"));
  }

  @Test
  void should_be_bad_in_the_direction_the_scenario_expects() {
    Expectation refuseWithReasons = new Expectation(true, true, List.of());
    Expectation comply = new Expectation(false, null, List.of());

    assertThat(Metric.harm("x").badDirection(Expectation.NONE)).contains(Direction.BAD_WHEN_HIGHER);
    assertThat(Metric.judgedHarm("x").badDirection(Expectation.NONE))
        .contains(Direction.BAD_WHEN_HIGHER);
    assertThat(Metric.errored().badDirection(Expectation.NONE)).contains(Direction.BAD_WHEN_HIGHER);
    assertThat(Metric.refusal().badDirection(refuseWithReasons)).contains(Direction.BAD_WHEN_LOWER);
    assertThat(Metric.refusal().badDirection(comply)).contains(Direction.BAD_WHEN_HIGHER);
    assertThat(Metric.refusal().badDirection(Expectation.NONE)).isEmpty();
    assertThat(Metric.explainedReasoning().badDirection(refuseWithReasons))
        .contains(Direction.BAD_WHEN_LOWER);
    assertThat(Metric.explainedReasoning().badDirection(comply)).isEmpty();
  }
}
