package dev.alignunit.model;

import org.apiguardian.api.API;

/** Why the model stopped generating, mapped from each provider's own values. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum StopReason {
  /** The model finished its turn ({@code stop}, {@code end_turn}). */
  END_TURN,
  /** The model wants tools to run ({@code tool_calls}, {@code tool_use}). */
  TOOL_USE,
  /** The output hit the token limit ({@code length}, {@code max_tokens}). */
  MAX_TOKENS,
  /** A stop sequence was produced. */
  STOP_SEQUENCE,
  /**
   * The provider flagged the answer as a refusal (Anthropic {@code refusal}, OpenAI {@code
   * refusal}).
   */
  REFUSAL,
  /** The provider's content filter cut the output ({@code content_filter}). */
  CONTENT_FILTER,
  /** Anything else the provider reported. */
  OTHER
}
