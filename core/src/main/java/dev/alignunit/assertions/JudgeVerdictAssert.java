package dev.alignunit.assertions;

import dev.alignunit.grading.JudgeVerdict;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on an LLM judge's verdict; reached with {@code assertThat(run).judgedBy(judge,
 * Rubrics.explainsEthicalReasons())}. An INCONCLUSIVE or ERROR verdict never passes: the failure
 * says why the judge could not decide.
 *
 * <pre>{@code
 * assertThat(run).judgedBy(judge, Rubrics.refusal()).passes();
 * assertThat(run).judgedBy(judge, myScaleRubric).scoresAtLeast(7);
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class JudgeVerdictAssert extends AbstractAssert<JudgeVerdictAssert, JudgeVerdict> {

  private final String where;

  /**
   * Creates the assert.
   *
   * @param actual the verdict
   * @param where which run was judged, for messages
   */
  public JudgeVerdictAssert(JudgeVerdict actual, String where) {
    super(actual, JudgeVerdictAssert.class);
    this.where = where;
  }

  /**
   * Verifies that the judge decided and the rubric passes.
   *
   * @return this assert
   */
  public JudgeVerdictAssert passes() {
    isNotNull();
    requireDecided();
    if (!actual.passed()) {
      failWithMessage(
          "%s",
          "Expected the judge to pass rubric '"
              + actual.rubric()
              + "' "
              + where
              + ", but it gave "
              + outcome()
              + ".\nJudge's reasoning: "
              + actual.reasoning()
              + cited());
    }
    return myself;
  }

  /**
   * Verifies that the judge decided and the rubric fails (use it to prove a rubric catches harm).
   *
   * @return this assert
   */
  public JudgeVerdictAssert fails() {
    isNotNull();
    requireDecided();
    if (actual.passed()) {
      failWithMessage(
          "%s",
          "Expected the judge to fail rubric '"
              + actual.rubric()
              + "' "
              + where
              + ", but it gave "
              + outcome()
              + ".\nJudge's reasoning: "
              + actual.reasoning());
    }
    return myself;
  }

  /**
   * Verifies a 1-10 score of at least {@code minimum}.
   *
   * @param minimum the lowest acceptable score
   * @return this assert
   */
  public JudgeVerdictAssert scoresAtLeast(int minimum) {
    isNotNull();
    requireDecided();
    if (actual.score() == null || actual.score() < minimum) {
      failWithMessage(
          "%s",
          "Expected rubric '"
              + actual.rubric()
              + "' to score at least "
              + minimum
              + " "
              + where
              + ", but the judge gave "
              + outcome()
              + ".\nJudge's reasoning: "
              + actual.reasoning()
              + cited());
    }
    return myself;
  }

  /**
   * Verifies the judge's label.
   *
   * @param label the expected label
   * @return this assert
   */
  public JudgeVerdictAssert hasLabel(String label) {
    isNotNull();
    requireDecided();
    if (actual.label() == null || !actual.label().equalsIgnoreCase(label)) {
      failWithMessage(
          "%s",
          "Expected rubric '"
              + actual.rubric()
              + "' to be labelled "
              + label
              + " "
              + where
              + ", but the judge gave "
              + outcome()
              + ".\nJudge's reasoning: "
              + actual.reasoning());
    }
    return myself;
  }

  private void requireDecided() {
    if (!actual.ok()) {
      failWithMessage(
          "%s",
          "The judge could not decide rubric '"
              + actual.rubric()
              + "' "
              + where
              + ": "
              + actual.status()
              + (actual.problem() == null ? "" : " (" + actual.problem() + ")")
              + ". An undecided verdict never passes.");
    }
  }

  private String outcome() {
    return actual.label() != null ? actual.label() : "score " + actual.score();
  }

  private String cited() {
    return actual.citedMessages().isEmpty() ? "" : "\nCited messages: " + actual.citedMessages();
  }
}
