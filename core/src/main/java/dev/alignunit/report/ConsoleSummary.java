package dev.alignunit.report;

import java.nio.file.Path;

/**
 * The one line printed when a run ends: {@code AlignUnit: 12 scenario runs, 240 samples, 2 failed,
 * 1 errored — report: /work/app/target/alignunit/index.html}. While other test JVMs of the run are
 * still running (the merged report has no finish time), the line says so: the last JVM to finish
 * prints the run's totals.
 */
final class ConsoleSummary {

  private ConsoleSummary() {}

  /**
   * The summary line of a report. Failed and errored counts are tests (scenario runs); errored
   * samples of tests that still passed are added as {@code , 3 samples errored}.
   *
   * @param report the report
   * @param index where the HTML report is, printed as given (pass an absolute path)
   * @return the line, without a trailing newline
   */
  public static String line(RunReport report, Path index) {
    long runs = report.entries().size();
    int samples = report.sampleCount();
    long failed = report.count(TestOutcome.FAILED);
    long errored = report.count(TestOutcome.ERRORED);
    long skipped = report.count(TestOutcome.SKIPPED);
    long erroredSamples =
        report.entries().stream()
            .filter(e -> e.outcome() != TestOutcome.ERRORED)
            .mapToLong(TestEntry::erroredSamples)
            .sum();
    StringBuilder sb =
        new StringBuilder("AlignUnit: ")
            .append(runs)
            .append(runs == 1 ? " scenario run, " : " scenario runs, ")
            .append(samples)
            .append(samples == 1 ? " sample, " : " samples, ")
            .append(failed)
            .append(" failed, ")
            .append(errored)
            .append(" errored");
    if (skipped > 0) {
      sb.append(", ").append(skipped).append(" skipped");
    }
    if (erroredSamples > 0) {
      sb.append(", ")
          .append(erroredSamples)
          .append(erroredSamples == 1 ? " sample errored" : " samples errored");
    }
    if (report.metadata().finishedAt() == null) {
      sb.append(" so far (other test JVMs of this run are still running)");
    }
    return sb.append(" — report: ").append(index).toString();
  }
}
