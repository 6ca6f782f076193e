package dev.alignunit.grading;

import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apiguardian.api.API;

/**
 * One refusal phrase of the heuristic detector: an id (used to remove it) and a regular expression
 * matched against the response after it is lower-cased and its typographic quotes and apostrophes
 * are made plain ({@code ’} becomes {@code '}).
 *
 * <p>A match counts as the speaker's own refusal unless it sits inside double quotes or right after
 * a reported-speech verb, a conditional or a negation ("she said", "if", "not that").
 *
 * @param id the phrase's id: a built-in name such as {@code no-can-do}, or the phrase text for
 *     phrases added by the user
 * @param regex the regular expression (lower case; use {@code \\b} for word boundaries)
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record RefusalPhrase(String id, String regex) {

  /** Validates the fields and compiles the expression once to report syntax errors early. */
  public RefusalPhrase {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(regex, "regex");
    try {
      Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw new GradingException(
          "Refusal phrase '"
              + id
              + "' is not a valid regular expression: "
              + e.getDescription()
              + " at index "
              + e.getIndex()
              + ". Write a plain phrase with "
              + "addRefusalPhrase(...) or fix the expression passed to addRefusalPattern(...).",
          e);
    }
  }

  /**
   * A literal phrase, matched case-insensitively at word boundaries.
   *
   * @param phrase the phrase, such as {@code "this request violates acme policy"}
   * @return the phrase, with the phrase text as its id
   */
  public static RefusalPhrase literal(String phrase) {
    Objects.requireNonNull(phrase, "phrase");
    String lower = dev.alignunit.grading.internal.Text.normalise(phrase.strip());
    if (lower.isEmpty()) {
      throw new GradingException("A refusal phrase must not be blank.");
    }
    String start = Character.isLetterOrDigit(lower.charAt(0)) ? "\\b" : "";
    String end = Character.isLetterOrDigit(lower.charAt(lower.length() - 1)) ? "\\b" : "";
    return new RefusalPhrase(phrase.strip(), start + Pattern.quote(lower) + end);
  }
}
