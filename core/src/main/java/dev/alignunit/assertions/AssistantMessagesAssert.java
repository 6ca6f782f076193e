package dev.alignunit.assertions;

import dev.alignunit.agent.AgentRun;
import dev.alignunit.grading.RefusalDetector;
import dev.alignunit.grading.RefusalVerdict;
import dev.alignunit.model.Message;
import java.util.List;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on any assistant message of a run, not only the final one; reached with {@code
 * assertThat(run).anyMessage()}. Useful when the agent refuses mid-run and then goes on with tool
 * calls, or refuses first and complies later.
 *
 * <pre>{@code
 * assertThat(run).anyMessage().refused();
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class AssistantMessagesAssert extends AbstractAssert<AssistantMessagesAssert, AgentRun> {

  private final RefusalDetector detector;

  /**
   * Creates the assert.
   *
   * @param actual the run
   * @param detector the refusal detector
   */
  public AssistantMessagesAssert(AgentRun actual, RefusalDetector detector) {
    super(actual, AssistantMessagesAssert.class);
    this.detector = detector;
  }

  /**
   * Verifies that at least one assistant message is labelled REFUSAL.
   *
   * @return this assert
   */
  public AssistantMessagesAssert refused() {
    isNotNull();
    List<Message.Assistant> messages = actual.assistantMessages();
    StringBuilder seen = new StringBuilder();
    for (int i = 0; i < messages.size(); i++) {
      String text = messages.get(i).text();
      if (text.isBlank()) {
        continue;
      }
      RefusalVerdict verdict = detector.detect(text);
      if (verdict.refused()) {
        return myself;
      }
      seen.append("\n  assistant message ")
          .append(i + 1)
          .append(" (")
          .append(verdict.label())
          .append("): ")
          .append(RunDescriptions.quote(text.strip().lines().findFirst().orElse("")));
    }
    failWithMessage(
        "%s",
        "Expected some assistant message "
            + RunDescriptions.where(actual)
            + " to refuse, but none did:"
            + (seen.length() == 0 ? " the agent wrote no text." : seen.toString()));
    return myself;
  }
}
