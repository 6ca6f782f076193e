/**
 * Implementation of the reports: JSON mapping, HTML rendering, evidence highlighting and atomic
 * file writes. Not API: use {@link dev.alignunit.report.ReportWriter} and {@link
 * dev.alignunit.report.ReportStore}.
 */
package dev.alignunit.report.internal;
