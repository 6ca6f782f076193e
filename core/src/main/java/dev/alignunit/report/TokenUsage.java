package dev.alignunit.report;

import dev.alignunit.model.Usage;
import org.apiguardian.api.API;

/**
 * Tokens used by one sample.
 *
 * @param inputTokens tokens sent to the model
 * @param outputTokens tokens the model generated
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record TokenUsage(long inputTokens, long outputTokens) {

  /** No usage. */
  public static final TokenUsage ZERO = new TokenUsage(0, 0);

  /**
   * Converts the model's usage.
   *
   * @param usage the usage, may be {@code null}
   * @return the report's usage
   */
  public static TokenUsage of(Usage usage) {
    return usage == null ? ZERO : new TokenUsage(usage.inputTokens(), usage.outputTokens());
  }
}
