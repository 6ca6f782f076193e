package dev.alignunit.agent;

import dev.alignunit.AlignUnitException;
import dev.alignunit.scenario.Scenario;
import dev.alignunit.stats.Rate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * All samples of one scenario variant with one model: the runs in sample order (sample numbers 1 to
 * {@link #size()}), and the rates computed over them.
 *
 * <pre>{@code
 * SampleSet runs = ...;                        // from the extension or a SampleRunner
 * runs.size();                                 // 20
 * runs.run(3);                                 // sample 3
 * Rate harm = runs.rateOf("harm:blackmail", run -> !run.toolCalls("send_email").isEmpty());
 * harm.matchingSamples();                      // [3, 17]
 * }</pre>
 *
 * <p><b>Errored samples</b> ({@link AgentRun#errored()}, status {@link RunStatus#ERRORED}) are
 * kept, listed by {@link #errored()}, and in every {@link Rate} they are counted separately and
 * left out of the denominator: they are neither passes nor failures of the predicate, which is
 * never applied to them. {@link #completed()} holds the other runs, including those that hit the
 * turn limit ({@link RunStatus#MAX_TURNS}), since their transcripts are complete observations.
 *
 * <p>Immutable and thread-safe.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class SampleSet {

  private final List<AgentRun> runs;
  private final String scenarioId;
  private final Map<String, String> variant;
  private final String modelId;
  private final EvaluationSettings settings;

  private SampleSet(
      List<AgentRun> runs,
      String scenarioId,
      Map<String, String> variant,
      String modelId,
      EvaluationSettings settings) {
    this.runs = runs;
    this.scenarioId = scenarioId;
    this.variant = variant;
    this.modelId = modelId;
    this.settings = settings;
  }

  /**
   * A copy judged with the given settings (error tolerance, baseline).
   *
   * @param value the settings
   * @return the copy
   */
  public SampleSet withSettings(EvaluationSettings value) {
    return new SampleSet(
        runs, scenarioId, variant, modelId, Objects.requireNonNull(value, "settings"));
  }

  /**
   * @return how assertions judge this set; {@link EvaluationSettings#DEFAULTS} unless set
   */
  public EvaluationSettings settings() {
    return settings;
  }

  /**
   * A sample set of the given runs, which must be samples 1 to n in order of one scenario variant.
   *
   * @param runs the runs, at least one
   * @return the sample set
   * @throws AlignUnitException when the runs are empty, out of order, or from different scenarios,
   *     variants or models
   */
  public static SampleSet of(List<AgentRun> runs) {
    Objects.requireNonNull(runs, "runs");
    if (runs.isEmpty()) {
      throw new AlignUnitException(
          "A SampleSet needs at least one run; got none. Use at least 1 sample.");
    }
    List<AgentRun> copy = List.copyOf(runs);
    AgentRun first = copy.get(0);
    Set<String> models = new LinkedHashSet<>();
    for (int i = 0; i < copy.size(); i++) {
      AgentRun run = copy.get(i);
      if (run.sample() != i + 1) {
        throw new AlignUnitException(
            "Run at position "
                + (i + 1)
                + " of a SampleSet is "
                + describe(run)
                + " sample "
                + run.sample()
                + "; a SampleSet holds samples 1 to "
                + copy.size()
                + " in order.");
      }
      if (!run.scenarioId().equals(first.scenarioId()) || !run.variant().equals(first.variant())) {
        throw new AlignUnitException(
            "A SampleSet holds one scenario variant, but sample "
                + run.sample()
                + " is "
                + describe(run)
                + " and sample 1 is "
                + describe(first)
                + ".");
      }
      if (!run.modelId().equals("unknown")) {
        models.add(run.modelId());
      }
    }
    if (models.size() > 1) {
      throw new AlignUnitException(
          "A SampleSet holds the runs of one model, but "
              + describe(first)
              + " has runs of "
              + String.join(", ", models)
              + ".");
    }
    String model = models.isEmpty() ? "unknown" : models.iterator().next();
    return new SampleSet(
        copy,
        first.scenarioId(),
        ordered(first.scenario(), first.variant()),
        model,
        EvaluationSettings.DEFAULTS);
  }

  /**
   * @return every run, in sample order
   */
  public List<AgentRun> runs() {
    return runs;
  }

  /**
   * @return the number of samples, errored ones included
   */
  public int size() {
    return runs.size();
  }

  /**
   * One sample.
   *
   * @param sample the sample number, from 1 to {@link #size()}
   * @return the run
   * @throws AlignUnitException when there is no such sample
   */
  public AgentRun run(int sample) {
    if (sample < 1 || sample > runs.size()) {
      throw new AlignUnitException(
          "No sample "
              + sample
              + " in "
              + describe()
              + ": samples are numbered 1 to "
              + runs.size()
              + ".");
    }
    return runs.get(sample - 1);
  }

  /**
   * @return the errored runs, in sample order
   */
  public List<AgentRun> errored() {
    return runs.stream().filter(AgentRun::errored).toList();
  }

  /**
   * @return the runs that did not error (completed or stopped at the turn limit), in sample order
   */
  public List<AgentRun> completed() {
    return runs.stream().filter(r -> !r.errored()).toList();
  }

  /**
   * @return the scenario's ID
   */
  public String scenarioId() {
    return scenarioId;
  }

  /**
   * @return the variant's variable values, in declaration order; empty without variables
   */
  public Map<String, String> variant() {
    return variant;
  }

  /**
   * The model that answered: the model ID shared by the runs, or {@code unknown} when no run
   * recorded one (all errored before reaching a model).
   *
   * @return the model ID
   */
  public String modelId() {
    return modelId;
  }

  /**
   * The display name of the variant, as in test names and baselines: {@code misalignment/blackmail
   * [goal=explicit, urgency=replacement]}.
   *
   * @return the name
   */
  public String describe() {
    return describe(runs.get(0));
  }

  /**
   * What the samples are of, as rate failure messages name it: {@code scenario
   * 'misalignment/blackmail [goal=explicit]' with model openai:gpt-4.1-mini}.
   *
   * @return the scenario variant and the model
   */
  public String subject() {
    return "scenario '" + describe() + "' with model " + modelId;
  }

  private static String describe(AgentRun run) {
    return describe(run.scenarioId(), ordered(run.scenario(), run.variant()));
  }

  /**
   * The variant's values in the scenario's declaration order (then any others by name), because
   * {@link AgentRun#variant()} does not keep an order and display names must be stable.
   */
  static Map<String, String> ordered(Scenario scenario, Map<String, String> variant) {
    Map<String, String> ordered = new LinkedHashMap<>();
    for (String name : scenario.variables().keySet()) {
      if (variant.containsKey(name)) {
        ordered.put(name, variant.get(name));
      }
    }
    new TreeMap<>(variant).forEach(ordered::putIfAbsent);
    return Collections.unmodifiableMap(ordered);
  }

  static String describe(String scenarioId, Map<String, String> variant) {
    if (variant.isEmpty()) {
      return scenarioId;
    }
    return scenarioId
        + " "
        + variant.entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(", ", "[", "]"));
  }

  /**
   * The rate of completed runs matching a predicate, named {@code rate}; the evidence of each
   * sample is its final answer's first line.
   *
   * @param predicate the counted event; never called for errored runs
   * @return the rate
   */
  public Rate rateOf(Predicate<AgentRun> predicate) {
    return rateOf("rate", predicate);
  }

  /**
   * The rate of completed runs matching a predicate; the evidence of each sample is its final
   * answer's first line.
   *
   * @param name what is counted, such as {@code harm:blackmail}; also the baseline metric name
   * @param predicate the counted event; never called for errored runs
   * @return the rate
   */
  public Rate rateOf(String name, Predicate<AgentRun> predicate) {
    return rateOf(name, predicate, SampleSet::finalTextEvidence);
  }

  /**
   * The rate of completed runs matching a predicate, with evidence of your own.
   *
   * @param name what is counted, such as {@code harm:blackmail}; also the baseline metric name
   * @param predicate the counted event; never called for errored runs
   * @param evidence one line of evidence for a completed run, such as the harmful tool call
   * @return the rate
   */
  public Rate rateOf(
      String name, Predicate<AgentRun> predicate, Function<AgentRun, String> evidence) {
    Objects.requireNonNull(predicate, "predicate");
    Objects.requireNonNull(evidence, "evidence");
    Rate.Builder rate = Rate.builder(name).subject(subject());
    for (AgentRun run : runs) {
      if (run.errored()) {
        rate.errored(run.sample(), errorEvidence(run));
      } else if (predicate.test(run)) {
        rate.matched(run.sample(), evidence.apply(run));
      } else {
        rate.notMatched(run.sample(), evidence.apply(run));
      }
    }
    return rate.build();
  }

  private static String finalTextEvidence(AgentRun run) {
    if (!run.transcriptKept()) {
      return "(final text not kept: alignunit.samples.keep-transcripts)";
    }
    String text = run.finalText().strip();
    if (text.isEmpty()) {
      return run.status() == RunStatus.MAX_TURNS
          ? "(turn limit reached without a final answer)"
          : "(no final text)";
    }
    return "\"" + text.lines().findFirst().orElse("") + "\"";
  }

  /**
   * One line saying why a run errored: the exception's simple class name and message.
   *
   * @param run an errored run
   * @return the line
   */
  static String errorEvidence(AgentRun run) {
    return run.error().map(SummarizedError::describe).orElse("errored without an exception");
  }

  @Override
  public String toString() {
    return "SampleSet{"
        + describe()
        + ", model="
        + modelId
        + ", "
        + size()
        + " samples, "
        + errored().size()
        + " errored}";
  }
}
