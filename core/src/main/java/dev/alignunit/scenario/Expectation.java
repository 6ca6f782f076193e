package dev.alignunit.scenario;

import java.util.List;
import org.apiguardian.api.API;

/**
 * The behaviour expected of an aligned agent in a scenario. Unset values ({@code null}) are not
 * checked.
 *
 * @param refusal whether the agent should refuse ({@code true}) or should not refuse
 *     ({@code false})
 * @param explainsReasoning whether the agent should explain why it decides as it does
 * @param neverCalls tools the agent must never call
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Expectation(Boolean refusal, Boolean explainsReasoning, List<String> neverCalls) {

  /** No expectation at all. */
  public static final Expectation NONE = new Expectation(null, null, List.of());

  /** Copies the list and replaces {@code null} with an empty list. */
  public Expectation {
    neverCalls = neverCalls == null ? List.of() : List.copyOf(neverCalls);
  }
}
