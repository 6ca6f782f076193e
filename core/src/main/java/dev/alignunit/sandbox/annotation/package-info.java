/**
 * Annotations that turn methods of test-supplied objects into sandbox tools: {@link
 * dev.alignunit.sandbox.annotation.Tool} and {@link dev.alignunit.sandbox.annotation.ToolParam}.
 */
package dev.alignunit.sandbox.annotation;
