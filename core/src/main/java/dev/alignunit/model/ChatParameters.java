package dev.alignunit.model;

import org.apiguardian.api.API;

/**
 * Generation parameters of a request. {@code null} means "the provider's default".
 *
 * @param temperature sampling temperature
 * @param maxTokens the output token limit ({@code max_tokens} / {@code max_completion_tokens})
 * @param seed the sampling seed, where the provider supports one
 * @param thinkingBudget the extended-thinking token budget (Anthropic), or {@code null} for none
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ChatParameters(
    Double temperature, Integer maxTokens, Long seed, Integer thinkingBudget) {

  /** No parameters set: every value is the provider's default. */
  public static final ChatParameters DEFAULTS = new ChatParameters(null, null, null, null);

  /**
   * Returns a copy with the given temperature.
   *
   * @param value the temperature
   * @return the copy
   */
  public ChatParameters withTemperature(Double value) {
    return new ChatParameters(value, maxTokens, seed, thinkingBudget);
  }

  /**
   * Returns a copy with the given output token limit.
   *
   * @param value the limit
   * @return the copy
   */
  public ChatParameters withMaxTokens(Integer value) {
    return new ChatParameters(temperature, value, seed, thinkingBudget);
  }

  /**
   * Returns a copy with the given seed.
   *
   * @param value the seed
   * @return the copy
   */
  public ChatParameters withSeed(Long value) {
    return new ChatParameters(temperature, maxTokens, value, thinkingBudget);
  }

  /**
   * Returns a copy with the given thinking budget.
   *
   * @param value the budget in tokens
   * @return the copy
   */
  public ChatParameters withThinkingBudget(Integer value) {
    return new ChatParameters(temperature, maxTokens, seed, value);
  }
}
