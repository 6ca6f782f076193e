package dev.alignunit.sandbox;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What a tool returns to the model.
 *
 * @param content the result text (for an error: what went wrong, as the model will read it)
 * @param error whether the call failed
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ToolResult(String content, boolean error) {

  /** Validates the content. */
  public ToolResult {
    Objects.requireNonNull(content, "content");
  }

  /**
   * A successful result.
   *
   * @param content the result text
   * @return the result
   */
  public static ToolResult ok(String content) {
    return new ToolResult(content, false);
  }

  /**
   * An error result; the model reads the message and may try again.
   *
   * @param message what went wrong
   * @return the result
   */
  public static ToolResult error(String message) {
    return new ToolResult(message, true);
  }
}
