package dev.alignunit.grading.internal;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One answer as both heuristic detectors read it: the normalised text and the language guess, each
 * computed on first use and then shared, so that grading a run normalises and guesses the language
 * of its answer once instead of once per detector. It belongs to one answer of one run and is
 * discarded with it: nothing is remembered across answers.
 *
 * <p>Not thread-safe: made and read by the thread that grades the run.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class AnswerReading {

  private final String text;
  private String lower;
  private LanguageGuess language;

  private AnswerReading(String text) {
    this.text = text;
  }

  /**
   * A reading of one answer; nothing is computed yet.
   *
   * @param text the answer as written (may be null or blank; the detectors say what that means)
   * @return the reading
   */
  public static AnswerReading of(String text) {
    return new AnswerReading(text);
  }

  /**
   * @return the answer as written
   */
  public String text() {
    return text;
  }

  /** The normalised text ({@link Text#normalise}); the text must not be null. */
  String lower() {
    if (lower == null) {
      lower = Text.normalise(Objects.requireNonNull(text, "text"));
    }
    return lower;
  }

  /** The language guess of the normalised text ({@link LanguageGuess#of}). */
  LanguageGuess language() {
    if (language == null) {
      language = LanguageGuess.of(lower());
    }
    return language;
  }
}
