/**
 * Benchmarks. Run them with
 * {@code mvn -B -q -pl benchmarks -am package -DskipTests} and then
 * {@code mvn -B -q -pl benchmarks exec:java -Dexec.mainClass=<main class>}; see BENCHMARKS.md.
 */
package dev.alignunit.benchmarks;
