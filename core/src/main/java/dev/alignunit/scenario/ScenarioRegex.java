package dev.alignunit.scenario;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A regular expression written in a scenario (a tripwire's {@code text}, a matcher's {@code
 * matches}, {@code toMatches}, {@code pathMatches}, ...), matched so that no model-written text can
 * make grading hang or overflow the stack.
 *
 * <p>The text such a pattern is matched against is written by the model: {@code ((a+)*)+$} or
 * {@code api[ _]key:\s*(\w|-)+} against a long answer take minutes or a {@link StackOverflowError}
 * with a backtracking engine. So every pattern that RE2 syntax can express is matched by the RE2/J
 * engine: no backtracking, time linear in the text, whatever the pattern. RE2 differs from {@code
 * java.util.regex} in a few places: {@code (?U)} means "ungreedy" (not Java's Unicode classes);
 * {@code \w}, {@code \d} and {@code \b} are ASCII; {@code (?i)} folds Unicode case; character-class
 * intersection ({@code [a-z&&[def]]}) is not supported; {@code \Z}, {@code \h}, {@code \R}, {@code
 * \G} and {@code (?x)} do not exist. See {@code docs/scenarios.md}.
 *
 * <p>Patterns that need what only a backtracking engine offers — look-around ({@code (?!...)},
 * {@code (?=...)}, {@code (?<!...)}), back-references, possessive quantifiers, atomic groups — are
 * still accepted, with two guards: a quantified group that itself holds an unbounded quantifier
 * (such as {@code (a+)+} or {@code (\w|-)*}, the cause of catastrophic backtracking) is rejected
 * when the scenario is loaded, and every match must finish within {@value #DEADLINE_MILLIS} ms and
 * must not overflow the stack; otherwise it throws {@link MatchFailure}, which makes the sample
 * errored (never clean).
 *
 * <p>A pattern whose counted repetitions would expand to more than {@value #MAX_SIZE} steps (such
 * as {@code (a{1000}){1000}}), or that nests groups more than {@value #MAX_DEPTH} deep, is rejected
 * when it is compiled: RE2 expands counted repetitions into its program.
 *
 * <pre>{@code
 * ScenarioRegex regex = ScenarioRegex.compile("keep this (quiet|between us)", ScenarioRegex.IGNORE_CASE);
 * regex.find("Let's KEEP THIS QUIET.");          // [6, 21]
 * regex.matches("keep this quiet");              // true: the whole text
 * regex.linear();                                // true: matched by RE2/J
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ScenarioRegex {

  /** Flag: ignore case (Unicode case folding). */
  public static final int IGNORE_CASE = Pattern.CASE_INSENSITIVE;

  /** Flag: {@code .} also matches line breaks. */
  public static final int DOTALL = Pattern.DOTALL;

  /** The largest program, in expanded repetition steps, a pattern may compile to: {@value}. */
  public static final int MAX_SIZE = 20_000;

  /** The deepest nesting of groups a pattern may have: {@value}. */
  public static final int MAX_DEPTH = 100;

  /**
   * How long one match of a pattern that needs backtracking may take, in milliseconds: {@value}.
   */
  public static final long DEADLINE_MILLIS = 1_000;

  private final String regex;
  private final Pattern pattern;
  private final java.util.regex.Pattern backtracking;

  private ScenarioRegex(String regex, Pattern pattern, java.util.regex.Pattern backtracking) {
    this.regex = regex;
    this.pattern = pattern;
    this.backtracking = backtracking;
  }

  /**
   * Compiles a scenario pattern.
   *
   * @param regex the pattern
   * @param flags {@link #IGNORE_CASE} and {@link #DOTALL}, or 0
   * @return the compiled pattern
   * @throws Invalid when the pattern is not valid, too large, or needs backtracking and nests
   *     quantifiers; the message says what and how to fix it
   */
  public static ScenarioRegex compile(String regex, int flags) throws Invalid {
    Objects.requireNonNull(regex, "regex");
    String size = RegexShape.sizeProblem(regex);
    if (size != null) {
      throw new Invalid(
          size,
          size.startsWith("the pattern nests")
              ? "simplify it"
              : "use smaller counts, or '+' and '*' (which cost nothing extra)");
    }
    PatternSyntaxException re2Problem;
    try {
      return new ScenarioRegex(regex, Pattern.compile(regex, flags), null);
    } catch (PatternSyntaxException e) {
      re2Problem = e;
    } catch (StackOverflowError | OutOfMemoryError e) {
      throw new Invalid("the pattern is too complex to compile", "simplify it");
    }
    java.util.regex.Pattern fallback;
    try {
      int javaFlags =
          ((flags & IGNORE_CASE) != 0
                  ? java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.UNICODE_CASE
                  : 0)
              | ((flags & DOTALL) != 0 ? java.util.regex.Pattern.DOTALL : 0);
      fallback = java.util.regex.Pattern.compile(regex, javaFlags);
    } catch (java.util.regex.PatternSyntaxException | StackOverflowError e) {
      String part = re2Problem.getPattern();
      throw new Invalid(
          re2Problem.getDescription()
              + (part == null || part.isEmpty() || part.equals(regex) ? "" : ": `" + part + "`"),
          "escape special characters such as . ( [ { with a backslash");
    }
    String nested = RegexShape.nestedQuantifier(regex);
    if (nested != null) {
      throw new Invalid(
          "it needs the backtracking engine ("
              + backtrackingFeature(regex)
              + ") and repeats a group that itself repeats ("
              + nested
              + "), which can take hours on some texts",
          "remove the nesting, or write the pattern without look-around and back-references so it is matched"
              + " in linear time");
    }
    return new ScenarioRegex(regex, null, fallback);
  }

  private static String backtrackingFeature(String regex) {
    if (regex.contains("(?=")
        || regex.contains("(?!")
        || regex.contains("(?<=")
        || regex.contains("(?<!")) {
      return "look-around";
    }
    if (regex.matches("(?s).*\\\\([1-9]|k<).*")) {
      return "a back-reference";
    }
    if (regex.contains("(?>")) {
      return "an atomic group";
    }
    return regex.matches("(?s).*[*+?}]\\+.*") ? "a possessive quantifier" : "Java-only syntax";
  }

  /**
   * Whether the pattern is matched by the linear-time engine (RE2/J); {@code false} for patterns
   * that need backtracking, which run under a deadline.
   *
   * @return whether matching is linear in the text
   */
  public boolean linear() {
    return pattern != null;
  }

  /**
   * Whether the whole text matches.
   *
   * @param text the text
   * @return whether it matches from start to end
   * @throws MatchFailure when a backtracking match runs out of time or stack
   */
  public boolean matches(CharSequence text) {
    if (pattern != null) {
      return pattern.matcher(text).matches();
    }
    return guarded(text, m -> m.matches() ? new int[] {0, text.length()} : null) != null;
  }

  /**
   * Finds the first match in a text.
   *
   * @param text the text
   * @return the match's start and end ({@code [start, end)}), or {@code null} when there is none
   * @throws MatchFailure when a backtracking match runs out of time or stack
   */
  public int[] find(CharSequence text) {
    if (pattern != null) {
      Matcher m = pattern.matcher(text);
      return m.find() ? new int[] {m.start(), m.end()} : null;
    }
    return guarded(text, m -> m.find() ? new int[] {m.start(), m.end()} : null);
  }

  /**
   * Whether the pattern occurs anywhere in the text.
   *
   * @param text the text
   * @return whether it is found
   * @throws MatchFailure when a backtracking match runs out of time or stack
   */
  public boolean foundIn(CharSequence text) {
    return find(text) != null;
  }

  private int[] guarded(
      CharSequence text, java.util.function.Function<java.util.regex.Matcher, int[]> match) {
    Deadline chars = new Deadline(text, System.nanoTime() + DEADLINE_MILLIS * 1_000_000);
    try {
      return match.apply(backtracking.matcher(chars));
    } catch (Deadline.Expired e) {
      throw new MatchFailure(
          "pattern '"
              + regex
              + "' took more than "
              + DEADLINE_MILLIS
              + " ms on a text of "
              + text.length()
              + " characters (it needs the backtracking engine); simplify it or write it without"
              + " look-around and back-references so it is matched in linear time",
          null);
    } catch (StackOverflowError e) {
      throw new MatchFailure(
          "pattern '"
              + regex
              + "' overflowed the stack on a text of "
              + text.length()
              + " characters (it needs the backtracking engine); simplify it or write it without look-around and"
              + " back-references so it is matched in linear time",
          null);
    }
  }

  /** A text whose reads fail once a deadline has passed, so a backtracking match cannot run on. */
  private static final class Deadline implements CharSequence {
    private final CharSequence text;
    private final long deadline;
    private int reads;

    Deadline(CharSequence text, long deadline) {
      this.text = text;
      this.deadline = deadline;
    }

    @Override
    public char charAt(int index) {
      if ((++reads & 0xFFF) == 0 && System.nanoTime() > deadline) {
        throw new Expired();
      }
      return text.charAt(index);
    }

    @Override
    public int length() {
      return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return new Deadline(text.subSequence(start, end), deadline);
    }

    @Override
    public String toString() {
      return text.toString();
    }

    static final class Expired extends RuntimeException {
      private static final long serialVersionUID = 1L;

      Expired() {
        super(null, null, false, false);
      }
    }
  }

  /**
   * A match of a pattern that needs backtracking ran out of time or stack. The sample being graded
   * must be counted as errored.
   */
  public static final class MatchFailure extends dev.alignunit.AlignUnitException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what happened and how to fix the pattern
     * @param cause the cause, or {@code null}
     */
    public MatchFailure(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * @return the pattern as written
   */
  public String regex() {
    return regex;
  }

  @Override
  public String toString() {
    return regex;
  }

  /** A scenario pattern that cannot be used: what is wrong and how to fix it. */
  public static final class Invalid extends Exception {
    private static final long serialVersionUID = 1L;
    private final String problem;
    private final String fix;

    /**
     * @param problem what is wrong, as a clause
     * @param fix how to fix it, as a clause
     */
    public Invalid(String problem, String fix) {
      super(problem + "; " + fix, null, false, false);
      this.problem = problem;
      this.fix = fix;
    }

    /**
     * @return what is wrong, such as {@code missing closing )}
     */
    public String problem() {
      return problem;
    }

    /**
     * @return how to fix it
     */
    public String fix() {
      return fix;
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ScenarioRegex r
        && r.regex.equals(regex)
        && (r.pattern == null
            ? pattern == null && r.backtracking.flags() == backtracking.flags()
            : pattern != null && r.pattern.flags() == pattern.flags());
  }

  @Override
  public int hashCode() {
    return regex.hashCode();
  }
}
