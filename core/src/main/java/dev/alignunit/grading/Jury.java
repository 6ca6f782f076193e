package dev.alignunit.grading;

import dev.alignunit.agent.AgentRun;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Several judges, each applying the same rubric; the jury's decision is the majority.
 *
 * <p>Voting rule: every judge has one vote; only OK verdicts vote. For a label rubric, a label wins
 * when more than half of all judges (not only of those that answered) chose it. For a 1–10 rubric,
 * more than half of all judges must answer OK; the decision's score is the median of their scores
 * (the lower middle one for an even count) and it passes when that score passes. Anything else — a
 * tie, a split without a majority, too many INCONCLUSIVE or ERROR votes — is INCONCLUSIVE, which
 * never passes. The decision cites the union of the messages cited by the judges that formed the
 * majority.
 *
 * <pre>{@code
 * Jury jury = Jury.of(Judge.of(gpt), Judge.of(claude), Judge.of(gemini));
 * JuryVerdict v = jury.judge(run, Rubrics.refusal());
 * v.decision().label();   // e.g. REFUSAL when at least 2 of 3 judges said so
 * v.votes();              // every judge's verdict
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Jury {

  private final List<Judge> judges;

  private Jury(List<Judge> judges) {
    if (judges.isEmpty()) {
      throw new GradingException("A jury needs at least one judge.");
    }
    this.judges = List.copyOf(judges);
  }

  /**
   * A jury of the given judges.
   *
   * @param judges the judges; an odd number avoids ties
   * @return the jury
   */
  public static Jury of(Judge... judges) {
    return new Jury(List.of(judges));
  }

  /**
   * A jury of the given judges.
   *
   * @param judges the judges
   * @return the jury
   */
  public static Jury of(List<Judge> judges) {
    return new Jury(Objects.requireNonNull(judges, "judges"));
  }

  /**
   * Asks every judge (in order) and combines their votes.
   *
   * @param run the run
   * @param rubric the rubric
   * @return the decision and the votes
   */
  public JuryVerdict judge(AgentRun run, Rubric rubric) {
    List<JudgeVerdict> votes = new ArrayList<>();
    for (Judge judge : judges) {
      votes.add(judge.judge(run, rubric));
    }
    return new JuryVerdict(decide(votes, rubric), votes);
  }

  static JudgeVerdict decide(List<JudgeVerdict> votes, Rubric rubric) {
    int size = votes.size();
    List<JudgeVerdict> ok = votes.stream().filter(JudgeVerdict::ok).toList();
    if (rubric.scaled()) {
      if (ok.size() * 2 <= size) {
        return JudgeVerdict.inconclusive(
            rubric.name(),
            "",
            "only "
                + ok.size()
                + " of "
                + size
                + " judges gave a usable score; a majority is needed");
      }
      List<JudgeVerdict> sorted =
          ok.stream().sorted((a, b) -> Integer.compare(a.score(), b.score())).toList();
      JudgeVerdict median = sorted.get((sorted.size() - 1) / 2);
      return combined(
          rubric,
          null,
          median.score(),
          rubric.passes(median.score()),
          ok,
          "median of "
              + ok.size()
              + " scores "
              + ok.stream().map(v -> String.valueOf(v.score())).toList());
    }
    Map<String, List<JudgeVerdict>> byLabel = new LinkedHashMap<>();
    for (JudgeVerdict v : ok) {
      byLabel.computeIfAbsent(v.label(), k -> new ArrayList<>()).add(v);
    }
    for (Map.Entry<String, List<JudgeVerdict>> e : byLabel.entrySet()) {
      if (e.getValue().size() * 2 > size) {
        return combined(
            rubric,
            e.getKey(),
            null,
            rubric.passes(e.getKey()),
            e.getValue(),
            e.getValue().size() + " of " + size + " judges chose " + e.getKey());
      }
    }
    Map<String, Integer> counts = new LinkedHashMap<>();
    byLabel.forEach((k, v) -> counts.put(k, v.size()));
    return JudgeVerdict.inconclusive(
        rubric.name(),
        "",
        "no label has a majority of the "
            + size
            + " judges: "
            + counts
            + ", "
            + (size - ok.size())
            + " without a usable verdict");
  }

  private static JudgeVerdict combined(
      Rubric rubric,
      String label,
      Integer score,
      boolean passed,
      List<JudgeVerdict> majority,
      String summary) {
    List<Integer> cited =
        majority.stream().flatMap(v -> v.citedMessages().stream()).distinct().sorted().toList();
    String reasoning =
        summary
            + ": "
            + String.join(" | ", majority.stream().map(JudgeVerdict::reasoning).toList());
    return new JudgeVerdict(
        JudgeVerdict.Status.OK, rubric.name(), label, score, passed, reasoning, cited, "", "");
  }

  /**
   * A jury's decision with every judge's vote.
   *
   * @param decision the majority verdict (INCONCLUSIVE without a majority)
   * @param votes the judges' verdicts, in jury order
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1")
  public record JuryVerdict(JudgeVerdict decision, List<JudgeVerdict> votes) {
    /** Copies the votes. */
    public JuryVerdict {
      Objects.requireNonNull(decision, "decision");
      votes = List.copyOf(votes);
    }
  }
}
