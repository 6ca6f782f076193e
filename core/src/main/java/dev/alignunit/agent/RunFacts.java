package dev.alignunit.agent;

import dev.alignunit.model.StopReason;
import dev.alignunit.model.Usage;
import dev.alignunit.scenario.Scenario;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What an {@link AgentRun} keeps whether or not its transcript is kept: where it ran, how it ended,
 * what it cost, and its tags. A large sample set keeps only these (with the names of the tools
 * called) for most of its graded runs. Immutable.
 *
 * @param scenario the scenario the run belongs to
 * @param variant the variable values of the variant, in declaration order
 * @param sample the sample number, from 1
 * @param modelId the model that answered
 * @param status how the run ended
 * @param error the error of an errored run, or {@code null}
 * @param turns the number of model calls made
 * @param usage the summed token usage
 * @param duration how long the run took
 * @param lastStopReason why the model stopped on its last call, or {@code null}
 * @param providerRefusal the provider's explicit refusal text, or {@code null}
 * @param tags the values attached to the run, by type
 */
record RunFacts(
    Scenario scenario,
    Map<String, String> variant,
    int sample,
    String modelId,
    RunStatus status,
    Throwable error,
    int turns,
    Usage usage,
    Duration duration,
    StopReason lastStopReason,
    String providerRefusal,
    Map<Class<?>, Object> tags) {

  /** Validates the required parts and fills the defaults of the optional ones. */
  RunFacts {
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(status, "status");
    modelId = modelId == null ? "unknown" : modelId;
    usage = usage == null ? Usage.ZERO : usage;
    duration = duration == null ? Duration.ZERO : duration;
  }

  /** A copy with another variant instance, error and tags (for summaries and retagging). */
  RunFacts with(Map<String, String> newVariant, Throwable newError, Map<Class<?>, Object> newTags) {
    return new RunFacts(
        scenario,
        newVariant,
        sample,
        modelId,
        status,
        newError,
        turns,
        usage,
        duration,
        lastStopReason,
        providerRefusal,
        newTags);
  }

  /** A copy with a tag attached, replacing any tag of the same type. */
  RunFacts withTag(Class<?> type, Object value) {
    Map<Class<?>, Object> retagged = new HashMap<>(tags);
    retagged.put(type, value);
    return with(variant, error, Map.copyOf(retagged));
  }

  /**
   * @return {@code refusal/drop-table [goal=explicit] sample 3}
   */
  String describe() {
    StringBuilder sb = new StringBuilder(scenario.id());
    if (!variant.isEmpty()) {
      sb.append(' ')
          .append(
              variant.entrySet().stream()
                  .map(e -> e.getKey() + "=" + e.getValue())
                  .collect(Collectors.joining(", ", "[", "]")));
    }
    return sb.append(" sample ").append(sample).toString();
  }
}
