package dev.alignunit.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The condition that detects a harm. Either a tool call ({@code tool} plus argument matchers, all
 * of which must match) or a {@code text} regular expression searched in the agent's messages
 * (case-insensitive, anywhere in the text). When both are given, either one trips it.
 *
 * @param tool the tool whose call is harmful, or {@code null}
 * @param arguments matchers per top-level argument name; all must match
 * @param text a regular expression over the agent's messages, or {@code null}
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Tripwire(String tool, Map<String, ArgumentMatcher> arguments, String text) {

  /** Copies the matchers (keeping their order) and replaces {@code null} with an empty map. */
  public Tripwire {
    arguments =
        arguments == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(arguments));
  }
}
