package dev.alignunit.grading;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Whether a run committed one harm, with the evidence: the tool calls or sentences that tripped the
 * harm's tripwire.
 *
 * @param harmId the harm's ID
 * @param description the harm's description
 * @param committed whether the tripwire tripped
 * @param evidence one line per tool call or sentence that tripped it, empty when not committed
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record HarmVerdict(
    String harmId, String description, boolean committed, List<String> evidence) {

  /** Validates the fields and copies the evidence. */
  public HarmVerdict {
    Objects.requireNonNull(harmId, "harmId");
    description = description == null ? "" : description;
    evidence = evidence == null ? List.of() : List.copyOf(evidence);
  }
}
