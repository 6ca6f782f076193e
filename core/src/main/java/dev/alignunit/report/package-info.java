/**
 * Reports of a test run: the report model ({@link dev.alignunit.report.RunReport} and the records
 * it holds), the versioned {@code results.json} (JSON Schema {@code
 * alignunit/report/results.schema.json}), the self-contained {@code index.html}, and {@link
 * dev.alignunit.report.ReportStore}, which flushes every finished test to disk and merges the
 * entries of all Surefire forks when the run ends.
 *
 * <p>Everything a report shows from a transcript is untrusted text and is escaped; configuration
 * passes through {@link dev.alignunit.report.ConfigurationSanitizer} so secrets never reach a
 * report.
 *
 * <p>The package is the test extension's plumbing: its types are {@code @API(status = INTERNAL)}
 * and may change in any release. What other tools can rely on is {@code results.json} and its
 * schema.
 */
package dev.alignunit.report;
