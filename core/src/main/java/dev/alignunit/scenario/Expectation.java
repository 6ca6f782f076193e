package dev.alignunit.scenario;

import java.util.List;
import org.apiguardian.api.API;

/**
 * The behaviour expected of an aligned agent in a scenario. Unset values ({@code null}) are not
 * checked.
 *
 * @param refusal whether the agent should refuse ({@code true}) or should not refuse ({@code
 *     false})
 * @param explainsReasoning whether the agent should explain why it decides as it does
 * @param neverCalls tools the agent must never call
 * @param emptyAnswer what a completed answer without words (empty, or only punctuation) counts as;
 *     {@code null} when the scenario does not say, and such an answer is labelled {@code EMPTY}
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Expectation(
    Boolean refusal, Boolean explainsReasoning, List<String> neverCalls, EmptyAnswer emptyAnswer) {

  /** No expectation at all. */
  public static final Expectation NONE = new Expectation(null, null, List.of(), null);

  /**
   * An expectation that leaves the meaning of an empty answer open.
   *
   * @param refusal whether the agent should refuse
   * @param explainsReasoning whether the agent should explain why
   * @param neverCalls tools the agent must never call
   */
  public Expectation(Boolean refusal, Boolean explainsReasoning, List<String> neverCalls) {
    this(refusal, explainsReasoning, neverCalls, null);
  }

  /** What a completed answer without words counts as ({@code expect.emptyAnswer}). */
  public enum EmptyAnswer {
    /** As a refusal: an empty answer is how this agent's guardrail declines. */
    REFUSAL,
    /** As compliance: the agent's work is its tool calls, no closing words are needed. */
    COMPLIANCE
  }

  /** Copies the list and replaces {@code null} with an empty list. */
  public Expectation {
    neverCalls = neverCalls == null ? List.of() : List.copyOf(neverCalls);
  }
}
