package dev.alignunit.config;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One configuration key: its name, the type of its values, its default and a documentation line.
 * The keys are the constants of {@link ConfigurationKeys}; {@link #toString()} is the name, so
 * {@code "-D" + ConfigurationKeys.MODE + "=record"} reads {@code -Dalignunit.mode=record}.
 *
 * @param name the key, such as {@code alignunit.concurrency}
 * @param type how values are parsed and what is accepted
 * @param defaultValue the value when the key is not set; {@code null} when there is none
 * @param whenUnset what an unset key means when there is no default, such as {@code none} or {@code
 *     unlimited}; {@code null} when there is a default
 * @param doc one line of documentation (Markdown), as in the README's configuration table
 * @param <T> the Java type of the values
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record ConfigurationKey<T>(
    String name, ValueType<T> type, T defaultValue, String whenUnset, String doc) {

  /**
   * Checks the parts: a name under {@code alignunit.}, and exactly one of default and unset
   * meaning.
   */
  public ConfigurationKey {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(doc, "doc");
    if (!name.startsWith(ConfigurationKeys.PREFIX)) {
      throw new IllegalArgumentException(
          "A configuration key starts with " + ConfigurationKeys.PREFIX + ": " + name);
    }
    if ((defaultValue == null) == (whenUnset == null)) {
      throw new IllegalArgumentException(
          name + " needs either a default value or what an unset key means");
    }
  }

  /**
   * The environment variable read when no configuration parameter sets the key: {@code ALIGNUNIT_}
   * and the rest of the key in upper snake case, such as {@code ALIGNUNIT_MAX_TURNS} for {@code
   * alignunit.max-turns}.
   *
   * @return the variable's name
   */
  public String environmentVariable() {
    return environmentVariable(name);
  }

  /**
   * The environment variable of any key name, known or not (for "did you mean" suggestions).
   *
   * @param keyName a key such as {@code alignunit.max-turns}
   * @return the variable's name, such as {@code ALIGNUNIT_MAX_TURNS}
   */
  public static String environmentVariable(String keyName) {
    return keyName.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  /**
   * Parses a configured text.
   *
   * @param text the text as configured; surrounding blanks are ignored
   * @param source where it came from, for the message; {@code null} when unknown
   * @return the value
   * @throws InvalidConfigurationException naming the key, the value, the source and what is
   *     accepted, when the text is blank or not accepted
   */
  public T parse(String text, String source) {
    String trimmed = text == null ? "" : text.strip();
    try {
      if (trimmed.isEmpty()) {
        throw new IllegalArgumentException("blank");
      }
      return type.parse(trimmed);
    } catch (IllegalArgumentException e) {
      InvalidConfigurationException invalid =
          new InvalidConfigurationException(
              name, trimmed, source, type.accepted(), type.valueShown());
      invalid.initCause(e);
      throw invalid;
    }
  }

  /**
   * Checks a value set in code against what the key accepts, such as a concurrency given to {@code
   * ProviderSettings}.
   *
   * @param value the value
   * @return the value
   * @throws InvalidConfigurationException when the key would not accept it
   */
  public T check(T value) {
    return parse(type.format(Objects.requireNonNull(value, name)), null);
  }

  /**
   * The default value.
   *
   * @return the default, empty when the key has none (see {@link #whenUnset()})
   */
  public Optional<T> defaultIfAny() {
    return Optional.ofNullable(defaultValue);
  }

  /**
   * The default as a user would configure it, or what an unset key means.
   *
   * @return such as {@code 120s} or {@code unlimited}
   */
  public String defaultText() {
    return defaultValue == null ? whenUnset : type.format(defaultValue);
  }

  /**
   * The key's name.
   *
   * @return the name, such as {@code alignunit.concurrency}
   */
  @Override
  public String toString() {
    return name;
  }
}
