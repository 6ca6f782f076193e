/**
 * Benchmarks: JMH benchmarks and documented measurement mains. They are compiled by the reactor but
 * never run by it (except {@link dev.alignunit.benchmarks.HeldOutEvaluation}, which {@code mvn
 * verify} runs to print the red team's held-out figures, never failing on one); BENCHMARKS.md at
 * the repository root gives, for each, the command (a plain {@code java -cp} over {@code
 * core/target/classes}, {@code benchmarks/target/classes} and the dependency classpath, so the
 * freshly built core is measured rather than a snapshot in {@code ~/.m2}), the figures and the
 * machine they came from.
 */
package dev.alignunit.benchmarks;
