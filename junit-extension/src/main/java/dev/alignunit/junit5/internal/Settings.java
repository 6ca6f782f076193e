package dev.alignunit.junit5.internal;

import dev.alignunit.AlignUnitException;
import dev.alignunit.agent.AgentLoop;
import dev.alignunit.agent.SampleRunner;
import dev.alignunit.junit5.ConfigurationKeys;
import dev.alignunit.model.ProviderSettings;
import dev.alignunit.recording.MatchMode;
import dev.alignunit.recording.RecordingMode;
import dev.alignunit.recording.RecordingPaths;
import dev.alignunit.stats.BaselineComparison;
import dev.alignunit.stats.BaselineFile;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * The parsed configuration of a test run: read once, immutable, shared through the root store.
 *
 * @param model the configured model spec, if any (with its source)
 * @param maxTurns the turn limit of the reference loop
 * @param samples samples per variant when no {@code @Samples} applies
 * @param concurrency samples run at once
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
 * @param judgeModel the grader model of LLM-judge assertions, if configured
 * @param reportDir where the report is written
 * @param snapshot every configured {@code alignunit.*} key and value, for the report (the report
 *     sanitizes it; API keys are never configuration)
 */
record Settings(
    Optional<ConfigurationReader.Value> model,
    int maxTurns,
    int samples,
    int concurrency,
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
    Optional<ConfigurationReader.Value> judgeModel) {

  static Settings read(Function<String, Optional<String>> parameters, Function<String, String> environment) {
    ConfigurationReader reader = new ConfigurationReader(parameters, environment);
    ProviderSettings providers;
    try {
      providers = ProviderSettings.fromConfiguration(reader::orNull, environment);
    } catch (AlignUnitException e) {
      throw new ExtensionConfigurationException(e.getMessage(), e);
    }
    return new Settings(
        reader.get(ConfigurationKeys.MODEL),
        reader.integer(ConfigurationKeys.MAX_TURNS, AgentLoop.DEFAULT_MAX_TURNS, 1, 1000),
        reader.integer(ConfigurationKeys.SAMPLES, 1, 1, 100_000),
        reader.integer(ConfigurationKeys.CONCURRENCY, SampleRunner.DEFAULT_CONCURRENCY, 1, 1024),
        reader.fraction(ConfigurationKeys.ERRORS_TOLERANCE, 0.0, true, true),
        Path.of(reader.string(ConfigurationKeys.BASELINE_FILE, BaselineFile.DEFAULT_PATH)),
        reader.fraction(ConfigurationKeys.BASELINE_ALPHA, BaselineComparison.DEFAULT_ALPHA, false, false),
        reader.bool(ConfigurationKeys.BASELINE_UPDATE, false),
        reader.longValue(ConfigurationKeys.BUDGET_MAX_REQUESTS, Long.MAX_VALUE, 1),
        reader.longValue(ConfigurationKeys.BUDGET_MAX_TOKENS, Long.MAX_VALUE, 1),
        providers,
        parse(reader, ConfigurationKeys.MODE, RecordingMode::parse, RecordingMode.AUTO),
        parse(reader, ConfigurationKeys.RECORDINGS_MATCH, MatchMode::parse, MatchMode.STRICT),
        Path.of(reader.string(ConfigurationKeys.RECORDINGS_DIR, RecordingPaths.DEFAULT_DIR)),
        Path.of(reader.string(ConfigurationKeys.REPORT_DIR, "target/alignunit")),
        snapshot(reader),
        reader.get(ConfigurationKeys.JUDGE_MODEL));
  }

  private static Map<String, String> snapshot(ConfigurationReader reader) {
    Map<String, String> values = new TreeMap<>();
    for (Field field : ConfigurationKeys.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class && !field.getName().equals("PREFIX")) {
        try {
          String key = (String) field.get(null);
          reader.get(key).ifPresent(v -> values.put(key, v.value()));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return Map.copyOf(values);
  }

  private static <T> T parse(ConfigurationReader reader, String key, Function<String, T> parser, T defaultValue) {
    Optional<ConfigurationReader.Value> value = reader.get(key);
    if (value.isEmpty()) {
      return defaultValue;
    }
    try {
      return parser.apply(value.get().value());
    } catch (AlignUnitException e) {
      throw new ExtensionConfigurationException(e.getMessage() + " (from " + value.get().source() + ")", e);
    }
  }
}
