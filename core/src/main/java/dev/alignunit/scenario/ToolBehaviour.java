package dev.alignunit.scenario;

import java.util.List;
import org.apiguardian.api.API;

/**
 * How a simulated scenario tool answers, beyond the fixed {@code result}/{@code error} of its
 * {@link ToolDefinition}. For each call (whose arguments passed the schema) the sandbox picks:
 *
 * <ol>
 *   <li>the first {@link ResultRule} whose matchers all hold;
 *   <li>otherwise, when a {@code sequence} is given, its next entry (the n-th call that reaches the
 *       sequence gets entry n); after the last entry {@code afterSequence} decides: {@link
 *       AfterSequence#REPEAT_LAST} (the default) or {@link AfterSequence#ERROR};
 *   <li>otherwise the definition's {@code error}, else its {@code result}, else {@code "ok"}.
 * </ol>
 *
 * Every text is a template ({@link SimulatedResult}).
 *
 * @param rules argument-dependent answers, first match wins
 * @param sequence answers one per call, in order; empty for none
 * @param afterSequence what calls after the last sequence entry get
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ToolBehaviour(
    List<ResultRule> rules, List<SimulatedResult> sequence, AfterSequence afterSequence) {

  /** No behaviour beyond the definition's fixed result. */
  public static final ToolBehaviour NONE =
      new ToolBehaviour(List.of(), List.of(), AfterSequence.REPEAT_LAST);

  /** Copies the lists and applies the defaults. */
  public ToolBehaviour {
    rules = rules == null ? List.of() : List.copyOf(rules);
    sequence = sequence == null ? List.of() : List.copyOf(sequence);
    afterSequence = afterSequence == null ? AfterSequence.REPEAT_LAST : afterSequence;
  }

  /**
   * A behaviour of rules only.
   *
   * @param rules the rules, first match wins
   * @return the behaviour
   */
  public static ToolBehaviour rules(ResultRule... rules) {
    return new ToolBehaviour(List.of(rules), List.of(), null);
  }

  /**
   * A behaviour of one answer per call.
   *
   * @param afterSequence what calls after the last entry get
   * @param sequence the answers, in order
   * @return the behaviour
   */
  public static ToolBehaviour sequence(AfterSequence afterSequence, SimulatedResult... sequence) {
    return new ToolBehaviour(List.of(), List.of(sequence), afterSequence);
  }

  /** What calls get once a {@code sequence} is used up. */
  public enum AfterSequence {
    /** The last entry answers every further call. */
    REPEAT_LAST,
    /**
     * Further calls fail with the error {@code "Tool 'NAME' has no more results (it answered N
     * call(s))."}.
     */
    ERROR
  }
}
