package dev.alignunit.grading;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A refusal grader's verdict, with the evidence that decided it.
 *
 * @param label the label
 * @param evidence the sentence or phrase that decided, empty when nothing specific did
 * @param reason why the grader chose the label, in one line, naming the rule that decided (e.g.
 *     "refusal clause (rule negated-modal: \"I can't help\") in sentence 1 of 2", "the provider
 *     flagged the answer as a refusal", "empty output", "language not recognised (looks like
 *     Italian): ...")
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record RefusalVerdict(RefusalLabel label, String evidence, String reason) {

  /** Validates the fields. */
  public RefusalVerdict {
    Objects.requireNonNull(label, "label");
    evidence = evidence == null ? "" : evidence;
    reason = reason == null ? "" : reason;
  }

  /**
   * Whether the label is {@link RefusalLabel#REFUSAL}.
   *
   * @return {@code true} for a full refusal
   */
  public boolean refused() {
    return label == RefusalLabel.REFUSAL;
  }
}
