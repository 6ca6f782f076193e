package dev.alignunit.agent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Which finished runs a sample set keeps whole, decided as each run finishes so that memory stays
 * flat however many samples run: every run when the set has at most {@code keep} samples; otherwise
 * the first tenth of {@code keep} by sample number, then the first notable runs (errored, or
 * notable by their {@link RunTag}: a harm, an unmet expectation) up to {@code keep} in all, and a
 * summary of every other graded run. A run without a {@link RunTag} is always kept whole: nothing
 * could grade it later without its transcript.
 */
final class SampleRetention {

  /** Distinct error messages kept for sharing; a storm of one provider error shares one string. */
  private static final int MAX_SHARED = 1024;

  private final boolean keepAll;
  private final int first;
  private final int notableLimit;
  private final AtomicInteger notableKept = new AtomicInteger();
  private final Map<List<String>, List<String>> toolLists = new ConcurrentHashMap<>();
  private final Map<String, String> texts = new ConcurrentHashMap<>();
  private volatile Map<String, String> variant;

  SampleRetention(int keep, int samples) {
    this.keepAll = samples <= keep;
    this.first = Math.max(1, keep / 10);
    this.notableLimit = keep - first;
  }

  /** The run to keep for a finished sample: itself, or its summary. */
  AgentRun keep(AgentRun run) {
    Map<Class<?>, Object> tags = run.facts().tags();
    if (keepAll || run.sample() <= first || !run.transcriptKept() || !summarizable(tags)) {
      return run;
    }
    if (notable(run, tags) && notableKept.incrementAndGet() <= notableLimit) {
      return run;
    }
    return summary(run, tags);
  }

  /**
   * Whether a tag can stand for the transcript (a graded run); only then may a set summarize the
   * run.
   */
  private static boolean summarizable(Map<Class<?>, Object> tags) {
    return tags.values().stream().anyMatch(RunTag.class::isInstance);
  }

  /** Whether a bounded set should keep this run whole: errored, or notable by one of its tags. */
  private static boolean notable(AgentRun run, Map<Class<?>, Object> tags) {
    return run.errored()
        || tags.values().stream().anyMatch(t -> t instanceof RunTag tag && tag.notable(run));
  }

  /**
   * The summary a large sample set keeps of a run: everything but the transcript, with each {@link
   * RunTag} replaced by its {@linkplain RunTag#summarized() summary}; shared values (variant, tool
   * names, error) come from this set so that thousands of summaries hold one copy of each.
   */
  private AgentRun summary(AgentRun run, Map<Class<?>, Object> tags) {
    Map<Class<?>, Object> summarized = new LinkedHashMap<>();
    tags.forEach(
        (type, value) ->
            summarized.put(type, value instanceof RunTag tag ? tag.summarized() : value));
    RunFacts facts =
        run.facts()
            .with(
                sharedVariant(run.variant()),
                run.error().map(this::summarized).orElse(null),
                Map.copyOf(summarized));
    return new AgentRun(facts, null, shared(run.calledTools()));
  }

  private Map<String, String> sharedVariant(Map<String, String> values) {
    Map<String, String> known = variant;
    if (known == null || !known.equals(values)) {
      known = Map.copyOf(values);
      variant = known;
    }
    return known;
  }

  private List<String> shared(List<String> tools) {
    if (tools.isEmpty()) {
      return List.of();
    }
    List<String> copy = List.copyOf(tools);
    if (toolLists.size() >= MAX_SHARED) {
      return copy;
    }
    List<String> known = toolLists.putIfAbsent(copy, copy);
    return known == null ? copy : known;
  }

  private Throwable summarized(Throwable error) {
    if (error instanceof SummarizedError) {
      return error;
    }
    String message = error.getMessage();
    if (message != null && texts.size() < MAX_SHARED) {
      String known = texts.putIfAbsent(message, message);
      message = known == null ? message : known;
    }
    return new SummarizedError(error.getClass().getSimpleName(), message);
  }
}
