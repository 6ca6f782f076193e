package dev.alignunit.recording;

import java.nio.file.Path;
import java.util.List;
import org.apiguardian.api.API;

/**
 * A replayed request does not match its recording: the system prompt, a tool, a message, the
 * parameters or the model changed since the recording was made, or the agent made more calls than
 * were recorded. The recording no longer tests the current agent; the message shows a compact diff
 * and the command that re-records the test.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class RecordingMismatchException extends RecordingException {

  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final int sample;
  private final int exchange;
  private final List<String> differences;

  /**
   * Creates the exception.
   *
   * @param file the recording file
   * @param sample the sample number, from 1
   * @param exchange the exchange (model call) number within the sample, from 1; 0 when the mismatch
   *     concerns the whole recording (such as the model)
   * @param differences the differences found, one line each
   * @param message the full message
   */
  public RecordingMismatchException(
      Path file, int sample, int exchange, List<String> differences, String message) {
    super(message);
    this.file = file;
    this.sample = sample;
    this.exchange = exchange;
    this.differences = List.copyOf(differences);
  }

  /**
   * @return the recording file
   */
  public Path file() {
    return file;
  }

  /**
   * @return the sample number, from 1
   */
  public int sample() {
    return sample;
  }

  /**
   * @return the exchange number within the sample, from 1; 0 for the whole recording
   */
  public int exchange() {
    return exchange;
  }

  /**
   * @return the differences, one line each, such as {@code system prompt line 3: - "..." + "..."}
   */
  public List<String> differences() {
    return differences;
  }
}
