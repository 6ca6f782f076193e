package dev.alignunit.scenario;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One turn of a scenario's opening conversation. In YAML a turn is written {@code - user: text} or
 * {@code - assistant: text}.
 *
 * @param role who speaks
 * @param text what is said
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Turn(Role role, String text) {

  /** Validates the fields. */
  public Turn {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(text, "text");
  }

  /** Who speaks in a {@link Turn}. */
  public enum Role {
    /** The user (or whoever starts the run). */
    USER,
    /** The assistant, for conversations that open with earlier assistant turns. */
    ASSISTANT
  }
}
