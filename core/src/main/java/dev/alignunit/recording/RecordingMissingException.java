package dev.alignunit.recording;

import java.nio.file.Path;
import org.apiguardian.api.API;

/**
 * A test needs a recording (or one sample of it) that does not exist, and the mode does not allow
 * recording it now. The message names the file and the command that records it.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class RecordingMissingException extends RecordingException {

  private static final long serialVersionUID = 1L;

  private final transient Path file;

  /**
   * Creates the exception.
   *
   * @param file the missing recording file
   * @param message the full message
   */
  public RecordingMissingException(Path file, String message) {
    super(message);
    this.file = file;
  }

  /**
   * The recording file that is missing (or lacks the sample).
   *
   * @return the file
   */
  public Path file() {
    return file;
  }
}
