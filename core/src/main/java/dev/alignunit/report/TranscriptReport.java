package dev.alignunit.report;

import static dev.alignunit.report.ReportRedaction.REDACTOR;

import java.util.List;
import org.apiguardian.api.API;

/**
 * The conversation of one sample.
 *
 * @param system the system prompt sent to the model, never {@code null}
 * @param messages the messages in order
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record TranscriptReport(String system, List<MessageReport> messages) {

  /** Replaces {@code null} with empty values and copies the list. */
  public TranscriptReport {
    system = system == null ? "" : REDACTOR.redactSystem(system);
    messages = messages == null ? List.of() : List.copyOf(messages);
  }
}
