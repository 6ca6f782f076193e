package dev.alignunit.junit5.internal;

import dev.alignunit.agent.AgentLoop;
import dev.alignunit.junit5.ConfigurationKeys;
import java.util.Optional;
import java.util.function.Function;

/**
 * The parsed configuration of a test run: read once, immutable, shared through the root store.
 *
 * @param model the configured model spec, if any (with its source)
 * @param maxTurns the turn limit of the reference loop
 */
record Settings(Optional<ConfigurationReader.Value> model, int maxTurns) {

  static Settings read(Function<String, Optional<String>> parameters, Function<String, String> environment) {
    ConfigurationReader reader = new ConfigurationReader(parameters, environment);
    return new Settings(
        reader.get(ConfigurationKeys.MODEL),
        reader.integer(ConfigurationKeys.MAX_TURNS, AgentLoop.DEFAULT_MAX_TURNS, 1, 1000));
  }
}
