package dev.alignunit.config;

import dev.alignunit.AlignUnitException;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A configuration value that its key does not accept. Every invalid value, whatever its key and
 * wherever it came from, gets one message shape naming the key, the value, its source and the
 * accepted values:
 *
 * <pre>
 * Invalid value 'abc' for alignunit.concurrency (from environment variable ALIGNUNIT_CONCURRENCY): expected a whole number from 1 to 1024.
 * </pre>
 *
 * A value that may be a secret (an API key given where the name of its environment variable
 * belongs) is not repeated: {@code Invalid value for alignunit.openai.api-key-env (from ...):
 * expected ...; the value is not shown because it may be an API key.}
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class InvalidConfigurationException extends AlignUnitException {

  private static final long serialVersionUID = 1L;

  private final String key;
  private final String value;
  private final String source;
  private final String accepted;
  private final boolean valueShown;

  /**
   * Creates the exception; the message is built from the parts.
   *
   * @param key the key, such as {@code alignunit.concurrency}
   * @param value the value as given
   * @param source where the value came from, such as {@code environment variable
   *     ALIGNUNIT_CONCURRENCY}; {@code null} when unknown (values set in code)
   * @param accepted what the key accepts, such as {@code a whole number from 1 to 1024}
   * @param valueShown whether the message may repeat the value ({@code false} when it may be a
   *     secret)
   */
  public InvalidConfigurationException(
      String key, String value, String source, String accepted, boolean valueShown) {
    super(message(key, value, source, accepted, valueShown));
    this.key = key;
    this.value = value;
    this.source = source;
    this.accepted = accepted;
    this.valueShown = valueShown;
  }

  private static String message(
      String key, String value, String source, String accepted, boolean valueShown) {
    String from = source == null ? "" : " (from " + source + ")";
    return valueShown
        ? "Invalid value '" + value + "' for " + key + from + ": expected " + accepted + "."
        : "Invalid value for "
            + key
            + from
            + ": expected "
            + accepted
            + "; the value is not shown because it may be an API key.";
  }

  /**
   * The same invalid value, attributed to where it came from.
   *
   * @param where the source, such as {@code environment variable ALIGNUNIT_CONCURRENCY}
   * @return a new exception with the source in its message
   */
  public InvalidConfigurationException from(String where) {
    InvalidConfigurationException located =
        new InvalidConfigurationException(key, value, where, accepted, valueShown);
    if (getCause() != null) {
      located.initCause(getCause());
    }
    return located;
  }

  /**
   * The key.
   *
   * @return the key, such as {@code alignunit.concurrency}
   */
  public String key() {
    return key;
  }

  /**
   * Where the value came from.
   *
   * @return the source, empty for values set in code
   */
  public Optional<String> source() {
    return Optional.ofNullable(source);
  }

  /**
   * What the key accepts.
   *
   * @return the accepted values, such as {@code a whole number from 1 to 1024}
   */
  public String accepted() {
    return accepted;
  }
}
