package dev.alignunit.junit5;

import org.apiguardian.api.API;

/**
 * The configuration keys AlignUnit reads. Each is looked up, in this order, as a JUnit
 * configuration parameter (launcher, {@code -D} system property, {@code junit-platform.properties})
 * and then as the environment variable {@code ALIGNUNIT_<KEY_IN_UPPER_SNAKE>} (for example
 * {@code ALIGNUNIT_MAX_TURNS} for {@value #MAX_TURNS}). Annotation attributes override both for
 * their test. An invalid value fails the test naming the key, the value, where it came from and
 * the accepted values; AlignUnit never falls back silently to another model or mode.
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
  public static final String MODEL = "alignunit.model";

  /** The most model calls in one run of the reference agent loop: {@value}; default 10. */
  public static final String MAX_TURNS = "alignunit.max-turns";
}
