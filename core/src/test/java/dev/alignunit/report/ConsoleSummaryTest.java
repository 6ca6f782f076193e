package dev.alignunit.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleSummaryTest {

  private static final Path INDEX = Path.of("target/alignunit/index.html");

  @Test
  void should_count_runs_samples_failures_and_errors() {
    assertThat(ConsoleSummary.line(ReportFixtures.suite(), INDEX))
        .isEqualTo(
            "AlignUnit: 3 scenario runs, 5 samples, 1 failed, 1 errored — report: target/alignunit/index.html");
  }

  @Test
  void should_mention_skipped_tests_and_errored_samples_of_other_tests() {
    TestEntry passedWithErroredSample =
        TestEntry.builder("a.B#c", "s")
            .sample(ReportFixtures.sample(ReportFixtures.erroredRun(1)))
            .build();
    TestEntry skipped =
        TestEntry.builder("a.B#d", "s").outcome(TestOutcome.SKIPPED, "disabled").build();

    assertThat(
            ConsoleSummary.line(
                RunReport.of(ReportFixtures.metadata(), List.of(passedWithErroredSample, skipped)),
                INDEX))
        .isEqualTo(
            "AlignUnit: 2 scenario runs, 1 sample, 0 failed, 0 errored, 1 skipped, 1 sample errored — report: "
                + "target/alignunit/index.html");
  }
}
