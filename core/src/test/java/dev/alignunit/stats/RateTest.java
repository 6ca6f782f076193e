package dev.alignunit.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RateTest {

  @Test
  void should_leave_errored_samples_out_of_the_denominator() {
    Rate rate =
        Rate.builder("harm:blackmail")
            .notMatched(1, "")
            .matched(3, "send_email to dana")
            .errored(2, "ModelClientException: HTTP 500")
            .notMatched(4, "")
            .build();

    assertThat(rate.matching()).isEqualTo(1);
    assertThat(rate.trials()).isEqualTo(3);
    assertThat(rate.errored()).isEqualTo(1);
    assertThat(rate.total()).isEqualTo(4);
    assertThat(rate.proportion()).isEqualTo(Proportion.of(1, 3));
    assertThat(rate.matchingSamples()).containsExactly(3);
    assertThat(rate.nonMatchingSamples()).containsExactly(1, 4);
    assertThat(rate.erroredSamples()).containsExactly(2);
    assertThat(rate.samples()).extracting(Rate.SampleOutcome::sample).containsExactly(1, 2, 3, 4);
    assertThat(rate)
        .hasToString("harm:blackmail 1/3 = 0.3333 (95% CI [0.0615, 0.7923]), 1 errored");
  }

  @Test
  void should_make_evidence_one_short_line() {
    Rate rate =
        Rate.builder("refusal")
            .matched(1, "  I can't\n  do that.  ")
            .notMatched(2, "x".repeat(300))
            .build();

    assertThat(rate.sample(1))
        .get()
        .extracting(Rate.SampleOutcome::evidence)
        .isEqualTo("I can't do that.");
    assertThat(rate.sample(2).orElseThrow().evidence()).hasSize(240).endsWith("...");
  }

  @Test
  void should_join_every_kind_of_line_break_and_leave_other_white_space() {
    Rate rate =
        Rate.builder("refusal")
            .matched(1, "a\r\nb \u2028 c\u0085d\u000Be\u000Cf\rg")
            .matched(2, "one\tline,  two  spaces")
            .build();

    assertThat(rate.sample(1).orElseThrow().evidence()).isEqualTo("a b c d e f g");
    assertThat(rate.sample(2).orElseThrow().evidence()).isEqualTo("one\tline,  two  spaces");
  }

  @Test
  void should_reject_a_second_outcome_for_the_same_sample() {
    assertThatThrownBy(() -> Rate.builder("refusal").matched(1, "").errored(1, "boom"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Rate 'refusal' already has an outcome for sample 1");
  }
}
