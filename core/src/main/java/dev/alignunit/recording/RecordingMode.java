package dev.alignunit.recording;

import dev.alignunit.config.ConfigurationKeys;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * How a test uses recordings, configured by {@code alignunit.mode}.
 *
 * <ul>
 *   <li>{@link #REPLAY}: recordings only; a missing recording fails the test.
 *   <li>{@link #RECORD}: call the live model and write (overwrite) the recording.
 *   <li>{@link #LIVE}: call the live model, write nothing.
 *   <li>{@link #AUTO} (the default): replay where a recording exists; elsewhere call the live model
 *       and record when it is available (its API key is set); elsewhere fail with how to record.
 *       When the environment variable {@code CI} is {@code true}, {@code auto} behaves as {@code
 *       replay} and never writes, as Jest does for snapshots.
 * </ul>
 *
 * <pre>{@code
 * RecordingMode mode = RecordingMode.parse("auto");
 * RecordingDecision decision = mode.decide(RecordingMode.isCi(System.getenv("CI")),
 *     Files.exists(file), System.getenv("OPENAI_API_KEY") != null);
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum RecordingMode {
  /** Recordings only; a missing recording fails the test. */
  REPLAY,
  /** Live calls; the recording is written or overwritten. */
  RECORD,
  /** Live calls; nothing is written. */
  LIVE,
  /** Replay where a recording exists, else record when possible, else fail; replay-only on CI. */
  AUTO;

  /** The mode used when none is configured: {@link #AUTO}. */
  public static final RecordingMode DEFAULT = AUTO;

  /**
   * Parses a configuration value, ignoring case and surrounding blanks. {@code null} or blank means
   * {@link #DEFAULT}.
   *
   * @param value the configured value, such as {@code replay}
   * @return the mode
   * @throws RecordingException naming the value and the accepted values when it is none of them
   */
  public static RecordingMode parse(String value) {
    if (value == null || value.isBlank()) {
      return DEFAULT;
    }
    String normalized = value.trim().toUpperCase(Locale.ROOT);
    for (RecordingMode mode : values()) {
      if (mode.name().equals(normalized)) {
        return mode;
      }
    }
    throw new RecordingException(
        "Invalid "
            + ConfigurationKeys.MODE
            + " value '"
            + value
            + "'. Accepted values: "
            + accepted(values())
            + ".");
  }

  /**
   * Whether the value of the environment variable {@code CI} means "running on CI": it is {@code
   * true}, ignoring case and blanks.
   *
   * @param ciEnvironmentValue the value of {@code CI}, or {@code null} when unset
   * @return whether {@code auto} must behave as {@code replay}
   */
  public static boolean isCi(String ciEnvironmentValue) {
    return ciEnvironmentValue != null && ciEnvironmentValue.trim().equalsIgnoreCase("true");
  }

  /**
   * Decides what a test does in this mode. Pure: no file system, no environment.
   *
   * <p>{@link #RECORD} and {@link #LIVE} are explicit requests and ignore {@code ci}; they fail
   * when the live model is not available. {@link #AUTO} replays an existing recording, records a
   * missing one when the live model is available and {@code ci} is false, and fails otherwise.
   *
   * @param ci whether {@code CI=true} (see {@link #isCi(String)})
   * @param recordingExists whether the test's recording file exists
   * @param liveModelAvailable whether a live model can be called: its provider's API key is set, or
   *     it needs none (such as the scripted model)
   * @return the decision, with a reason for messages
   */
  public RecordingDecision decide(boolean ci, boolean recordingExists, boolean liveModelAvailable) {
    String mode = ConfigurationKeys.MODE + "=" + name().toLowerCase(Locale.ROOT);
    return switch (this) {
      case REPLAY ->
          recordingExists
              ? RecordingDecision.replay(mode)
              : RecordingDecision.fail(mode + " and no recording exists");
      case RECORD ->
          liveModelAvailable
              ? RecordingDecision.record(mode)
              : RecordingDecision.fail(
                  mode + " needs the live model, but its provider's API key is not set");
      case LIVE ->
          liveModelAvailable
              ? RecordingDecision.live(mode)
              : RecordingDecision.fail(
                  mode + " needs the live model, but its provider's API key is not set");
      case AUTO -> {
        if (recordingExists) {
          yield RecordingDecision.replay(
              mode + (ci ? " on CI (CI=true)" : "") + " and the recording exists");
        }
        if (ci) {
          yield RecordingDecision.fail(
              mode + " on CI (CI=true) never records, and no recording exists");
        }
        yield liveModelAvailable
            ? RecordingDecision.record(mode + ", no recording yet and the live model is available")
            : RecordingDecision.fail(
                mode
                    + ", no recording exists and the provider's API key is not set, so it cannot be recorded");
      }
    };
  }

  /**
   * Decides what a test does; the static form of {@link #decide(boolean, boolean, boolean)}.
   *
   * @param configured the configured mode
   * @param ci whether {@code CI=true}
   * @param recordingExists whether the recording file exists
   * @param liveModelAvailable whether the live model can be called
   * @return the decision
   */
  public static RecordingDecision decide(
      RecordingMode configured, boolean ci, boolean recordingExists, boolean liveModelAvailable) {
    return configured.decide(ci, recordingExists, liveModelAvailable);
  }

  static String accepted(Enum<?>[] values) {
    return Arrays.stream(values)
        .map(v -> v.name().toLowerCase(Locale.ROOT))
        .collect(Collectors.joining(", "));
  }
}
