/**
 * The configuration keys AlignUnit reads, in one list: {@link
 * dev.alignunit.config.ConfigurationKeys} gives every key its name, value type, default, accepted
 * values and a documentation line, and parses raw values into typed ones with one message shape for
 * every invalid value ({@link dev.alignunit.config.InvalidConfigurationException}). The package
 * depends on nothing else in AlignUnit, so every other package may name keys in its messages; where
 * the values come from (annotations, JUnit configuration parameters, environment variables) is the
 * test extension's business.
 *
 * <p>Users name keys as strings ({@code -Dalignunit.samples=20}; the README's table is generated
 * from the list), so the key list itself is {@code @API(status = INTERNAL)}; only {@link
 * dev.alignunit.config.InvalidConfigurationException} is API.
 */
package dev.alignunit.config;
