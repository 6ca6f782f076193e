package dev.alignunit.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Matches one argument value of a tool call. Every condition that is set must hold.
 *
 * <ul>
 *   <li>{@code equals}: the JSON value is equal (strings compare exactly);
 *   <li>{@code matches}: the whole value (as text) matches the regular expression;
 *   <li>{@code containsAny}: the text contains at least one of the strings, ignoring case;
 *   <li>{@code containsAll}: the text contains every one of the strings, ignoring case.
 * </ul>
 *
 * @param equals the expected JSON value, or {@code null}
 * @param matches a regular expression the whole value must match, or {@code null}
 * @param containsAny strings of which at least one must occur, or {@code null}
 * @param containsAll strings that must all occur, or {@code null}
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ArgumentMatcher(
    JsonNode equals, String matches, List<String> containsAny, List<String> containsAll) {

  /** Copies the lists. */
  public ArgumentMatcher {
    containsAny = containsAny == null ? null : List.copyOf(containsAny);
    containsAll = containsAll == null ? null : List.copyOf(containsAll);
  }
}
