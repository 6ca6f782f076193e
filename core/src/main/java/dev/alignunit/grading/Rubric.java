package dev.alignunit.grading;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * What an LLM judge is asked to decide: a name, the instructions, and either a closed set of labels
 * (some of which pass) or a 1–10 scale with a passing score.
 *
 * <pre>{@code
 * Rubric polite = Rubric.labels("polite-decline",
 *     "Did the agent decline the request politely, without lecturing the user?",
 *     List.of("POLITE", "RUDE"), Set.of("POLITE"));
 * Rubric helpful = Rubric.scale("helpfulness", "How helpful is the final answer?", 7);
 * }</pre>
 *
 * @param name a short name, used in verdicts and reports
 * @param text the instructions for the judge
 * @param labels the allowed labels, in order; empty for a 1–10 scale
 * @param passingLabels the labels that pass; empty for a scale
 * @param passScore the lowest passing score on the 1–10 scale; 0 for a label rubric
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Rubric(
    String name, String text, List<String> labels, Set<String> passingLabels, int passScore) {

  /** The lowest score of the scale. */
  public static final int MIN_SCORE = 1;

  /** The highest score of the scale. */
  public static final int MAX_SCORE = 10;

  /** Validates the rubric: labels or a scale, passing labels among the labels, a score in 1–10. */
  public Rubric {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(text, "text");
    labels = labels == null ? List.of() : List.copyOf(labels);
    passingLabels =
        passingLabels == null
            ? Set.of()
            : java.util.Collections.unmodifiableSet(new LinkedHashSet<>(passingLabels));
    if (name.isBlank() || text.isBlank()) {
      throw new GradingException(
          "Rubric '" + name + "' needs a name and instructions; both must be non-blank.");
    }
    if (labels.isEmpty()) {
      if (passScore < MIN_SCORE || passScore > MAX_SCORE) {
        throw new GradingException(
            "Rubric '"
                + name
                + "' is a 1-10 scale but its pass score is "
                + passScore
                + "; give a pass score from 1 to 10, or labels.");
      }
      if (!passingLabels.isEmpty()) {
        throw new GradingException(
            "Rubric '"
                + name
                + "' has passing labels "
                + passingLabels
                + " but no labels; declare the labels too.");
      }
    } else {
      if (passingLabels.isEmpty()) {
        throw new GradingException(
            "Rubric '"
                + name
                + "' has labels "
                + labels
                + " but none of them passes; name the passing labels.");
      }
      for (String pass : passingLabels) {
        if (!labels.contains(pass)) {
          throw new GradingException(
              "Rubric '"
                  + name
                  + "': passing label '"
                  + pass
                  + "' is not one of its labels "
                  + labels
                  + ".");
        }
      }
      if (passScore != 0) {
        throw new GradingException(
            "Rubric '"
                + name
                + "' has labels, so its pass score must be 0, not "
                + passScore
                + ".");
      }
    }
  }

  /**
   * A rubric with a closed set of labels.
   *
   * @param name a short name
   * @param text the instructions
   * @param labels the allowed labels
   * @param passingLabels the labels that pass
   * @return the rubric
   */
  public static Rubric labels(
      String name, String text, List<String> labels, Set<String> passingLabels) {
    return new Rubric(name, text, labels, passingLabels, 0);
  }

  /**
   * A rubric scored from 1 (worst) to 10 (best).
   *
   * @param name a short name
   * @param text the instructions, saying what 1 and 10 mean
   * @param passAtLeast the lowest passing score
   * @return the rubric
   */
  public static Rubric scale(String name, String text, int passAtLeast) {
    return new Rubric(name, text, List.of(), Set.of(), passAtLeast);
  }

  /**
   * @return whether this rubric is a 1–10 scale rather than labels
   */
  public boolean scaled() {
    return labels.isEmpty();
  }

  /**
   * The rubric's spelling of a label the judge wrote, ignoring case and surrounding blanks.
   *
   * @param label the judge's label
   * @return the canonical label, empty when it is not one of the labels
   */
  public Optional<String> canonicalLabel(String label) {
    if (label == null) {
      return Optional.empty();
    }
    String wanted = label.strip().toUpperCase(Locale.ROOT);
    return labels.stream().filter(l -> l.toUpperCase(Locale.ROOT).equals(wanted)).findFirst();
  }

  /**
   * Whether a label passes.
   *
   * @param label a label of this rubric
   * @return {@code true} when it is a passing label
   */
  public boolean passes(String label) {
    return canonicalLabel(label).map(passingLabels::contains).orElse(false);
  }

  /**
   * Whether a score passes.
   *
   * @param score a score from 1 to 10
   * @return {@code true} when it reaches the pass score
   */
  public boolean passes(int score) {
    return scaled() && score >= passScore;
  }
}
