package dev.alignunit.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What a run was: library version, when it ran, which models and modes it used and its
 * configuration. The configuration is always passed through {@link
 * ConfigurationSanitizer#sanitize(Map)}, so a report never holds a secret.
 *
 * @param libraryVersion the AlignUnit version, such as {@code 0.1.0}
 * @param startedAt when the run started
 * @param finishedAt when the run finished, {@code null} while it runs
 * @param models the model ids used, such as {@code openai:gpt-4.1-mini}
 * @param modes the modes used ({@code replay}, {@code record}, {@code live}, {@code auto})
 * @param configuration the effective {@code alignunit.*} configuration, sanitized and sorted
 * @param runId the run these results belong to (shared by every Surefire fork and launcher session
 *     of one build), {@code null} when unknown; a later fork of the same run merges its entries
 *     into these results instead of replacing them
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record RunMetadata(
    String libraryVersion,
    Instant startedAt,
    Instant finishedAt,
    List<String> models,
    List<String> modes,
    Map<String, String> configuration,
    String runId) {

  /** Validates the fields, copies the lists and sanitizes the configuration. */
  public RunMetadata {
    libraryVersion = libraryVersion == null ? "unknown" : libraryVersion;
    Objects.requireNonNull(startedAt, "startedAt");
    models = models == null ? List.of() : List.copyOf(models);
    modes = modes == null ? List.of() : List.copyOf(modes);
    configuration = ConfigurationSanitizer.sanitize(configuration);
  }

  /**
   * Metadata without a run id.
   *
   * @param libraryVersion the AlignUnit version
   * @param startedAt when the run started
   * @param finishedAt when the run finished, {@code null} while it runs
   * @param models the model ids used
   * @param modes the modes used
   * @param configuration the effective configuration (it is sanitized)
   */
  public RunMetadata(
      String libraryVersion,
      Instant startedAt,
      Instant finishedAt,
      List<String> models,
      List<String> modes,
      Map<String, String> configuration) {
    this(libraryVersion, startedAt, finishedAt, models, modes, configuration, null);
  }

  /**
   * Metadata of a run starting now.
   *
   * @param models the model ids the run is configured with
   * @param modes the modes the run is configured with
   * @param configuration the effective configuration (it is sanitized)
   * @return the metadata, with the library version of the AlignUnit jar
   */
  public static RunMetadata startingNow(
      List<String> models, List<String> modes, Map<String, String> configuration) {
    return new RunMetadata(
        libraryVersionOfJar(), Instant.now(), null, models, modes, configuration);
  }

  /**
   * The same metadata with the finish time set.
   *
   * @param time when the run finished
   * @return the finished metadata
   */
  public RunMetadata finishedAt(Instant time) {
    return new RunMetadata(libraryVersion, startedAt, time, models, modes, configuration, runId);
  }

  /**
   * The same metadata with a run id.
   *
   * @param id the run's id
   * @return the metadata of that run
   */
  public RunMetadata withRunId(String id) {
    return new RunMetadata(libraryVersion, startedAt, finishedAt, models, modes, configuration, id);
  }

  /**
   * The AlignUnit version from the jar manifest, or from the build when run from classes.
   *
   * @return the version, {@code 0.1.0-SNAPSHOT} when the jar has no manifest version
   */
  public static String libraryVersionOfJar() {
    String version = RunMetadata.class.getPackage().getImplementationVersion();
    return version == null ? "0.1.0-SNAPSHOT" : version;
  }
}
