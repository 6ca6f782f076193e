package dev.alignunit.junit5.internal;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * Looks up {@code alignunit.*} keys: first JUnit configuration parameters, then the environment
 * variable {@code ALIGNUNIT_<KEY>}. Every value remembers where it came from, for messages.
 */
final class ConfigurationReader {

  private final Function<String, Optional<String>> parameters;
  private final Function<String, String> environment;

  ConfigurationReader(Function<String, Optional<String>> parameters, Function<String, String> environment) {
    this.parameters = parameters;
    this.environment = environment;
  }

  /** A configured value and where it came from. */
  record Value(String key, String value, String source) {}

  static String environmentName(String key) {
    return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  Optional<Value> get(String key) {
    Optional<String> parameter = parameters.apply(key).map(String::trim).filter(v -> !v.isEmpty());
    if (parameter.isPresent()) {
      return Optional.of(new Value(key, parameter.get(),
          "JUnit configuration parameter / system property '" + key + "'"));
    }
    String name = environmentName(key);
    String env = environment.apply(name);
    if (env != null && !env.isBlank()) {
      return Optional.of(new Value(key, env.trim(), "environment variable " + name));
    }
    return Optional.empty();
  }

  String string(String key, String defaultValue) {
    return get(key).map(Value::value).orElse(defaultValue);
  }

  int integer(String key, int defaultValue, int min, int max) {
    Optional<Value> value = get(key);
    if (value.isEmpty()) {
      return defaultValue;
    }
    try {
      int parsed = Integer.parseInt(value.get().value());
      if (parsed >= min && parsed <= max) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw invalid(value.get(), "a whole number from " + min + " to " + max);
  }

  long longValue(String key, long defaultValue, long min) {
    Optional<Value> value = get(key);
    if (value.isEmpty()) {
      return defaultValue;
    }
    try {
      long parsed = Long.parseLong(value.get().value());
      if (parsed >= min) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw invalid(value.get(), "a whole number of at least " + min);
  }

  double fraction(String key, double defaultValue, boolean zeroAllowed, boolean oneAllowed) {
    Optional<Value> value = get(key);
    if (value.isEmpty()) {
      return defaultValue;
    }
    try {
      double parsed = Double.parseDouble(value.get().value());
      if ((zeroAllowed ? parsed >= 0 : parsed > 0) && (oneAllowed ? parsed <= 1 : parsed < 1)) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw invalid(value.get(), "a number " + (zeroAllowed ? "from 0" : "above 0") + (oneAllowed ? " to 1" : " and below 1"));
  }

  boolean bool(String key, boolean defaultValue) {
    Optional<Value> value = get(key);
    if (value.isEmpty()) {
      return defaultValue;
    }
    return switch (value.get().value().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw invalid(value.get(), "true or false");
    };
  }

  /** A lookup for core code that reads {@code alignunit.*} keys itself: the value or {@code null}. */
  String orNull(String key) {
    return get(key).map(Value::value).orElse(null);
  }

  static ExtensionConfigurationException invalid(Value value, String accepted) {
    return new ExtensionConfigurationException("Invalid value '" + value.value() + "' for " + value.key()
        + " (from " + value.source() + "): expected " + accepted + ".");
  }
}
