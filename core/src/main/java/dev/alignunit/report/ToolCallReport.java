package dev.alignunit.report;

import static dev.alignunit.report.ReportRedaction.REDACTOR;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A tool call as the model wrote it in an assistant message.
 *
 * @param id the provider's call id
 * @param name the tool name the model used
 * @param arguments the arguments exactly as the model sent them (raw JSON text, possibly invalid)
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record ToolCallReport(String id, String name, String arguments) {

  /** Validates the fields; {@code null} id and arguments become empty. */
  public ToolCallReport {
    Objects.requireNonNull(name, "name");
    id = id == null ? "" : REDACTOR.redact(id);
    name = REDACTOR.redact(name);
    arguments = arguments == null ? "" : REDACTOR.redact(arguments);
  }
}
