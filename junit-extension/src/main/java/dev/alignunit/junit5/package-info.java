/**
 * The JUnit Jupiter side of AlignUnit: {@link dev.alignunit.junit5.AgentScenario}, {@link
 * dev.alignunit.junit5.AgentTest}, {@link dev.alignunit.junit5.AgentModel} and the configuration
 * keys. The extension itself lives in the {@code internal} package.
 */
package dev.alignunit.junit5;
