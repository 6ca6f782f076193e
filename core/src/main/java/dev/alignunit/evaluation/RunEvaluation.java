package dev.alignunit.evaluation;

import dev.alignunit.agent.AgentRun;
import dev.alignunit.agent.RunTag;
import dev.alignunit.grading.HarmJudgement;
import dev.alignunit.grading.HarmVerdict;
import dev.alignunit.grading.JudgeVerdict;
import dev.alignunit.grading.ReasoningVerdict;
import dev.alignunit.grading.RefusalLabel;
import dev.alignunit.grading.RefusalVerdict;
import dev.alignunit.scenario.Expectation;
import dev.alignunit.stats.Rate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The verdicts on one run, graded once: every harm's tripwire, the refusal label, whether the final
 * answer explains itself and, when a judge graded the run, the intent judge's verdict per harm.
 * Small and self-contained (no transcript; one line of the final answer for evidence), so that
 * sample sets can keep verdicts and counts rather than whole transcripts.
 *
 * <p>A run that errored, or whose grading failed (a detector, a tripwire or the judge threw), is
 * {@linkplain #errored() errored} with the error: it has no verdicts and counts as errored in every
 * rate, never as a pass or a failure of the counted event.
 *
 * <p>As a {@link RunTag} it lets a large sample set keep this evaluation instead of the run's
 * transcript: {@link #summarized()} keeps every verdict's outcome (label, tripped or not, explains
 * or not, concepts) and drops the evidence quoted from the transcript.
 *
 * @param sample the sample number, from 1
 * @param status whether the run was graded
 * @param error what went wrong for an errored evaluation, empty when graded
 * @param graders the detectors that graded (or would have graded) the run
 * @param judged whether an LLM judge graded the run's harm intents
 * @param harms the tripwire verdict of every harm, in scenario order; empty unless graded
 * @param intent the intent judge's verdict per harm ID, for the harms with an intent; empty unless
 *     graded by a judge
 * @param refusal the refusal verdict on the final answer, {@code null} unless graded
 * @param reasoning the reasoning verdict on the final answer, {@code null} unless graded
 * @param answer the first line of the final answer (abbreviated), for evidence
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record RunEvaluation(
    int sample,
    Status status,
    String error,
    Graders graders,
    boolean judged,
    List<HarmVerdict> harms,
    Map<String, JudgeVerdict> intent,
    RefusalVerdict refusal,
    ReasoningVerdict reasoning,
    String answer)
    implements RunTag {

  private static final int MAX_ANSWER = 200;

  /**
   * The evidence of a summarized evaluation, which a large sample set keeps without its transcript.
   */
  public static final String EVIDENCE_NOT_KEPT =
      "evidence not kept (alignunit.samples.keep-transcripts)";

  // The evidence lines of summarized evaluations, one instance each: a rate over 100,000
  // summaries would otherwise hold 100,000 copies of the same line.
  private static final String NO_TRIPWIRE_NOT_KEPT = "no tripwire (" + EVIDENCE_NOT_KEPT + ")";
  private static final String NO_REASON_NOT_KEPT = "no reason (" + EVIDENCE_NOT_KEPT + ")";
  private static final java.util.Map<dev.alignunit.grading.RefusalLabel, String> REFUSAL_NOT_KEPT =
      refusalNotKept();

  private static java.util.Map<dev.alignunit.grading.RefusalLabel, String> refusalNotKept() {
    java.util.Map<dev.alignunit.grading.RefusalLabel, String> lines =
        new java.util.EnumMap<>(dev.alignunit.grading.RefusalLabel.class);
    for (dev.alignunit.grading.RefusalLabel label : dev.alignunit.grading.RefusalLabel.values()) {
      lines.put(label, label + " (" + EVIDENCE_NOT_KEPT + ")");
    }
    return lines;
  }

  /** Whether a run was graded. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1")
  public enum Status {
    /** Every grader decided. */
    GRADED,
    /** The run itself errored; it was not graded. */
    RUN_ERRORED,
    /** The run completed but a grader threw; the error says which. */
    GRADING_FAILED
  }

  /** Validates the fields and copies the collections. */
  public RunEvaluation {
    if (sample < 1) {
      throw new IllegalArgumentException("Sample numbers start at 1, was " + sample);
    }
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(graders, "graders");
    error = error == null ? "" : error;
    harms = harms == null ? List.of() : List.copyOf(harms);
    intent =
        intent == null || intent.isEmpty()
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(intent));
    answer = answer == null ? "" : firstLine(answer);
    if (status == Status.GRADED && (refusal == null || reasoning == null)) {
      throw new IllegalArgumentException(
          "A graded evaluation needs a refusal and a reasoning verdict");
    }
  }

  static RunEvaluation failed(
      int sample, Status status, String error, Graders graders, boolean judged, String answer) {
    return new RunEvaluation(
        sample, status, error, graders, judged, List.of(), Map.of(), null, null, answer);
  }

  /**
   * Whether the run shows a problem worth keeping it whole for: it errored or could not be graded,
   * a harm's tripwire tripped or the judge found (or could not rule out) a harm, or it did not meet
   * its scenario's {@code expect} (refusal, reasons, tools never to call).
   *
   * @param run the run this evaluation is attached to
   * @return whether it is notable
   */
  @Override
  public boolean notable(AgentRun run) {
    if (errored() || harms.stream().anyMatch(HarmVerdict::committed)) {
      return true;
    }
    for (String harmId : intent.keySet()) {
      HarmJudgement judgement = judgement(harmId).orElseThrow();
      if (judgement.judgeFoundHarm() || !judgement.softDecided()) {
        return true;
      }
    }
    Expectation expect = run.scenario().expect();
    if (expect.refusal() != null
        && refusal.label() != (expect.refusal() ? RefusalLabel.REFUSAL : RefusalLabel.COMPLIANCE)) {
      return true;
    }
    if (Boolean.TRUE.equals(expect.explainsReasoning()) && !reasoning.explains()) {
      return true;
    }
    List<String> called = run.calledTools();
    return expect.neverCalls().stream().anyMatch(called::contains);
  }

  /**
   * This evaluation without the evidence quoted from the transcript: the same status, error,
   * labels, tripwire outcomes, reasoning outcome and concepts, judge verdicts; evidence and the
   * answer's first line read {@link #EVIDENCE_NOT_KEPT}. Equal verdicts share one instance, so
   * thousands of summaries cost little more than their sample numbers.
   *
   * @return the summary
   */
  @Override
  public RunEvaluation summarized() {
    if (EVIDENCE_NOT_KEPT.equals(answer)) {
      return this;
    }
    List<HarmVerdict> keptHarms =
        Canonical.of(
            List.copyOf(
                harms.stream()
                    .map(
                        h ->
                            Canonical.of(
                                new HarmVerdict(
                                    h.harmId(), h.description(), h.committed(), List.of())))
                    .toList()));
    RefusalVerdict keptRefusal =
        refusal == null
            ? null
            : Canonical.of(new RefusalVerdict(refusal.label(), "", EVIDENCE_NOT_KEPT));
    ReasoningVerdict keptReasoning =
        reasoning == null
            ? null
            : Canonical.of(
                new ReasoningVerdict(
                    reasoning.explains(), List.of(), reasoning.concepts(), EVIDENCE_NOT_KEPT));
    return new RunEvaluation(
        sample,
        status,
        Canonical.of(error),
        graders,
        judged,
        keptHarms,
        intent,
        keptRefusal,
        keptReasoning,
        EVIDENCE_NOT_KEPT);
  }

  /**
   * @return whether the run errored or its grading failed
   */
  public boolean errored() {
    return status != Status.GRADED;
  }

  /**
   * The tripwire verdict of one harm.
   *
   * @param harmId the harm's ID
   * @return the verdict, empty when the run was not graded or the scenario has no such harm
   */
  public Optional<HarmVerdict> harm(String harmId) {
    return harms.stream().filter(h -> h.harmId().equals(harmId)).findFirst();
  }

  /**
   * The tripwire and the intent judge of one harm combined (strict and soft readings).
   *
   * @param harmId the harm's ID
   * @return the judgement, empty when no judge graded that harm
   */
  public Optional<HarmJudgement> judgement(String harmId) {
    JudgeVerdict verdict = intent.get(harmId);
    if (verdict == null) {
      return Optional.empty();
    }
    HarmVerdict tripwire = harm(harmId).orElseThrow();
    return Optional.of(
        HarmJudgement.combine(
            tripwire.committed(), String.join("; ", tripwire.evidence()), verdict));
  }

  /**
   * This sample's outcome for a metric, with one line of evidence: what a {@link Rate} counts.
   *
   * @param metric the metric
   * @return the outcome; ERRORED for an errored evaluation (except for {@link Metric.Errored}) and
   *     for an undecided judge
   */
  public Rate.SampleOutcome outcome(Metric metric) {
    if (metric instanceof Metric.Errored) {
      return errored()
          ? outcome(Rate.Outcome.MATCHED, error)
          : outcome(Rate.Outcome.NOT_MATCHED, "");
    }
    if (errored()) {
      return outcome(Rate.Outcome.ERRORED, error);
    }
    if (metric instanceof Metric.Harm harm) {
      return harmOutcome(harm.harmId());
    }
    if (metric instanceof Metric.JudgedHarm judged) {
      return judgedOutcome(judged.harmId());
    }
    if (metric instanceof Metric.Refusal) {
      boolean notKept = refusal.evidence().isBlank() && EVIDENCE_NOT_KEPT.equals(refusal.reason());
      return outcome(
          refusal.refused() ? Rate.Outcome.MATCHED : Rate.Outcome.NOT_MATCHED,
          notKept
              ? REFUSAL_NOT_KEPT.get(refusal.label())
              : refusal.label()
                  + (refusal.evidence().isBlank()
                      ? " (" + refusal.reason() + ")"
                      : ": " + quote(refusal.evidence())));
    }
    return reasoning.explains()
        ? outcome(
            Rate.Outcome.MATCHED,
            "explains: " + quote(reasoning.evidence().isEmpty() ? "" : reasoning.evidence().get(0)))
        : outcome(
            Rate.Outcome.NOT_MATCHED,
            EVIDENCE_NOT_KEPT.equals(reasoning.reason())
                ? NO_REASON_NOT_KEPT
                : "no reason (" + reasoning.reason() + ")");
  }

  private Rate.SampleOutcome harmOutcome(String harmId) {
    HarmVerdict verdict =
        harm(harmId)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "Sample " + sample + " has no verdict for harm '" + harmId + "'"));
    return verdict.committed()
        ? outcome(
            Rate.Outcome.MATCHED,
            verdict.evidence().isEmpty() ? "tripwire tripped" : verdict.evidence().get(0))
        : outcome(
            Rate.Outcome.NOT_MATCHED,
            EVIDENCE_NOT_KEPT.equals(answer)
                ? NO_TRIPWIRE_NOT_KEPT
                : "no tripwire: " + quote(answer));
  }

  private Rate.SampleOutcome judgedOutcome(String harmId) {
    HarmJudgement judgement =
        judgement(harmId)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "Sample " + sample + " has no judge verdict for harm '" + harmId + "'"));
    if (judgement.tripped()) {
      return outcome(Rate.Outcome.MATCHED, "tripwire: " + judgement.tripEvidence());
    }
    if (!judgement.softDecided()) {
      return outcome(Rate.Outcome.ERRORED, "judge undecided: " + judgement.judge().describe());
    }
    return outcome(
        judgement.judgeFoundHarm() ? Rate.Outcome.MATCHED : Rate.Outcome.NOT_MATCHED,
        "judge: " + judgement.judge().describe());
  }

  private Rate.SampleOutcome outcome(Rate.Outcome outcome, String evidence) {
    return new Rate.SampleOutcome(sample, outcome, evidence);
  }

  private static String quote(String text) {
    return "\"" + firstLine(text) + "\"";
  }

  private static String firstLine(String text) {
    String line = text.strip().lines().findFirst().orElse("");
    return line.length() > MAX_ANSWER ? line.substring(0, MAX_ANSWER - 3) + "..." : line;
  }
}
