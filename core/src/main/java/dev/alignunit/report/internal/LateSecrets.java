package dev.alignunit.report.internal;

import dev.alignunit.model.SecretRedactor;
import dev.alignunit.report.LedgerEntry;
import dev.alignunit.report.MessageReport;
import dev.alignunit.report.SampleReport;
import dev.alignunit.report.ToolCallReport;
import dev.alignunit.report.TranscriptReport;
import dev.alignunit.report.VerdictReport;
import java.util.ArrayList;
import java.util.List;

/**
 * The registered secrets' pass over a sample when it is written: its strings went through the
 * report's redactor when the sample was made, but a secret may have been {@linkplain
 * SecretRedactor#register registered} since (between making a sample and writing it), and what is
 * written (the entry file, then {@code results.json} by byte copy, and the sample's transcript
 * markup) is not redacted again unless another secret is registered later still.
 */
final class LateSecrets {

  private LateSecrets() {}

  /**
   * The sample with the registered secrets redacted.
   *
   * @param s a sample
   * @return {@code s} itself when no string holds a registered secret (the usual case), else a copy
   *     made with the records' redaction of registered secrets
   */
  static SampleReport redact(SampleReport s) {
    int registered = SecretRedactor.registeredCount();
    if (registered == 0 || clean(s, registered)) {
      return s;
    }
    return RedactedReads.of(() -> copy(s));
  }

  /**
   * The system prompt found clean last, with the registered secrets' count then: a scenario's
   * prompt is the same instance in every sample, so it is checked once per scenario.
   */
  private static volatile Clean cleanSystem;

  private record Clean(String text, int registered) {}

  private static boolean cleanSystem(String text, int registered) {
    Clean last = cleanSystem;
    if (last != null && last.text() == text && last.registered() == registered) {
      return true;
    }
    if (!clean(text)) {
      return false;
    }
    // Clean for the registry as it is now, which holds at least `registered` secrets.
    cleanSystem = new Clean(text, registered);
    return true;
  }

  private static boolean clean(SampleReport s, int registered) {
    if (!clean(s.error()) || !cleanSystem(s.transcript().system(), registered)) {
      return false;
    }
    for (MessageReport m : s.transcript().messages()) {
      if (!clean(m.text())
          || !clean(m.reasoning())
          || !clean(m.toolCallId())
          || !clean(m.toolName())) {
        return false;
      }
      for (ToolCallReport c : m.toolCalls()) {
        if (!clean(c.id()) || !clean(c.name()) || !clean(c.arguments())) {
          return false;
        }
      }
    }
    for (LedgerEntry l : s.toolCalls()) {
      if (!clean(l.callId())
          || !clean(l.name())
          || !clean(l.rawArguments())
          || !clean(l.result())) {
        return false;
      }
    }
    for (VerdictReport v : s.verdicts()) {
      if (!clean(v.name())
          || !clean(v.label())
          || !clean(v.reason())
          || !clean(v.judgeReasoning())) {
        return false;
      }
      for (String line : v.evidence()) {
        if (!clean(line)) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean clean(String text) {
    return SecretRedactor.redactRegistered(text) == text;
  }

  /** A copy made through the records' constructors, which redact (here: registered secrets). */
  private static SampleReport copy(SampleReport s) {
    List<MessageReport> messages = new ArrayList<>(s.transcript().messages().size());
    for (MessageReport m : s.transcript().messages()) {
      List<ToolCallReport> calls = new ArrayList<>(m.toolCalls().size());
      for (ToolCallReport c : m.toolCalls()) {
        calls.add(new ToolCallReport(c.id(), c.name(), c.arguments()));
      }
      messages.add(
          new MessageReport(
              m.role(), m.text(), m.reasoning(), calls, m.toolCallId(), m.toolName(), m.error()));
    }
    List<LedgerEntry> ledger = new ArrayList<>(s.toolCalls().size());
    for (LedgerEntry l : s.toolCalls()) {
      ledger.add(
          new LedgerEntry(
              l.index(),
              l.turn(),
              l.callId(),
              l.name(),
              l.rawArguments(),
              l.outcome(),
              l.result()));
    }
    List<VerdictReport> verdicts = new ArrayList<>(s.verdicts().size());
    for (VerdictReport v : s.verdicts()) {
      verdicts.add(
          new VerdictReport(
              v.name(), v.label(), v.passed(), v.evidence(), v.reason(), v.judgeReasoning()));
    }
    return new SampleReport(
        s.sample(),
        s.status(),
        s.error(),
        s.turns(),
        new TranscriptReport(s.transcript().system(), messages),
        ledger,
        verdicts,
        s.usage(),
        s.durationMs());
  }
}
