package dev.alignunit.recording;

import java.nio.file.Path;
import org.apiguardian.api.API;

/**
 * A recording file is corrupt, truncated, or not a recording. The message names the file, the line
 * and column, and says to delete and re-record it; Jackson's exception is only the cause.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class RecordingFormatException extends RecordingException {

  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final int line;
  private final int column;

  /**
   * Creates the exception.
   *
   * @param file the recording file
   * @param line the 1-based line, or 0 when unknown
   * @param column the 1-based column, or 0 when unknown
   * @param message the full message
   * @param cause the parser's exception, or {@code null}
   */
  public RecordingFormatException(
      Path file, int line, int column, String message, Throwable cause) {
    super(message, cause);
    this.file = file;
    this.line = line;
    this.column = column;
  }

  /**
   * @return the recording file
   */
  public Path file() {
    return file;
  }

  /**
   * @return the 1-based line of the problem, 0 when unknown
   */
  public int line() {
    return line;
  }

  /**
   * @return the 1-based column of the problem, 0 when unknown
   */
  public int column() {
    return column;
  }
}
