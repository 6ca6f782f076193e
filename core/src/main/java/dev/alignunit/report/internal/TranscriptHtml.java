package dev.alignunit.report.internal;

import dev.alignunit.agent.RunStatus;
import dev.alignunit.model.SecretRedactor;
import dev.alignunit.report.LedgerEntry;
import dev.alignunit.report.MessageReport;
import dev.alignunit.report.SampleReport;
import dev.alignunit.report.ToolCallReport;
import dev.alignunit.report.VerdictReport;
import dev.alignunit.sandbox.ToolCallRecord;
import java.util.List;
import java.util.Set;

/**
 * Samples as HTML: chips, verdicts with evidence, messages with highlighted evidence, the tool-call
 * ledger.
 */
final class TranscriptHtml {

  private TranscriptHtml() {}

  /**
   * One chip per sample, coloured by its verdicts, linking to its transcript; the chips of the
   * first {@value SampleDigest#CHIP_LIMIT} samples, and a note of how many more there are.
   *
   * @param page the page of the sample at a position (0-based), {@code ""} for this page
   */
  static void chips(
      StringBuilder o,
      SampleDigest digest,
      String key,
      java.util.function.IntFunction<String> page) {
    o.append("<div class=\"chips\">");
    List<SampleDigest.Chip> chips = digest.chips();
    for (int i = 0; i < chips.size(); i++) {
      SampleDigest.Chip chip = chips.get(i);
      o.append("<a class=\"chip ")
          .append(chip.cls())
          .append("\" href=\"")
          .append(page.apply(i))
          .append('#')
          .append(key)
          .append("-s")
          .append(chip.sample())
          .append("\" title=\"");
      Html.text(o, "sample " + chip.sample() + ": " + SecretRedactor.redactRegistered(chip.title()))
          .append("\">")
          .append(chip.sample())
          .append("</a>");
    }
    if (digest.total() > chips.size()) {
      o.append(" <span class=\"muted\">and ")
          .append(digest.total() - chips.size())
          .append(" more samples on the transcript pages</span>");
    }
    o.append("</div>");
  }

  /**
   * Shows the system prompt once when every sample of the entry had the same one (the usual case:
   * one scenario variant), which keeps large reports a third smaller.
   */
  static boolean sharedSystem(StringBuilder o, SampleDigest digest) {
    // The digest was made as the samples were written: a secret registered since is redacted here.
    String system = SecretRedactor.redactRegistered(digest.sharedSystem());
    if (system == null) {
      return false;
    }
    o.append("<details class=\"sys\"><summary>System prompt (the same for all ")
        .append(digest.total())
        .append(" samples)</summary><div class=\"txt msg\">");
    Html.text(o, system).append("</div></details>\n");
    return true;
  }

  /**
   * @return whether a sample errored or has a failed verdict: what a reader opens first
   */
  static boolean flagged(SampleReport s) {
    return s.status() == RunStatus.ERRORED
        || s.verdicts().stream().anyMatch(v -> Boolean.FALSE.equals(v.passed()));
  }

  static void sample(
      StringBuilder o, SampleReport s, String key, boolean withSystem, boolean open) {
    Evidence evidence = Evidence.of(s);
    o.append("<details class=\"sample\" id=\"")
        .append(key)
        .append("-s")
        .append(s.sample())
        .append('"')
        .append(flagged(s) ? " data-flagged=\"true\"" : "")
        .append(open ? " open" : "")
        .append("><summary><b>Sample ")
        .append(s.sample())
        .append("</b> <span class=\"badge b-")
        .append(s.status().name())
        .append("\">")
        .append(s.status().name())
        .append("</span>");
    for (VerdictReport v : s.verdicts()) {
      o.append(" <span class=\"badge ").append(verdictClass(v)).append("\">");
      Html.text(o, v.name() + ": " + v.label()).append("</span>");
    }
    o.append(" <span class=\"muted\">")
        .append(s.turns())
        .append(" turns · ")
        .append(Fmt.duration(s.durationMs()))
        .append(" · ")
        .append(s.usage().inputTokens())
        .append(" in / ")
        .append(s.usage().outputTokens())
        .append(" out tokens</span></summary>\n<div class=\"sbody\">");
    if (s.error() != null) {
      o.append("<div class=\"error-box\">");
      Html.text(o, s.error()).append("</div>");
    }
    if (!s.verdicts().isEmpty()) {
      o.append("<div class=\"verdicts\">");
      for (VerdictReport v : s.verdicts()) {
        verdict(o, v);
      }
      o.append("</div>");
    }
    if (withSystem && !s.transcript().system().isEmpty()) {
      o.append("<details class=\"sys\"><summary>System prompt</summary><div class=\"txt msg\">");
      Html.text(o, s.transcript().system()).append("</div></details>");
    }
    int assistantNumber = 0;
    for (MessageReport m : s.transcript().messages()) {
      if (m.role() == MessageReport.Role.ASSISTANT) {
        assistantNumber++;
      }
      message(o, m, m.role() == MessageReport.Role.ASSISTANT ? assistantNumber : 0, evidence);
    }
    if (!s.toolCalls().isEmpty()) {
      ledger(o, s, evidence);
    }
    o.append("</div></details>\n");
  }

