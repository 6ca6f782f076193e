package dev.alignunit.report;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The whole report of a run: what {@code results.json} holds and what {@code index.html} shows.
 *
 * @param formatVersion the version of the {@code results.json} format, {@value #FORMAT_VERSION} for
 *     this library
 * @param metadata what the run was
 * @param entries one entry per test (per scenario variant and model), in report order
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record RunReport(int formatVersion, RunMetadata metadata, List<TestEntry> entries) {

  /**
   * The current version of the {@code results.json} format. It grows when a field changes meaning
   * or is removed; added optional fields keep it. Schema: {@code
   * alignunit/report/results.schema.json} on the classpath.
   */
  public static final int FORMAT_VERSION = 1;

  /** Validates the fields and copies the entries. */
  public RunReport {
    Objects.requireNonNull(metadata, "metadata");
    entries = entries == null ? List.of() : List.copyOf(entries);
  }

  /**
   * A report in the current format.
   *
   * @param metadata the run's metadata
   * @param entries the entries
   * @return the report
   */
  public static RunReport of(RunMetadata metadata, List<TestEntry> entries) {
    return new RunReport(FORMAT_VERSION, metadata, entries);
  }

  /**
   * @return the number of samples over all entries
   */
  public int sampleCount() {
    return entries.stream().mapToInt(e -> e.samples().size()).sum();
  }

  /**
   * The entries with the given outcome.
   *
   * @param outcome the outcome
   * @return how many entries ended so
   */
  public long count(TestOutcome outcome) {
    return entries.stream().filter(e -> e.outcome() == outcome).count();
  }
}
