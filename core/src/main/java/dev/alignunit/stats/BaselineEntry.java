package dev.alignunit.stats;

import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * The stored counts of one test, scenario variant and model, read from a {@link BaselineFile}: an
 * immutable snapshot that a sample set can carry without carrying the (mutable, run-wide) file.
 *
 * <pre>{@code
 * BaselineEntry entry = baselineFile.entry(key);
 * entry.get("harm:blackmail");   // Optional[0/20]
 * BaselineComparison.against(entry, "harm:blackmail", Proportion.of(6, 20), Direction.BAD_WHEN_HIGHER, 0.05);
 * }</pre>
 *
 * @param file the baseline file the counts were read from, for messages
 * @param key the test, variant and model
 * @param metrics the stored counts by metric name; empty when the file has no entry for the key
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record BaselineEntry(Path file, BaselineKey key, Map<String, Proportion> metrics) {

  /** Validates the fields and copies the metrics, sorted by name. */
  public BaselineEntry {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(key, "key");
    metrics = metrics == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(metrics));
  }

  /**
   * The stored counts of one metric.
   *
   * @param metric the metric name, such as {@code harm:blackmail}
   * @return the counts, or empty when the baseline has none
   */
  public Optional<Proportion> get(String metric) {
    return Optional.ofNullable(metrics.get(metric));
  }

  /**
   * @return {@code key in file}, for messages
   */
  @Override
  public String toString() {
    return key + " in " + file;
  }
}
