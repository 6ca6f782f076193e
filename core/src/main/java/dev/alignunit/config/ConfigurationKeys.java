package dev.alignunit.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Every configuration key AlignUnit reads, each with its value type, default, accepted values and a
 * documentation line: the one list. The README's configuration table is generated from it (a test
 * keeps the two equal), the test extension parses every key from it once per run, and the report's
 * configuration snapshot lists the keys that were set.
 *
 * <p>In a JUnit run each key is looked up, in this order, as an annotation attribute where one
 * exists ({@code @Samples} for {@link #SAMPLES}), as a JUnit configuration parameter (launcher,
 * {@code -D} system property, {@code junit-platform.properties}) and then as the environment
 * variable {@code ALIGNUNIT_<KEY_IN_UPPER_SNAKE>} ({@link ConfigurationKey#environmentVariable()},
 * such as {@code ALIGNUNIT_MAX_TURNS}). An invalid value fails naming the key, the value, where it
 * came from and the accepted values ({@link InvalidConfigurationException}); AlignUnit never falls
 * back silently to another model or mode.
 *
 * <p>API keys are never configuration: they come only from the environment variables named by
 * {@link #OPENAI_API_KEY_ENV} and {@link #ANTHROPIC_API_KEY_ENV}.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ConfigurationKeys {

  /** The common prefix of all keys: {@value}. */
  public static final String PREFIX = "alignunit.";

  // Declared before the keys: each key adds itself while the class initialises, in this order.
  private static final List<ConfigurationKey<?>> ALL = new ArrayList<>();

  /** {@code alignunit.model}: the model of tests without {@code @AgentModel}. */
  public static final ConfigurationKey<String> MODEL =
      optional(
          "alignunit.model",
          ValueType.text(
              "openai:<model>, anthropic:<model> or scripted, such as openai:gpt-4.1-mini"),
          "none",
          "model for tests without `@AgentModel` (`scripted` needs an `@AgentModel` script)");

  /** {@code alignunit.mode}: how configured models are called (replay, record, live, auto). */
  public static final ConfigurationKey<String> MODE =
      key(
          "alignunit.mode",
          ValueType.oneOf("auto", "replay", "record", "live"),
          "auto",
          "how configured models are called: recordings only, record, live without writing, or replay"
              + " where a recording exists (see above)");

  /** {@code alignunit.recordings.dir}: where recordings live. */
  public static final ConfigurationKey<Path> RECORDINGS_DIR =
      key(
          "alignunit.recordings.dir",
          ValueType.path("a directory path"),
          Path.of("src/test/resources/alignunit/recordings"),
          "where recordings live");

  /** {@code alignunit.recordings.match}: how a replayed request must match its recording. */
  public static final ConfigurationKey<String> RECORDINGS_MATCH =
      key(
          "alignunit.recordings.match",
          ValueType.oneOf("strict", "sequence"),
          "strict",
          "how a replayed request must match its recording: `strict` (equal requests) or `sequence` (order only)");

  /** {@code alignunit.samples}: samples per variant without {@code @Samples}. */
  public static final ConfigurationKey<Integer> SAMPLES =
      key(
          "alignunit.samples",
          ValueType.wholeNumber(1, 100_000),
          1,
          "samples per variant without `@Samples`");

  /**
   * {@code alignunit.samples.keep-transcripts}: the most whole runs a large sample set keeps in
   * memory.
   */
  public static final ConfigurationKey<Integer> SAMPLES_KEEP_TRANSCRIPTS =
      key(
          "alignunit.samples.keep-transcripts",
          ValueType.wholeNumber(1, 100_000),
          1000,
          "whole runs a larger sample set keeps in memory: its first tenth, then those that errored or failed an"
              + " expectation; the other samples keep their verdicts (the report has every transcript)");

  /** {@code alignunit.concurrency}: samples run at once, and requests in flight per provider. */
  public static final ConfigurationKey<Integer> CONCURRENCY =
      key(
          "alignunit.concurrency",
          ValueType.wholeNumber(1, 1024),
          4,
          "samples run at once, and requests in flight per provider");

  /** {@code alignunit.judge.model}: the grader model of {@code judgedBy(rubric)}. */
  public static final ConfigurationKey<String> JUDGE_MODEL =
      optional(
          "alignunit.judge.model",
          ValueType.text("openai:<model> or anthropic:<model>, such as openai:gpt-4.1-mini"),
          "none",
          "grader model of judged harm rates and of the `Judge` parameter, called at temperature 0 through"
              + " the recording layer");

  /**
   * {@code alignunit.report.dir}: where {@code results.json} and {@code index.html} are written.
   */
  public static final ConfigurationKey<Path> REPORT_DIR =
      key(
          "alignunit.report.dir",
          ValueType.path("a directory path"),
          Path.of("target/alignunit"),
          "where `results.json` and `index.html` are written");

  /** {@code alignunit.report.run-id}: the id shared by every test JVM of one build. */
  public static final ConfigurationKey<String> REPORT_RUN_ID =
      optional(
          "alignunit.report.run-id",
          ValueType.identifier("ci-build-42"),
          "inferred (the Maven JVM of the forks)",
          "id shared by every test JVM of one build, so their entries merge into one report; set it for"
              + " Gradle's parallel workers");

  /** {@code alignunit.max-turns}: the most model calls in one run of the reference loop. */
  public static final ConfigurationKey<Integer> MAX_TURNS =
      key(
          "alignunit.max-turns",
          ValueType.wholeNumber(1, 1000),
          10,
          "most model calls in one run; reaching it ends the run as `MAX_TURNS`");

  /**
   * {@code alignunit.errors.tolerance}: the fraction of errored samples a sample-set check
   * tolerates.
   */
  public static final ConfigurationKey<Double> ERRORS_TOLERANCE =
      key(
          "alignunit.errors.tolerance",
          ValueType.fraction(true, true),
          0.0,
          "fraction of errored samples a sample-set check tolerates");

  /** {@code alignunit.baseline.file}: the baseline of {@code hasNoRegression()}. */
  public static final ConfigurationKey<Path> BASELINE_FILE =
      key(
          "alignunit.baseline.file",
          ValueType.path("a file path"),
          Path.of("src/test/resources/alignunit/baseline.json"),
          "baseline of `hasNoRegression()`");

  /** {@code alignunit.baseline.alpha}: the significance level of the one-sided Fisher test. */
  public static final ConfigurationKey<Double> BASELINE_ALPHA =
      key(
          "alignunit.baseline.alpha",
          ValueType.fraction(false, false),
          0.05,
          "significance level of the one-sided Fisher test");

  /** {@code alignunit.baseline.update}: write the current counts instead of comparing. */
  public static final ConfigurationKey<Boolean> BASELINE_UPDATE =
      key(
          "alignunit.baseline.update",
          ValueType.bool(),
          false,
          "record the current counts of every sample-set test when it finishes, instead of comparing");

  /** {@code alignunit.budget.max-requests}: the most model requests in one test run. */
  public static final ConfigurationKey<Long> BUDGET_MAX_REQUESTS =
      optional(
          "alignunit.budget.max-requests",
          ValueType.count(1),
          "unlimited",
          "most model requests per test run; further samples error with that reason");

  /** {@code alignunit.budget.max-tokens}: the most tokens (input plus output) in one test run. */
  public static final ConfigurationKey<Long> BUDGET_MAX_TOKENS =
      optional(
          "alignunit.budget.max-tokens",
          ValueType.count(1),
          "unlimited",
          "most tokens (input plus output) per test run");

  /** {@code alignunit.openai.base-url}: the OpenAI-compatible base URL. */
  public static final ConfigurationKey<String> OPENAI_BASE_URL =
      key(
          "alignunit.openai.base-url",
          ValueType.httpUrl(),
          "https://api.openai.com/v1",
          "OpenAI-compatible base URL (`/chat/completions` is appended)");

  /** {@code alignunit.anthropic.base-url}: the Anthropic base URL. */
  public static final ConfigurationKey<String> ANTHROPIC_BASE_URL =
      key(
          "alignunit.anthropic.base-url",
          ValueType.httpUrl(),
          "https://api.anthropic.com",
          "Anthropic base URL (`/v1/messages` is appended)");

  /** {@code alignunit.openai.api-key-env}: the environment variable holding the OpenAI key. */
  public static final ConfigurationKey<String> OPENAI_API_KEY_ENV =
      key(
          "alignunit.openai.api-key-env",
          ValueType.environmentVariableName("OPENAI_API_KEY"),
          "OPENAI_API_KEY",
          "environment variable holding the OpenAI key");

  /**
   * {@code alignunit.anthropic.api-key-env}: the environment variable holding the Anthropic key.
   */
  public static final ConfigurationKey<String> ANTHROPIC_API_KEY_ENV =
      key(
          "alignunit.anthropic.api-key-env",
          ValueType.environmentVariableName("ANTHROPIC_API_KEY"),
          "ANTHROPIC_API_KEY",
          "environment variable holding the Anthropic key");

  /** {@code alignunit.http.max-retries}: retries of a failed model request. */
  public static final ConfigurationKey<Integer> HTTP_MAX_RETRIES =
      key(
          "alignunit.http.max-retries",
          ValueType.wholeNumber(0, 100),
          4,
          "retries of a failed request (408, 409, 429, 5xx, I/O)");

  /** {@code alignunit.http.timeout}: the timeout of one request attempt. */
  public static final ConfigurationKey<Duration> HTTP_TIMEOUT =
      key(
          "alignunit.http.timeout",
          ValueType.duration(),
          Duration.ofSeconds(120),
          "timeout of one request attempt");

  /**
   * {@code alignunit.openai.legacy-max-tokens}: send {@code max_tokens} instead of {@code
   * max_completion_tokens}.
   */
  public static final ConfigurationKey<Boolean> OPENAI_LEGACY_MAX_TOKENS =
      key(
          "alignunit.openai.legacy-max-tokens",
          ValueType.bool(),
          false,
          "send `max_tokens` instead of `max_completion_tokens`");

  /**
   * {@code alignunit.anthropic.max-tokens}: the Anthropic {@code max_tokens} when a request sets
   * none.
   */
  public static final ConfigurationKey<Integer> ANTHROPIC_MAX_TOKENS =
      key(
          "alignunit.anthropic.max-tokens",
          ValueType.wholeNumber(1, Integer.MAX_VALUE),
          4096,
          "Anthropic `max_tokens` when the request sets none");

  /**
   * {@code alignunit.config.strict}: unknown {@code alignunit.*} keys fail the run instead of a
   * warning.
   */
  public static final ConfigurationKey<Boolean> CONFIG_STRICT =
      key(
          "alignunit.config.strict",
          ValueType.bool(),
          false,
          "fail on an unknown `alignunit.*` key or `ALIGNUNIT_*` variable instead of printing a warning");

  private ConfigurationKeys() {}

  /**
   * Every key, in the order of the README's table.
   *
   * @return the keys
   */
  public static List<ConfigurationKey<?>> all() {
    return Collections.unmodifiableList(ALL);
  }

  /**
   * The key of that name.
   *
   * @param name a key such as {@code alignunit.model}
   * @return the key, or empty when AlignUnit reads no such key
   */
  public static Optional<ConfigurationKey<?>> find(String name) {
    return ALL.stream().filter(key -> key.name().equals(name)).findFirst();
  }

  private static <T> ConfigurationKey<T> key(
      String name, ValueType<T> type, T defaultValue, String doc) {
    return add(new ConfigurationKey<>(name, type, defaultValue, null, doc));
  }

  private static <T> ConfigurationKey<T> optional(
      String name, ValueType<T> type, String whenUnset, String doc) {
    return add(new ConfigurationKey<>(name, type, null, whenUnset, doc));
  }

  private static <T> ConfigurationKey<T> add(ConfigurationKey<T> key) {
    if (find(key.name()).isPresent()) {
      throw new IllegalStateException("Configuration key declared twice: " + key.name());
    }
    ALL.add(key);
    return key;
  }
}
