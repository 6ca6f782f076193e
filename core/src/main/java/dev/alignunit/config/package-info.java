/**
 * The configuration keys AlignUnit reads, in one list: {@link dev.alignunit.config.ConfigurationKeys}
 * gives every key its name, value type, default, accepted values and a documentation line, and
 * parses raw values into typed ones with one message shape for every invalid value ({@link
 * dev.alignunit.config.InvalidConfigurationException}). The package depends on nothing else in
 * AlignUnit, so every other package may name keys in its messages; where the values come from
 * (annotations, JUnit configuration parameters, environment variables) is the test extension's
 * business.
 */
package dev.alignunit.config;
