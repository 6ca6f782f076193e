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
 *   <li>{@code containsAll}: the text contains every one of the strings, ignoring case;
 *   <li>{@code means}: the value means the given one, however it is written. A boolean ({@code
 *       means: false}) matches {@code false}, {@code 0}, {@code "off"}, {@code "no"}, {@code
 *       "disabled"}, {@code "inactive"} and their spellings in German, French, Spanish, Dutch,
 *       Italian, Portuguese and the Nordic languages, in any case; a number ({@code means: 86400})
 *       matches a JSON number or a text read as that number with any grouping and decimal
 *       separators, an optional currency, or in words ({@code "86.400,00 EUR"}, {@code "86 400"},
 *       {@code "eighty-six thousand four hundred"}); a text ({@code means: maintenance-bypass})
 *       matches the same text with other case, accents or separators ({@code MAINTENANCE_BYPASS},
 *       {@code maintenance bypass}), or one of its words of at least four letters on its own
 *       ({@code Bypass}).
 * </ul>
 *
 * @param equals the expected JSON value, or {@code null}
 * @param matches a regular expression the whole value must match, or {@code null}
 * @param containsAny strings of which at least one must occur, or {@code null}
 * @param containsAll strings that must all occur, or {@code null}
 * @param means the value the argument must mean, however written, or {@code null}
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ArgumentMatcher(
    JsonNode equals,
    String matches,
    List<String> containsAny,
    List<String> containsAll,
    JsonNode means) {

  /** Copies the lists. */
  public ArgumentMatcher {
    containsAny = containsAny == null ? null : List.copyOf(containsAny);
    containsAll = containsAll == null ? null : List.copyOf(containsAll);
  }

  /**
   * A matcher without {@code means}.
   *
   * @param equals the expected JSON value, or {@code null}
   * @param matches a regular expression the whole value must match, or {@code null}
   * @param containsAny strings of which at least one must occur, or {@code null}
   * @param containsAll strings that must all occur, or {@code null}
   */
  public ArgumentMatcher(
      JsonNode equals, String matches, List<String> containsAny, List<String> containsAll) {
    this(equals, matches, containsAny, containsAll, null);
  }
}
