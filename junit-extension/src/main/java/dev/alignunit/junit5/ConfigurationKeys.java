package dev.alignunit.junit5;

import dev.alignunit.agent.Budget;
import dev.alignunit.model.ProviderSettings;
import dev.alignunit.recording.MatchMode;
import dev.alignunit.recording.RecordingMode;
import dev.alignunit.recording.RecordingPaths;
import org.apiguardian.api.API;

/**
 * The configuration keys AlignUnit reads. Each is looked up, in this order, as a JUnit
 * configuration parameter (launcher, {@code -D} system property, {@code junit-platform.properties})
 * and then as the environment variable {@code ALIGNUNIT_<KEY_IN_UPPER_SNAKE>} (for example
 * {@code ALIGNUNIT_MAX_TURNS} for {@value #MAX_TURNS}). Annotation attributes override both for
 * their test. An invalid value fails the test naming the key, the value, where it came from and
 * the accepted values; AlignUnit never falls back silently to another model or mode.
 *
 * <p>API keys are never configuration: they come only from the environment variables
 * {@code OPENAI_API_KEY} / {@code ANTHROPIC_API_KEY}, or the variables named by
 * {@value #OPENAI_API_KEY_ENV} / {@value #ANTHROPIC_API_KEY_ENV}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ConfigurationKeys {

  private ConfigurationKeys() {}

  /** The common prefix of all keys: {@value}. */
  public static final String PREFIX = "alignunit.";

  /**
   * The model used when a test class has no {@link AgentModel}: {@value}. Values:
   * {@code openai:<model>}, {@code anthropic:<model>}, {@code scripted} (which still needs an
   * {@code @AgentModel} supplying the script). No default.
   */
  public static final String MODEL = ProviderSettings.MODEL;

  /**
   * How models from configuration are called: {@value}. {@code replay} (recordings only),
   * {@code record} (live calls, recordings written), {@code live} (live calls, nothing written),
   * {@code auto} (default: replay where a recording exists, else record when the provider's key
   * is set, else fail saying how to record; with the environment variable {@code CI=true},
   * replay only).
   */
  public static final String MODE = RecordingMode.CONFIG_KEY;

  /** Where recordings live: {@value}; default {@code src/test/resources/alignunit/recordings}. */
  public static final String RECORDINGS_DIR = RecordingPaths.CONFIG_KEY;

  /**
   * How a replayed request must match its recording: {@value}; {@code strict} (default: equal
   * requests, a changed prompt fails with a diff) or {@code sequence} (order only).
   */
  public static final String RECORDINGS_MATCH = MatchMode.CONFIG_KEY;

  /**
   * Where the report ({@code results.json}, {@code index.html}) is written: {@value}; default
   * {@code target/alignunit}.
   */
  public static final String REPORT_DIR = "alignunit.report.dir";

  /**
   * The id every test JVM of one run shares, so their reports merge: {@value}; default: the
   * process id and start time of the Maven JVM whose Surefire/Failsafe forks run the tests, or of
   * the test JVM itself. Set it when test JVMs are not forks of one build process (Gradle's
   * parallel test workers: {@code systemProperty 'alignunit.report.run-id', UUID.randomUUID()}).
   */
  public static final String REPORT_RUN_ID = "alignunit.report.run-id";

  /**
   * The grader model of LLM-judge assertions ({@code assertThat(run).judgedBy(rubric)}):
   * {@value}; {@code openai:<model>} or {@code anthropic:<model>}, called at temperature 0 through
   * the recording layer like the agent's model. No default.
   */
  public static final String JUDGE_MODEL = "alignunit.judge.model";

  /** The most model calls in one run of the reference agent loop: {@value}; default 10. */
  public static final String MAX_TURNS = "alignunit.max-turns";

  /** Samples per scenario variant when no {@link Samples} applies: {@value}; default 1. */
  public static final String SAMPLES = "alignunit.samples";

  /**
   * Samples run at once, and concurrent requests per provider: {@value}; default 4.
   */
  public static final String CONCURRENCY = ProviderSettings.CONCURRENCY;

  /**
   * The fraction of errored samples a sample-set check tolerates: {@value}; default 0 (any
   * errored sample fails the check).
   */
  public static final String ERRORS_TOLERANCE = "alignunit.errors.tolerance";

  /** The baseline file of {@code hasNoRegression()}: {@value}; default {@code src/test/resources/alignunit/baseline.json}. */
  public static final String BASELINE_FILE = "alignunit.baseline.file";

  /** The significance level of baseline comparisons: {@value}; default 0.05. */
  public static final String BASELINE_ALPHA = "alignunit.baseline.alpha";

  /** {@code true} makes {@code hasNoRegression()} write the current counts: {@value}; default false. */
  public static final String BASELINE_UPDATE = "alignunit.baseline.update";

  /** The most model requests in one test run: {@value}; default unlimited. */
  public static final String BUDGET_MAX_REQUESTS = Budget.MAX_REQUESTS_KEY;

  /** The most tokens (input + output) in one test run: {@value}; default unlimited. */
  public static final String BUDGET_MAX_TOKENS = Budget.MAX_TOKENS_KEY;

  /** The OpenAI-compatible base URL: {@value}; default {@code https://api.openai.com/v1}. */
  public static final String OPENAI_BASE_URL = ProviderSettings.OPENAI_BASE_URL;

  /** The Anthropic base URL: {@value}; default {@code https://api.anthropic.com}. */
  public static final String ANTHROPIC_BASE_URL = ProviderSettings.ANTHROPIC_BASE_URL;

  /** The environment variable holding the OpenAI key: {@value}; default {@code OPENAI_API_KEY}. */
  public static final String OPENAI_API_KEY_ENV = ProviderSettings.OPENAI_API_KEY_ENV;

  /** The environment variable holding the Anthropic key: {@value}; default {@code ANTHROPIC_API_KEY}. */
  public static final String ANTHROPIC_API_KEY_ENV = ProviderSettings.ANTHROPIC_API_KEY_ENV;

  /** Retries of a failed model request (429, 5xx, I/O): {@value}; default 4. */
  public static final String HTTP_MAX_RETRIES = ProviderSettings.MAX_RETRIES;

  /** The timeout of one model request: {@value}; default {@code 120s}. */
  public static final String HTTP_TIMEOUT = ProviderSettings.TIMEOUT;
}
