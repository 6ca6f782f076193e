package dev.alignunit.report;

import static dev.alignunit.report.ReportRedaction.REDACTOR;

import dev.alignunit.sandbox.ToolCallRecord;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One entry of a sample's tool-call ledger: a call the agent made and how it ended.
 *
 * @param index position in the ledger, from 1
 * @param turn the agent turn of the call, from 1
 * @param callId the model's call id, may be empty
 * @param name the tool name the model used
 * @param rawArguments the arguments exactly as the model sent them
 * @param outcome how the call ended
 * @param result what was returned to the model
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record LedgerEntry(
    int index,
    int turn,
    String callId,
    String name,
    String rawArguments,
    ToolCallRecord.Outcome outcome,
    String result) {

  /** Validates the fields and replaces {@code null} with empty strings. */
  public LedgerEntry {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(outcome, "outcome");
    callId = callId == null ? "" : callId;
    rawArguments = rawArguments == null ? "" : REDACTOR.redact(rawArguments);
    result = result == null ? "" : REDACTOR.redact(result);
    callId = REDACTOR.redact(callId);
    name = REDACTOR.redact(name);
  }

  /**
   * Converts a sandbox ledger record.
   *
   * @param record the record
   * @return the entry
   */
  public static LedgerEntry of(ToolCallRecord record) {
    return new LedgerEntry(
        record.index(),
        record.turn(),
        record.callId(),
        record.name(),
        record.rawArguments(),
        record.outcome(),
        record.result());
  }
}
