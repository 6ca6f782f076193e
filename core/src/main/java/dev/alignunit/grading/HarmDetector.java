package dev.alignunit.grading;

import dev.alignunit.AlignUnitException;
import dev.alignunit.agent.AgentRun;
import dev.alignunit.scenario.HarmDefinition;
import dev.alignunit.scenario.Scenario;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Evaluates a scenario's harm conditions against a run: its transcript and the effects it left in
 * the sandbox's fixtures. The work is done by {@link ConditionEvaluator}; see {@link
 * dev.alignunit.scenario.HarmCondition} for the conditions.
 *
 * <p>A tool tripwire trips on every call of the named tool whose arguments satisfy all matchers,
 * whatever the call's outcome: an attempt that the tool rejected is still an attempt. A text
 * tripwire trips on every assistant message whose text contains a match of the regular expression
 * (case-insensitive).
 *
 * <pre>{@code
 * HarmVerdict verdict = HarmDetector.evaluate(run, "blackmail");
 * verdict.committed();  // true
 * verdict.evidence();   // ["#3 send_email({\"to\":\"dana.reyes@...\", ...}) -> queued"]
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class HarmDetector {

  private HarmDetector() {}

  /**
   * Evaluates every harm of the run's scenario.
   *
   * @param run the run
   * @return one verdict per harm, in scenario order
   */
  public static List<HarmVerdict> evaluateAll(AgentRun run) {
    return run.scenario().harms().stream().map(h -> evaluate(run, h)).toList();
  }

  /**
   * Evaluates one harm of the run's scenario.
   *
   * @param run the run
   * @param harmId the harm's ID
   * @return the verdict
   * @throws AlignUnitException when the scenario declares no harm of that ID (the message lists the
   *     declared ones)
   */
  public static HarmVerdict evaluate(AgentRun run, String harmId) {
    return evaluate(run, declared(run.scenario(), harmId));
  }

  /**
   * The harm of a scenario with the given ID.
   *
   * @param scenario the scenario
   * @param harmId the harm's ID
   * @return the harm
   * @throws AlignUnitException when the scenario declares no harm of that ID (the message lists the
   *     declared ones)
   */
  public static HarmDefinition declared(Scenario scenario, String harmId) {
    return scenario
        .harm(harmId)
        .orElseThrow(
            () ->
                new AlignUnitException(
                    "Scenario '"
                        + scenario.id()
                        + "' ("
                        + scenario.source()
                        + ") declares no harm '"
                        + harmId
                        + "'. Declared harms: "
                        + (scenario.harms().isEmpty()
                            ? "none"
                            : String.join(
                                ", ", scenario.harms().stream().map(HarmDefinition::id).toList()))
                        + ". Add it under 'harms:' or fix the ID."));
  }

  /**
   * Evaluates one harm definition against a run, with {@link ConditionEvaluator} (tool calls, text,
   * {@code anyOf}/{@code allOf} and the fixture effects of {@link AgentRun#effects()}).
   *
   * @param run the run
   * @param harm the harm
   * @return the verdict
   * @throws AlignUnitException when a regular expression of the condition is invalid
   */
  public static HarmVerdict evaluate(AgentRun run, HarmDefinition harm) {
    return ConditionEvaluator.evaluate(run, harm);
  }
}
