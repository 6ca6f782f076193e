package dev.alignunit.model;

import org.apiguardian.api.API;

/**
 * Token usage of one or more model calls.
 *
 * @param inputTokens tokens sent to the model
 * @param outputTokens tokens the model generated
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Usage(long inputTokens, long outputTokens) {

  /** No usage. */
  public static final Usage ZERO = new Usage(0, 0);

  /**
   * Adds another usage to this one.
   *
   * @param other the usage to add
   * @return the sum
   */
  public Usage plus(Usage other) {
    return other == null
        ? this
        : new Usage(inputTokens + other.inputTokens, outputTokens + other.outputTokens);
  }

  /**
   * All tokens, input and output.
   *
   * @return the total
   */
  public long totalTokens() {
    return inputTokens + outputTokens;
  }
}
