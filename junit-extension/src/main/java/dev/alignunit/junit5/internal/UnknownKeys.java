package dev.alignunit.junit5.internal;

import dev.alignunit.config.ConfigurationKey;
import dev.alignunit.config.ConfigurationKeys;
import dev.alignunit.scenario.Suggestions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * Finds {@code alignunit.*} configuration parameters and {@code ALIGNUNIT_*} environment variables
 * that name no key of {@link ConfigurationKeys}, such as a misspelled {@code alignunit.modle}, with
 * the closest key. They are warnings, printed once per run, or with {@code
 * alignunit.config.strict=true} errors that fail every test.
 *
 * <p>Only names that can be listed are checked: system properties and {@code
 * junit-platform.properties} entries that JUnit hands over, and the environment. JUnit offers
 * extensions no list of the parameters a launcher was given, so those cannot be checked.
 */
final class UnknownKeys {

  private static final String ENV_PREFIX = "ALIGNUNIT_";

  private UnknownKeys() {}

  /**
   * An unknown name.
   *
   * @param what such as {@code configuration key alignunit.modle (JUnit configuration parameter)}
   * @param hint such as {@code Did you mean 'alignunit.model'?}
   */
  record Unknown(String what, String hint) {}

  static List<Unknown> find(ConfigurationReader reader) {
    List<Unknown> found = new ArrayList<>();
    Map<String, String> keys = byRest(ConfigurationKey::name, ConfigurationKeys.PREFIX);
    for (String name : reader.parameterNames()) {
      if (name.startsWith(ConfigurationKeys.PREFIX) && ConfigurationKeys.find(name).isEmpty()) {
        found.add(
            new Unknown(
                "configuration key " + name + " (JUnit configuration parameter)",
                hint(name.substring(ConfigurationKeys.PREFIX.length()), keys)));
      }
    }
    Map<String, String> variables = byRest(ConfigurationKey::environmentVariable, ENV_PREFIX);
    reader.environmentNames().stream()
        .filter(n -> n.startsWith(ENV_PREFIX) && !variables.containsValue(n))
        .sorted()
        .forEach(
            name ->
                found.add(
                    new Unknown(
                        "environment variable " + name,
                        hint(name.substring(ENV_PREFIX.length()), variables))));
    return found;
  }

  /** Every key's name (or variable) by what follows the prefix. */
  private static Map<String, String> byRest(
      Function<ConfigurationKey<?>, String> name, String prefix) {
    return ConfigurationKeys.all().stream()
        .map(name)
        .collect(Collectors.toMap(n -> n.substring(prefix.length()), n -> n));
  }

  /** Compares what follows the prefix, so the shared prefix does not make every key look close. */
  private static String hint(String rest, Map<String, String> known) {
    List<String> closest = Suggestions.closest(rest, known.keySet(), 1);
    return closest.isEmpty()
        ? "The keys AlignUnit reads are listed in its README (Configuration)."
        : Suggestions.didYouMean(closest.stream().map(known::get).toList());
  }

  /**
   * Reports the unknown names: each as one warning line, or all in one failure when strict.
   *
   * @param console where the extension prints its lines
   * @throws ExtensionConfigurationException listing them all, when strict
   */
  static void report(List<Unknown> unknown, boolean strict, Consumer<String> console) {
    if (unknown.isEmpty()) {
      return;
    }
    if (strict) {
      throw new ExtensionConfigurationException(
          unknown.stream()
                  .map(u -> "Unknown " + u.what() + ". " + u.hint())
                  .collect(Collectors.joining("\n"))
              + "\n("
              + ConfigurationKeys.CONFIG_STRICT
              + "=true makes unknown "
              + "alignunit.* keys and ALIGNUNIT_* variables errors.)");
    }
    unknown.forEach(u -> console.accept("Ignoring unknown " + u.what() + ". " + u.hint()));
  }
}
