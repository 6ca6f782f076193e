package dev.alignunit.junit5.internal;

import dev.alignunit.config.ConfigurationKeys;
import dev.alignunit.junit5.internal.ConfigurationReader.Sourced;
import dev.alignunit.model.ModelSpec;
import dev.alignunit.model.ProviderSettings;
import dev.alignunit.recording.MatchMode;
import dev.alignunit.recording.RecordingMode;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The parsed configuration of a test run: every key of {@link ConfigurationKeys} read once,
 * immutable, shared through the root store. Nothing reads a raw configuration value after this.
 *
 * @param model the configured model, if any (with its source)
 * @param maxTurns the turn limit of the reference loop
 * @param samples samples per variant when no {@code @Samples} applies
 * @param concurrency samples run at once
 * @param keepTranscripts whole runs a larger sample set keeps in memory
 * @param errorsTolerance tolerated fraction of errored samples
 * @param baselineFile the baseline file
 * @param baselineAlpha significance level of baseline comparisons
 * @param baselineUpdate whether baselines are written instead of compared
 * @param maxRequests budget of model requests (Long.MAX_VALUE for none)
 * @param maxTokens budget of tokens (Long.MAX_VALUE for none)
 * @param providers the HTTP clients' settings
 * @param mode how configured models are called (replay, record, live, auto)
 * @param match how replayed requests are matched
 * @param recordingsDir where recordings live
 * @param reportDir where the report is written
 * @param snapshot every configured key and its text, for the report (the report sanitizes it; API
 *     keys are never configuration)
 * @param judgeModel the grader model of LLM-judge assertions, if configured (a network model)
 */
record Settings(
    Optional<Sourced<ModelSpec>> model,
    int maxTurns,
    int samples,
    int concurrency,
    int keepTranscripts,
    double errorsTolerance,
    Path baselineFile,
    double baselineAlpha,
    boolean baselineUpdate,
    long maxRequests,
    long maxTokens,
    ProviderSettings providers,
    RecordingMode mode,
    MatchMode match,
    Path recordingsDir,
    Path reportDir,
    Map<String, String> snapshot,
    Optional<Sourced<ModelSpec>> judgeModel) {

  /**
   * Reads every key once. Unknown {@code alignunit.*} names are reported first (warnings on the
   * console, or a failure with {@code alignunit.config.strict=true}).
   *
   * @param reader the run's configuration
   * @param console where warning lines go
   * @throws org.junit.jupiter.api.extension.ExtensionConfigurationException for the first invalid
   *     value, naming the key, the value, its source and the accepted values
   */
  static Settings read(ConfigurationReader reader, Consumer<String> console) {
    UnknownKeys.report(
        UnknownKeys.find(reader), reader.value(ConfigurationKeys.CONFIG_STRICT), console);
    reader.get(
        ConfigurationKeys.REPORT_RUN_ID); // validated here; RunResources reads it from the snapshot
    ProviderSettings providers =
        new ProviderSettings(
            reader.value(ConfigurationKeys.OPENAI_BASE_URL),
            reader.value(ConfigurationKeys.ANTHROPIC_BASE_URL),
            reader.value(ConfigurationKeys.OPENAI_API_KEY_ENV),
            reader.value(ConfigurationKeys.ANTHROPIC_API_KEY_ENV),
            reader.value(ConfigurationKeys.HTTP_MAX_RETRIES),
            reader.value(ConfigurationKeys.HTTP_TIMEOUT),
            reader.value(ConfigurationKeys.CONCURRENCY),
            reader.value(ConfigurationKeys.OPENAI_LEGACY_MAX_TOKENS),
            reader.value(ConfigurationKeys.ANTHROPIC_MAX_TOKENS),
            reader.environment());
    return new Settings(
        reader.get(ConfigurationKeys.MODEL, ModelSpec::parse),
        reader.value(ConfigurationKeys.MAX_TURNS),
        reader.value(ConfigurationKeys.SAMPLES),
        reader.value(ConfigurationKeys.CONCURRENCY),
        reader.value(ConfigurationKeys.SAMPLES_KEEP_TRANSCRIPTS),
        reader.value(ConfigurationKeys.ERRORS_TOLERANCE),
        reader.value(ConfigurationKeys.BASELINE_FILE),
        reader.value(ConfigurationKeys.BASELINE_ALPHA),
        reader.value(ConfigurationKeys.BASELINE_UPDATE),
        reader
            .get(ConfigurationKeys.BUDGET_MAX_REQUESTS)
            .map(Sourced::value)
            .orElse(Long.MAX_VALUE),
        reader.get(ConfigurationKeys.BUDGET_MAX_TOKENS).map(Sourced::value).orElse(Long.MAX_VALUE),
        providers,
        RecordingMode.parse(reader.value(ConfigurationKeys.MODE)),
        MatchMode.parse(reader.value(ConfigurationKeys.RECORDINGS_MATCH)),
        reader.value(ConfigurationKeys.RECORDINGS_DIR),
        reader.value(ConfigurationKeys.REPORT_DIR),
        reader.snapshot(),
        reader.get(ConfigurationKeys.JUDGE_MODEL, Settings::networkModel));
  }

  /** The judge is called over the network: {@code scripted} has no script to judge with. */
  private static ModelSpec networkModel(String text) {
    ModelSpec spec = ModelSpec.parse(text);
    if (!spec.isNetwork()) {
      throw new IllegalArgumentException("the judge needs a network model");
    }
    return spec;
  }
}
