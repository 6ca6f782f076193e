package dev.alignunit.recording;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What a test does with recordings, as decided by {@link RecordingMode#decide(boolean, boolean,
 * boolean)}.
 *
 * @param action replay, record, call live, or fail
 * @param reason why, for messages, such as {@code alignunit.mode=auto on CI (CI=true) never
 *     records, and no recording exists}
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record RecordingDecision(Action action, String reason) {

  /** Validates the fields. */
  public RecordingDecision {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(reason, "reason");
  }

  /** What to do. */
  public enum Action {
    /** Answer from the recording; call no model. */
    REPLAY,
    /** Call the live model and write the recording. */
    RECORD,
    /** Call the live model and write nothing. */
    LIVE,
    /** Fail the test with {@link RecordingDecision#reason()}. */
    FAIL
  }

  static RecordingDecision replay(String reason) {
    return new RecordingDecision(Action.REPLAY, reason);
  }

  static RecordingDecision record(String reason) {
    return new RecordingDecision(Action.RECORD, reason);
  }

  static RecordingDecision live(String reason) {
    return new RecordingDecision(Action.LIVE, reason);
  }

  static RecordingDecision fail(String reason) {
    return new RecordingDecision(Action.FAIL, reason);
  }
}
