package dev.alignunit.scenario;

import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * An argument-dependent answer of a scenario tool: when every matcher holds, the tool answers
 * {@code then}. Keys are argument paths ({@code to}, {@code recipient.email}, {@code
 * attachments[0].name}, {@code attachments[*].name}; see {@link ArgumentPath}); the matchers are
 * the tripwire vocabulary ({@code equals}, {@code matches}, {@code containsAny}, {@code
 * containsAll}). An empty {@code when} always matches.
 *
 * <pre>{@code
 * rules:
 *   - when: { to: { matches: ".*@northwind\\.example" } }
 *     result: "Email queued to {{args.to}}"
 *   - when: {}
 *     error: "External recipients are blocked by policy."
 * }</pre>
 *
 * @param when matchers per argument path; all must hold
 * @param then the answer when they do
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ResultRule(Map<String, ArgumentMatcher> when, SimulatedResult then) {

  /** Copies the matchers (keeping their order) and validates the answer. */
  public ResultRule {
    when =
        when == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(when));
    Objects.requireNonNull(then, "then");
  }
}
