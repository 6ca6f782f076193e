package dev.alignunit.recording;

import dev.alignunit.config.ConfigurationKeys;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * How a replayed request is matched against its recording, configured by {@code
 * alignunit.recordings.match}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum MatchMode {
  /**
   * The default: each request must equal the recorded normalised request of the same sample and
   * position (system prompt, messages, tools, parameters); a difference fails with {@link
   * RecordingMismatchException}.
   */
  STRICT,
  /** Order only: the n-th request of a sample gets the n-th recorded response, whatever it says. */
  SEQUENCE;

  /**
   * Parses a configuration value, ignoring case and surrounding blanks; {@code null} or blank means
   * {@link #STRICT}.
   *
   * @param value the configured value
   * @return the match mode
   * @throws RecordingException naming the value and the accepted values when it is none of them
   */
  public static MatchMode parse(String value) {
    if (value == null || value.isBlank()) {
      return STRICT;
    }
    String normalized = value.trim().toUpperCase(Locale.ROOT);
    for (MatchMode mode : values()) {
      if (mode.name().equals(normalized)) {
        return mode;
      }
    }
    throw new RecordingException(
        "Invalid "
            + ConfigurationKeys.RECORDINGS_MATCH
            + " value '"
            + value
            + "'. Accepted values: "
            + RecordingMode.accepted(values())
            + ".");
  }
}
