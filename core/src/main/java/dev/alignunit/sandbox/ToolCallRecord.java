package dev.alignunit.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One entry of the sandbox's ledger: a tool call the agent made, with its arguments and outcome.
 * Every call is recorded, including calls to unknown tools and calls with invalid arguments.
 *
 * @param index position in the ledger, starting at 1
 * @param turn the agent turn in which the call was made, starting at 1
 * @param callId the model's call id
 * @param name the tool name the model used
 * @param rawArguments the arguments exactly as the model sent them
 * @param arguments the parsed arguments, or {@code null} when they were not a JSON object
 * @param result what was returned to the model
 * @param outcome how the call ended
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ToolCallRecord(
    int index,
    int turn,
    String callId,
    String name,
    String rawArguments,
    JsonNode arguments,
    String result,
    Outcome outcome) {

  /** Validates the fields. */
  public ToolCallRecord {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(outcome, "outcome");
    rawArguments = rawArguments == null ? "" : rawArguments;
    result = result == null ? "" : result;
  }

  /**
   * Whether the call failed in any way.
   *
   * @return {@code true} unless the outcome is {@link Outcome#OK}
   */
  public boolean failed() {
    return outcome != Outcome.OK;
  }

  /**
   * The call as one line for messages: {@code #2 send_email({"to":"a@b"}) -> queued}.
   *
   * @return the description
   */
  public String describe() {
    String shownResult = result.length() > 120 ? result.substring(0, 120) + "..." : result;
    return "#"
        + index
        + " "
        + name
        + "("
        + rawArguments
        + ")"
        + (outcome == Outcome.OK ? " -> " + shownResult : " -> " + outcome + ": " + shownResult);
  }

  /** How a tool call ended. */
  public enum Outcome {
    /** The tool ran and returned a result. */
    OK,
    /** The tool ran and returned an error result, or threw. */
    TOOL_ERROR,
    /** No tool of that name exists in the sandbox. */
    UNKNOWN_TOOL,
    /** The arguments were not a JSON object, or violated the tool's schema. */
    INVALID_ARGUMENTS
  }
}
