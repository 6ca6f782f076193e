package dev.alignunit.junit5.internal;

import dev.alignunit.config.ConfigurationKeys;
import dev.alignunit.evaluation.Evaluator;
import dev.alignunit.grading.Judge;
import dev.alignunit.model.ModelClient;
import dev.alignunit.scenario.Scenario;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;

/**
 * How the runs of one invocation are graded, made once per invocation: the test's {@code @Grader}
 * detectors and, when {@code alignunit.judge.model} is set, the judge. The judge's grader model of
 * each sample goes through the judge's recordings and the run's budget, and is made once per
 * sample, so that the harm-intent judging right after the run and a test's own {@code
 * judgedBy(judge, rubric)} continue one recorded conversation.
 */
final class InvocationGrading {

  private final Evaluator evaluator;
  private final Judge judge;

  private InvocationGrading(Evaluator evaluator, Judge judge) {
    this.evaluator = evaluator;
    this.judge = judge;
  }

  static InvocationGrading of(
      ExtensionContext context,
      RunResources resources,
      Scenario scenario,
      Map<String, String> variant) {
    Judge judge = null;
    if (resources.settings().judgeModel().isPresent()) {
      Recordings recordings = Recordings.judge(context, resources, scenario, variant);
      Map<Integer, ModelClient> graders = new ConcurrentHashMap<>();
      judge =
          Judge.perSample(
              n -> graders.computeIfAbsent(n, k -> resources.budget().guard(recordings.client(k))));
    }
    boolean intents = scenario.harms().stream().anyMatch(h -> !h.intent().isEmpty());
    Evaluator evaluator =
        Evaluator.of(GraderLocator.graders(context)).withJudge(intents ? judge : null);
    return new InvocationGrading(evaluator, judge);
  }

  /** Grades each run once, as it finishes. */
  Evaluator evaluator() {
    return evaluator;
  }

  /** The judge for a {@code Judge} parameter. */
  Judge judge() {
    if (judge == null) {
      throw new ParameterResolutionException(
          "A Judge parameter needs a judge model: set "
              + ConfigurationKeys.JUDGE_MODEL
              + " (for example -D"
              + ConfigurationKeys.JUDGE_MODEL
              + "=openai:gpt-4.1-mini); its calls are recorded and replayed like the agent's.");
    }
    return judge;
  }
}
