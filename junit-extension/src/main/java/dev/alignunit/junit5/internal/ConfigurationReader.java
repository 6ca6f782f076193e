package dev.alignunit.junit5.internal;

import dev.alignunit.AlignUnitException;
import dev.alignunit.config.ConfigurationKey;
import dev.alignunit.config.ConfigurationKeys;
import dev.alignunit.config.InvalidConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * Looks up the keys of {@link ConfigurationKeys}: first JUnit configuration parameters (launcher,
 * {@code -D}, {@code junit-platform.properties}), then the environment variable {@code
 * ALIGNUNIT_<KEY>}. Every value remembers where it came from; an invalid value fails with the one
 * message shape of {@link InvalidConfigurationException}, as JUnit's {@link
 * ExtensionConfigurationException}.
 */
final class ConfigurationReader {

  private static final String PROPERTIES_FILE = "junit-platform.properties";

  /** The source of a value JUnit hands over as a configuration parameter. */
  static final String PARAMETER =
      "a JUnit configuration parameter: -D, junit-platform.properties or the launcher";

  private final Function<String, Optional<String>> parameters;
  private final Map<String, String> environment;
  private final Set<String> parameterNames;

  /**
   * @param parameters JUnit's configuration parameters
   * @param environment the environment variables
   * @param parameterNames the {@code alignunit.*} parameter names that can be listed (system
   *     properties, {@code junit-platform.properties}), for the unknown-key check
   */
  ConfigurationReader(
      Function<String, Optional<String>> parameters,
      Map<String, String> environment,
      Set<String> parameterNames) {
    this.parameters = parameters;
    this.environment = Map.copyOf(environment);
    this.parameterNames = Set.copyOf(parameterNames);
  }

  /** A configured value, the text it was parsed from and where it came from. */
  record Sourced<T>(T value, String text, String source) {}

  /** The text of a key and its source; blank values count as unset. */
  private Optional<Sourced<String>> text(String key) {
    Optional<String> parameter = parameters.apply(key).map(String::strip).filter(v -> !v.isEmpty());
    if (parameter.isPresent()) {
      return Optional.of(new Sourced<>(parameter.get(), parameter.get(), PARAMETER));
    }
    String name = ConfigurationKey.environmentVariable(key);
    String env = environment.get(name);
    if (env != null && !env.isBlank()) {
      return Optional.of(new Sourced<>(env.strip(), env.strip(), "environment variable " + name));
    }
    return Optional.empty();
  }

  /** The parsed value of a key, if it is set. */
  <T> Optional<Sourced<T>> get(ConfigurationKey<T> key) {
    return text(key.name())
        .map(
            text -> {
              try {
                return new Sourced<>(
                    key.parse(text.value(), text.source()), text.value(), text.source());
              } catch (InvalidConfigurationException e) {
                throw invalid(e);
              }
            });
  }

  /**
   * The value of a key, interpreted by the code that owns its meaning (such as {@code
   * ModelSpec::parse}); a text it rejects gets the same message as any invalid value.
   */
  <T, R> Optional<Sourced<R>> get(ConfigurationKey<T> key, Function<T, R> interpretation) {
    return get(key)
        .map(
            value -> {
              try {
                return new Sourced<>(
                    interpretation.apply(value.value()), value.text(), value.source());
              } catch (AlignUnitException | IllegalArgumentException e) {
                throw invalid(
                    new InvalidConfigurationException(
                        key.name(),
                        value.text(),
                        value.source(),
                        key.type().accepted(),
                        key.type().valueShown()));
              }
            });
  }

  /** The configured value of a key with a default, or the default. */
  <T> T value(ConfigurationKey<T> key) {
    return get(key).map(Sourced::value).orElseGet(() -> key.defaultIfAny().orElseThrow());
  }

  /** Every key that is set, with its text, for the report (which masks secret-looking values). */
  Map<String, String> snapshot() {
    Map<String, String> values = new TreeMap<>();
    ConfigurationKeys.all()
        .forEach(key -> text(key.name()).ifPresent(v -> values.put(key.name(), v.value())));
    return Map.copyOf(values);
  }

  /** The {@code alignunit.*} names that can be listed and that JUnit hands over as parameters. */
  Set<String> parameterNames() {
    return parameterNames.stream()
        .filter(name -> parameters.apply(name).isPresent())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** The names of the environment variables. */
  Set<String> environmentNames() {
    return environment.keySet();
  }

  /** The environment, for the API keys. */
  Function<String, String> environment() {
    return environment::get;
  }

  /**
   * Parses a value given by an annotation attribute, such as {@code @Samples(0)}.
   *
   * @param source such as {@code annotation @Samples on com.acme.T#m}
   */
  static <T> T fromAnnotation(ConfigurationKey<T> key, String text, String source) {
    try {
      return key.parse(text, source);
    } catch (InvalidConfigurationException e) {
      throw invalid(e);
    }
  }

  /**
   * The {@code alignunit.*} names an extension can list: system properties and the entries of the
   * {@code junit-platform.properties} JUnit reads (the first on the class path). Read once per run,
   * when the configuration is parsed.
   */
  static Set<String> listableParameterNames() {
    Set<String> names = new TreeSet<>();
    System.getProperties().stringPropertyNames().stream()
        .filter(n -> n.startsWith(ConfigurationKeys.PREFIX))
        .forEach(names::add);
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    URL file =
        (loader != null ? loader : ConfigurationReader.class.getClassLoader())
            .getResource(PROPERTIES_FILE);
    if (file != null) {
      Properties properties = new Properties();
      try (InputStream in = file.openStream()) {
        properties.load(in);
      } catch (IOException e) {
        return names; // JUnit itself reports an unreadable file; the check is a courtesy
      }
      properties.stringPropertyNames().stream()
          .filter(n -> n.startsWith(ConfigurationKeys.PREFIX))
          .forEach(names::add);
    }
    return names;
  }

  static ExtensionConfigurationException invalid(InvalidConfigurationException e) {
    return Failures.invalidValue(e);
  }
}
