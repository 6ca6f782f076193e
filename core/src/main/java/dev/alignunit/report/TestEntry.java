package dev.alignunit.report;

import static dev.alignunit.report.ReportRedaction.REDACTOR;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The report of one test on one scenario variant and model: its outcome, the rates computed over
 * its samples, the baseline comparison and every sample.
 *
 * <pre>{@code
 * TestEntry entry = TestEntry.builder("com.acme.SupportAgentTest#neverBlackmails", "misalignment/blackmail")
 *     .displayName("neverBlackmails(SampleSet)")
 *     .tags(List.of("misalignment"))
 *     .variant(Map.of("goal", "explicit"))
 *     .model("openai:gpt-4.1-mini").mode("replay")
 *     .outcome(TestOutcome.FAILED, "expected harm rate 0 but was 2/20 ...")
 *     .metric("harm:blackmail", new RateSummary(2, 20, 0, 0.028, 0.301))
 *     .samples(samples)
 *     .build();
 * }</pre>
 *
 * @param testId the JUnit test, {@code fully.qualified.Class#method}
 * @param displayName the test's display name
 * @param scenarioId the scenario's ID
 * @param scenarioTitle the scenario's one-line title, may be empty
 * @param tags the scenario's and test's tags
 * @param variant the variant's variable values, in declaration order
 * @param modelId the model that answered
 * @param mode the mode ({@code replay}, {@code record}, {@code live}, ...)
 * @param outcome how the test ended
 * @param failureMessage the assertion or error message of a failed or errored test, {@code null}
 *     otherwise
 * @param metrics rates over the samples by name, such as {@code harm:blackmail} or {@code refusal},
 *     in insertion order
 * @param baseline the baseline comparison, {@code null} when there is no baseline
 * @param finishedAt when the test finished, may be {@code null}
 * @param durationMs how long the test took, in milliseconds
 * @param samples the samples, in sample order
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record TestEntry(
    String testId,
    String displayName,
    String scenarioId,
    String scenarioTitle,
    List<String> tags,
    Map<String, String> variant,
    String modelId,
    String mode,
    TestOutcome outcome,
    String failureMessage,
    Map<String, RateSummary> metrics,
    BaselineSummary baseline,
    Instant finishedAt,
    long durationMs,
    List<SampleReport> samples) {

  /**
   * Validates the fields, copies the collections (keeping their order) and redacts secrets in the
   * message.
   */
  public TestEntry {
    Objects.requireNonNull(testId, "testId");
    Objects.requireNonNull(scenarioId, "scenarioId");
    Objects.requireNonNull(outcome, "outcome");
    displayName = displayName == null ? testId : displayName;
    scenarioTitle = scenarioTitle == null ? "" : scenarioTitle;
    tags = tags == null ? List.of() : List.copyOf(tags);
    variant =
        variant == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(variant));
    modelId = modelId == null ? "unknown" : modelId;
    mode = mode == null ? "unknown" : mode;
    failureMessage = REDACTOR.redact(failureMessage);
    displayName = REDACTOR.redact(displayName);
    metrics =
        metrics == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    // A large entry's samples stay in their file (read one at a time); all others are copied.
    samples =
        samples == null
            ? List.of()
            : samples instanceof dev.alignunit.report.internal.StoredSamples
                ? samples
                : List.copyOf(samples);
  }

  /**
   * A copy with other samples.
   *
   * @param value the samples, in sample order
   * @return the copy
   */
  public TestEntry withSamples(List<SampleReport> value) {
    return new TestEntry(
        testId,
        displayName,
        scenarioId,
        scenarioTitle,
        tags,
        variant,
        modelId,
        mode,
        outcome,
        failureMessage,
        metrics,
        baseline,
        finishedAt,
        durationMs,
        value);
  }

  /**
   * Starts an entry.
   *
   * @param testId the JUnit test, {@code fully.qualified.Class#method}
   * @param scenarioId the scenario's ID
   * @return a builder; the outcome defaults to {@link TestOutcome#PASSED}
   */
  public static Builder builder(String testId, String scenarioId) {
    return new Builder(testId, scenarioId);
  }

  /**
   * The variant as text: {@code goal=explicit, urgency=none}, empty for no variables.
   *
   * @return the variant's description
   */
  public String variantLabel() {
    StringBuilder sb = new StringBuilder();
    variant.forEach(
        (k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append('=').append(v));
    return sb.toString();
  }

  /**
   * @return how many samples errored
   */
  public long erroredSamples() {
    if (samples instanceof dev.alignunit.report.internal.StoredSamples stored) {
      return stored.digest().errored();
    }
    return samples.stream()
        .filter(s -> s.status() == dev.alignunit.agent.RunStatus.ERRORED)
        .count();
  }

  /** Builds a {@link TestEntry}. */
  public static final class Builder {
    private final String testId;
    private final String scenarioId;
    private String displayName;
    private String scenarioTitle;
    private List<String> tags = List.of();
    private Map<String, String> variant = Map.of();
    private String modelId;
    private String mode;
    private TestOutcome outcome = TestOutcome.PASSED;
    private String failureMessage;
    private final Map<String, RateSummary> metrics = new LinkedHashMap<>();
    private BaselineSummary baseline;
    private Instant finishedAt;
    private long durationMs;
    private final List<SampleReport> samples = new ArrayList<>();

    private Builder(String testId, String scenarioId) {
      this.testId = Objects.requireNonNull(testId, "testId");
      this.scenarioId = Objects.requireNonNull(scenarioId, "scenarioId");
    }

    /**
     * @param value the display name @return this builder
     */
    public Builder displayName(String value) {
      this.displayName = value;
      return this;
    }

    /**
     * @param value the scenario's title @return this builder
     */
    public Builder scenarioTitle(String value) {
      this.scenarioTitle = value;
      return this;
    }

    /**
     * @param value the tags @return this builder
     */
    public Builder tags(List<String> value) {
      this.tags = value;
      return this;
    }

    /**
     * @param value the variant's variable values, in declaration order @return this builder
     */
    public Builder variant(Map<String, String> value) {
      this.variant = value;
      return this;
    }

    /**
     * @param value the model id @return this builder
     */
    public Builder model(String value) {
      this.modelId = value;
      return this;
    }

    /**
     * @param value the mode @return this builder
     */
    public Builder mode(String value) {
      this.mode = value;
      return this;
    }

    /**
     * Sets the outcome.
     *
     * @param value how the test ended
     * @param message the failure or error message, {@code null} for a passed test
     * @return this builder
     */
    public Builder outcome(TestOutcome value, String message) {
      this.outcome = Objects.requireNonNull(value, "outcome");
      this.failureMessage = message;
      return this;
    }

    /**
     * Adds a rate.
     *
     * @param name the metric's name, such as {@code harm:blackmail}
     * @param value the rate
     * @return this builder
     */
    public Builder metric(String name, RateSummary value) {
      metrics.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * @param value the baseline comparison, {@code null} for none @return this builder
     */
    public Builder baseline(BaselineSummary value) {
      this.baseline = value;
      return this;
    }

    /**
     * @param value when the test finished @return this builder
     */
    public Builder finishedAt(Instant value) {
      this.finishedAt = value;
      return this;
    }

    /**
     * @param value how long the test took, in milliseconds @return this builder
     */
    public Builder durationMs(long value) {
      this.durationMs = value;
      return this;
    }

    /**
     * @param value a sample to add @return this builder
     */
    public Builder sample(SampleReport value) {
      samples.add(Objects.requireNonNull(value, "sample"));
      return this;
    }

    /**
     * @param value samples to add @return this builder
     */
    public Builder samples(List<SampleReport> value) {
      value.forEach(this::sample);
      return this;
    }

    /**
     * @return the entry
     */
    public TestEntry build() {
      return new TestEntry(
          testId,
          displayName,
          scenarioId,
          scenarioTitle,
          tags,
          variant,
          modelId,
          mode,
          outcome,
          failureMessage,
          metrics,
          baseline,
          finishedAt,
          durationMs,
          samples);
    }
  }
}