  private static void ledger(StringBuilder o, SampleReport s, Evidence evidence) {
    o.append(
        "<h3>Tool-call ledger</h3><table class=\"ledger\"><tr><th scope=\"col\">#</th><th scope=\"col\">Turn</th>"
            + "<th scope=\"col\">Tool</th><th scope=\"col\">Arguments</th><th scope=\"col\">Outcome</th>"
            + "<th scope=\"col\">Result</th></tr>");
    for (LedgerEntry l : s.toolCalls()) {
      Set<String> cited = evidence.forLedger(l.index());
      o.append("<tr")
          .append(cited.isEmpty() ? "" : " class=\"cited\"")
          .append(cited.isEmpty() ? "" : " title=\"");
      if (!cited.isEmpty()) {
        Html.text(o, "evidence for " + String.join(", ", cited)).append('"');
      }
      o.append("><td>")
          .append(l.index())
          .append("</td><td>")
          .append(l.turn())
          .append("</td><td class=\"mono\">");
      Html.text(o, l.name()).append("</td><td class=\"args\">");
      Html.text(o, l.rawArguments()).append("</td><td>");
      o.append(
          l.outcome() == ToolCallRecord.Outcome.OK
              ? "<span class=\"badge b-good\">OK</span>"
              : "<span class=\"badge b-bad\">" + l.outcome().name() + "</span>");
      o.append("</td><td class=\"res\">");
      Html.text(o, l.result()).append("</td></tr>");
    }
    o.append("</table>");
  }

  private static String verdictClass(VerdictReport v) {
    if (v.passed() == null) {
      return "b-info";
    }
    return v.passed() ? "b-good" : "b-bad";
  }

  private static void verdict(StringBuilder o, VerdictReport v) {
    o.append("<div class=\"verdict\"><span class=\"badge ").append(verdictClass(v)).append("\">");
    Html.text(o, v.label()).append("</span> <b>");
    Html.text(o, v.name()).append("</b>");
    if (!v.reason().isEmpty()) {
      o.append(" <span class=\"reason\">&mdash; ");
      Html.text(o, v.reason()).append("</span>");
    }
    if (!v.evidence().isEmpty()) {
      o.append("<ul>");
      for (String line : v.evidence()) {
        o.append("<li><mark>");
        Html.text(o, line).append("</mark></li>");
      }
      o.append("</ul>");
    }
    if (v.judgeReasoning() != null && !v.judgeReasoning().isEmpty()) {
      o.append("<div class=\"judge\"><b>Judge:</b> ");
      Html.text(o, v.judgeReasoning()).append("</div>");
    }
    o.append("</div>");
  }

  private static void message(
      StringBuilder o, MessageReport m, int assistantNumber, Evidence evidence) {
    o.append("<div class=\"msg ")
        .append(m.role().name())
        .append(m.error() ? " error" : "")
        .append("\"><div class=\"role\">");
    switch (m.role()) {
      case USER -> o.append("user");
      case ASSISTANT -> o.append("assistant");
      case TOOL -> {
        o.append("tool result · <span class=\"tool\">");
        Html.text(o, m.toolName()).append("</span>");
        if (m.error()) {
          o.append(" · error");
        }
      }
    }
    o.append("</div>");
    if (!m.reasoning().isEmpty()) {
      o.append("<div class=\"reasoning\">");
      highlighted(o, m.reasoning(), evidence.marks(m.reasoning(), 0));
      o.append("</div>");
    }
    if (!m.text().isEmpty()) {
      o.append("<div class=\"txt\">");
      highlighted(o, m.text(), evidence.marks(m.text(), assistantNumber));
      o.append("</div>");
    }
    for (ToolCallReport c : m.toolCalls()) {
      Set<String> cited = evidence.forCall(c.id());
      o.append("<div class=\"call mono").append(cited.isEmpty() ? "" : " cited").append("\"");
      if (!cited.isEmpty()) {
        o.append(" title=\"");
        Html.text(o, "evidence for " + String.join(", ", cited)).append('"');
      }
      o.append(">&rarr; <b>");
      Html.text(o, c.name()).append("</b>(");
      Html.text(o, c.arguments()).append(")</div>");
    }
    o.append("</div>\n");
  }

  private static void highlighted(StringBuilder o, String text, List<Evidence.Mark> marks) {
    int at = 0;
    for (Evidence.Mark mark : marks) {
      Html.text(o, text.substring(at, mark.start()));
      o.append("<mark title=\"");
      Html.text(o, "evidence for " + mark.verdicts()).append("\">");
      Html.text(o, text.substring(mark.start(), mark.end())).append("</mark>");
      at = mark.end();
    }
    Html.text(o, text.substring(at));
  }
}
