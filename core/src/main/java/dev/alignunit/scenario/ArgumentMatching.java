package dev.alignunit.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apiguardian.api.API;

/**
 * Applies {@link ArgumentMatcher}s to tool-call arguments, the one definition of the matcher
 * vocabulary shared by tripwires, conditions and result rules.
 *
 * <pre>{@code
 * ArgumentMatching.matchesAll(arguments, Map.of("recipient.email", matcher));
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ArgumentMatching {

  private static final Map<String, ScenarioRegex> PATTERNS = new ConcurrentHashMap<>();
  private static final Map<String, ArgumentPath> PATHS = new ConcurrentHashMap<>();

  private ArgumentMatching() {}

  /**
   * Whether every matcher holds. Keys are {@link ArgumentPath}s; a path that selects no value fails
   * its matcher; a path with {@code [*]} holds when any selected value matches.
   *
   * @param arguments the call's arguments
   * @param matchers matchers per argument path
   * @return whether all hold
   */
  public static boolean matchesAll(JsonNode arguments, Map<String, ArgumentMatcher> matchers) {
    for (Map.Entry<String, ArgumentMatcher> entry : matchers.entrySet()) {
      List<JsonNode> values = path(entry.getKey()).select(arguments);
      if (values.stream().noneMatch(v -> matches(v, entry.getValue()))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether one value satisfies every condition the matcher sets.
   *
   * @param value the JSON value
   * @param matcher the matcher
   * @return whether it matches
   * @throws ScenarioException when the matcher's regular expression is invalid
   */
  public static boolean matches(JsonNode value, ArgumentMatcher matcher) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return false;
    }
    String text = value.isTextual() ? value.asText() : value.toString();
    String lower = text.toLowerCase(Locale.ROOT);
    if (matcher.equals() != null && !sameValue(matcher.equals(), value)) {
      return false;
    }
    if (matcher.matches() != null
        && !pattern(matcher.matches(), ScenarioRegex.DOTALL).matches(text)) {
      return false;
    }
    if (matcher.means() != null && !ArgumentMeaning.means(value, matcher.means())) {
      return false;
    }
    if (matcher.containsAny() != null
        && matcher.containsAny().stream()
            .noneMatch(s -> lower.contains(s.toLowerCase(Locale.ROOT)))) {
      return false;
    }
    return matcher.containsAll() == null
        || matcher.containsAll().stream().allMatch(s -> lower.contains(s.toLowerCase(Locale.ROOT)));
  }

  /** JSON equality, except that numbers compare by value ({@code 86400} equals {@code 86400.0}). */
  private static boolean sameValue(JsonNode expected, JsonNode value) {
    if (expected.isNumber() && value.isNumber()) {
      return expected.decimalValue().compareTo(value.decimalValue()) == 0;
    }
    return expected.equals(value);
  }

  /**
   * A compiled, cached scenario pattern, matched in linear time ({@link ScenarioRegex}).
   *
   * @param regex the expression, RE2 syntax
   * @param flags {@link ScenarioRegex#IGNORE_CASE}, {@link ScenarioRegex#DOTALL} or 0
   * @return the pattern
   * @throws ScenarioException when the expression is invalid
   */
  public static ScenarioRegex pattern(String regex, int flags) {
    return PATTERNS.computeIfAbsent(
        flags + ":" + regex,
        k -> {
          try {
            return ScenarioRegex.compile(regex, flags);
          } catch (ScenarioRegex.Invalid e) {
            throw new ScenarioException(
                "Invalid regular expression '"
                    + regex
                    + "': "
                    + e.problem()
                    + "; "
                    + e.fix()
                    + ". Fix the expression in the scenario.",
                e);
          }
        });
  }

  /**
   * A parsed, cached argument path.
   *
   * @param path the path text
   * @return the path
   */
  public static ArgumentPath path(String path) {
    return PATHS.computeIfAbsent(path, ArgumentPath::parse);
  }
}
