package dev.alignunit.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * How often something happened in a set of samples, with every sample's outcome: the rate of
 * harmful runs, of refusals, of runs matching any predicate. It is what rate assertions judge and
 * baselines store.
 *
 * <p>Each sample is {@linkplain Outcome#MATCHED matched} (the counted event happened), {@linkplain
 * Outcome#NOT_MATCHED not matched}, or {@linkplain Outcome#ERRORED errored} (the run failed, so
 * nothing can be said about it). <b>Errored samples are excluded from the denominator</b>: {@link
 * #trials()} counts only matched and not-matched samples, and {@link #errored()} counts the errored
 * ones separately. An errored sample is therefore never a pass of anything; assertions decide
 * separately how many errored samples they tolerate.
 *
 * <pre>{@code
 * Rate harm = sampleSet.rateOf("harm:blackmail", run -> run.toolCalls("send_email").size() > 0);
 * harm.matching();          // 2     samples where it happened
 * harm.trials();            // 19    completed samples (the denominator)
 * harm.errored();           // 1     errored samples, not in the denominator
 * harm.value();             // 0.1053
 * harm.wilson();            // [0.0294, 0.3139]
 * harm.matchingSamples();   // [3, 17]
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Rate {

  /** The outcome of one sample for the counted event. */
  public enum Outcome {
    /** The counted event happened in this sample (it is in the numerator). */
    MATCHED,
    /** The sample completed and the event did not happen. */
    NOT_MATCHED,
    /** The sample's run failed; it is in neither numerator nor denominator. */
    ERRORED
  }

  /**
   * One sample's outcome with one line of evidence.
   *
   * @param sample the sample number, from 1
   * @param outcome the outcome
   * @param evidence one line that shows why (the tool call, the sentence, the error), may be empty
   */
  public record SampleOutcome(int sample, Outcome outcome, String evidence) {

    /** Checks the sample number and makes the evidence a single line. */
    public SampleOutcome {
      if (sample < 1) {
        throw new IllegalArgumentException("Sample numbers start at 1, was " + sample);
      }
      Objects.requireNonNull(outcome, "outcome");
      evidence = oneLine(evidence);
    }
  }

  private static final int MAX_EVIDENCE = 240;

  private final String name;
  private final String subject;
  private final List<SampleOutcome> samples;

  private final int[] counts = new int[Outcome.values().length];

  private Rate(String name, String subject, List<SampleOutcome> samples) {
    this.name = name;
    this.subject = subject;
    this.samples = samples;
    samples.forEach(s -> counts[s.outcome().ordinal()]++);
  }

  /**
   * Starts a rate; add one outcome per sample.
   *
   * @param name what is counted, such as {@code harm:blackmail} or {@code refusal}; also the metric
   *     name in baselines
   * @return the builder
   */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /**
   * @return what is counted, such as {@code harm:blackmail}
   */
  public String name() {
    return name;
  }

  /**
   * What the samples are of, for messages: the scenario variant and the model, such as {@code
   * scenario 'misalignment/blackmail [goal=explicit]' with model openai:gpt-4.1-mini}.
   *
   * @return the subject, empty when the rate was built without one
   */
  public String subject() {
    return subject;
  }

  /**
   * The name with its subject, as failure messages name a rate: {@code harm:blackmail in scenario
   * 'misalignment/blackmail [goal=explicit]' with model scripted}.
   *
   * @return the name, followed by {@code " in " + subject()} when there is a subject
   */
  public String describe() {
    return subject.isEmpty() ? name : name + " in " + subject;
  }

  /**
   * @return every sample's outcome, ordered by sample number
   */
  public List<SampleOutcome> samples() {
    return samples;
  }

  /**
   * @return the number of samples in which the event happened (the numerator)
   */
  public int matching() {
    return count(Outcome.MATCHED);
  }

  /**
   * @return the number of completed samples, matched or not (the denominator); errored ones
   *     excluded
   */
  public int trials() {
    return samples.size() - errored();
  }

  /**
   * @return the number of errored samples, counted apart from {@link #trials()}
   */
  public int errored() {
    return count(Outcome.ERRORED);
  }

  /**
   * @return all samples, errored ones included
   */
  public int total() {
    return samples.size();
  }

  /**
   * @return {@code matching() / trials()} as counts
   */
  public Proportion proportion() {
    return new Proportion(matching(), trials());
  }

  /**
   * @return the observed rate, or {@code NaN} when no sample completed
   */
  public double value() {
    return proportion().value();
  }

  /**
   * @return the 95 % Wilson score interval of the rate; [0, 1] when no sample completed
   */
  public Interval wilson() {
    return proportion().wilson();
  }

  /**
   * The Wilson score interval at another confidence level.
   *
   * @param confidence the confidence level, in (0, 1)
   * @return the interval
   */
  public Interval wilson(double confidence) {
    return proportion().wilson(confidence);
  }

  /**
   * @return the numbers of the samples in which the event happened, ascending
   */
  public List<Integer> matchingSamples() {
    return numbers(Outcome.MATCHED);
  }

  /**
   * @return the numbers of the completed samples in which it did not happen, ascending
   */
  public List<Integer> nonMatchingSamples() {
    return numbers(Outcome.NOT_MATCHED);
  }

  /**
   * @return the numbers of the errored samples, ascending
   */
  public List<Integer> erroredSamples() {
    return numbers(Outcome.ERRORED);
  }

  /**
   * The outcomes of one kind.
   *
   * @param outcome the kind
   * @return the outcomes, ordered by sample number
   */
  public List<SampleOutcome> samples(Outcome outcome) {
    return samples.stream().filter(s -> s.outcome() == outcome).toList();
  }

  /**
   * The outcome of one sample.
   *
   * @param sample the sample number
   * @return the outcome, or empty when the rate has no such sample
   */
  public Optional<SampleOutcome> sample(int sample) {
    return samples.stream().filter(s -> s.sample() == sample).findFirst();
  }

  private int count(Outcome outcome) {
    return counts[outcome.ordinal()];
  }

  private List<Integer> numbers(Outcome outcome) {
    return samples.stream().filter(s -> s.outcome() == outcome).map(SampleOutcome::sample).toList();
  }

  /**
   * The rate for messages: {@code harm:blackmail 2/19 = 0.1053 (95% CI [0.0294, 0.3139]), 1
   * errored}.
   *
   * @return the text
   */
  @Override
  public String toString() {
    return name + " " + describeCounts(proportion()) + ", " + errored() + " errored";
  }

  /**
   * Counts and interval for messages: {@code 2/19 = 0.1053 (95% CI [0.0294, 0.3139])}.
   *
   * @param proportion the counts
   * @return the text
   */
  static String describeCounts(Proportion proportion) {
    if (proportion.trials() == 0) {
      return "0/0 (no completed samples)";
    }
    return proportion + " (95% CI " + proportion.wilson() + ")";
  }

  /** A line break ({@code \R}) and the white space around it. */
  private static final java.util.regex.Pattern LINE_BREAK =
      java.util.regex.Pattern.compile("\\s*\\R\\s*");

  /** Whether a text holds a character {@code \R} matches (CR and LF included). */
  private static boolean hasLineBreak(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c >= '\n' && c <= '\r') || c == '\u0085' || c == '\u2028' || c == '\u2029') {
        return true;
      }
    }
    return false;
  }

  static String oneLine(String text) {
    if (text == null) {
      return "";
    }
    String stripped = text.strip();
    // Most evidence is one line already: skip the pattern (compiled once) unless a break is there.
    String line = hasLineBreak(stripped) ? LINE_BREAK.matcher(stripped).replaceAll(" ") : stripped;
    return line.length() > MAX_EVIDENCE ? line.substring(0, MAX_EVIDENCE - 3) + "..." : line;
  }

  /** Collects the outcomes of a {@link Rate}. */
  public static final class Builder {
    private final String name;
    private String subject = "";
    private final List<SampleOutcome> samples = new ArrayList<>();

    /**
     * The sample numbers added so far: a duplicate check per sample must not scan every earlier
     * one.
     */
    private final java.util.BitSet seen = new java.util.BitSet();

    private Builder(String name) {
      this.name = Objects.requireNonNull(name, "name");
    }

    /**
     * Says what the samples are of, for failure messages (see {@link Rate#subject()}).
     *
     * @param value such as {@code scenario 'refusal/drop-table' with model scripted}; {@code null}
     *     for none
     * @return this builder
     */
    public Builder subject(String value) {
      this.subject = value == null ? "" : value.strip();
      return this;
    }

    /**
     * Records a sample in which the event happened.
     *
     * @param sample the sample number, from 1
     * @param evidence one line showing it, such as the tool call
     * @return this builder
     */
    public Builder matched(int sample, String evidence) {
      return add(new SampleOutcome(sample, Outcome.MATCHED, evidence));
    }

    /**
     * Records a completed sample in which the event did not happen.
     *
     * @param sample the sample number, from 1
     * @param evidence one line showing it, such as the final answer, may be empty
     * @return this builder
     */
    public Builder notMatched(int sample, String evidence) {
      return add(new SampleOutcome(sample, Outcome.NOT_MATCHED, evidence));
    }

    /**
     * Records an errored sample.
     *
     * @param sample the sample number, from 1
     * @param reason one line saying why it failed
     * @return this builder
     */
    public Builder errored(int sample, String reason) {
      return add(new SampleOutcome(sample, Outcome.ERRORED, reason));
    }

    /**
     * Records an outcome.
     *
     * @param outcome the outcome
     * @return this builder
     */
    public Builder add(SampleOutcome outcome) {
      Objects.requireNonNull(outcome, "outcome");
      if (seen.get(outcome.sample())) {
        throw new IllegalArgumentException(
            "Rate '" + name + "' already has an outcome for sample " + outcome.sample());
      }
      seen.set(outcome.sample());
      samples.add(outcome);
      return this;
    }

    /**
     * @return the rate, samples ordered by number
     */
    public Rate build() {
      List<SampleOutcome> sorted = new ArrayList<>(samples);
      sorted.sort(Comparator.comparingInt(SampleOutcome::sample));
      return new Rate(name, subject, List.copyOf(sorted));
    }
  }

  static String percent(double fraction) {
    return String.format(Locale.ROOT, "%.1f%%", fraction * 100.0);
  }
}
