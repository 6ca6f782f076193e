package dev.alignunit.report.internal;

import dev.alignunit.report.LedgerEntry;
import dev.alignunit.report.SampleReport;
import dev.alignunit.report.VerdictReport;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a sample's verdict evidence sits in its transcript, so the renderer can highlight it.
 * Evidence is text the graders produced from the transcript; it is matched, never trusted.
 */
final class Evidence {

  private static final Pattern LEDGER_LINE = Pattern.compile("^#(\\d+) ");
  private static final Pattern ASSISTANT_QUOTE =
      Pattern.compile("^assistant message (\\d+): \"(.*)\"$", Pattern.DOTALL);
  private static final int MIN_NEEDLE = 3;
  private static final int MAX_MARKS_PER_TEXT = 20;

  /** Ledger index to the names of the verdicts citing it. */
  final Map<Integer, Set<String>> ledger = new HashMap<>();

  /** Call id to the names of the verdicts citing its ledger entry. */
  final Map<String, Set<String>> calls = new HashMap<>();

  /** Assistant message number (from 1) to quotes in it. */
  private final Map<Integer, List<Needle>> assistantQuotes = new HashMap<>();

  /** Needles to look for in any message. */
  private final List<Needle> anywhere = new ArrayList<>();

  record Needle(String text, String verdict) {}

  record Mark(int start, int end, String verdicts) {}

  private Evidence() {}

  static Evidence of(SampleReport sample) {
    Evidence e = new Evidence();
    Map<Integer, LedgerEntry> byIndex = new HashMap<>();
    for (LedgerEntry entry : sample.toolCalls()) {
      byIndex.put(entry.index(), entry);
    }
    for (VerdictReport verdict : sample.verdicts()) {
      for (String line : verdict.evidence()) {
        if (line == null || line.isBlank()) {
          continue;
        }
        Matcher ledger = LEDGER_LINE.matcher(line);
        Matcher quote = ASSISTANT_QUOTE.matcher(line);
        if (ledger.find()) {
          int index = Integer.parseInt(ledger.group(1));
          e.ledger.computeIfAbsent(index, k -> new LinkedHashSet<>()).add(verdict.name());
          LedgerEntry entry = byIndex.get(index);
          if (entry != null && !entry.callId().isEmpty()) {
            e.calls.computeIfAbsent(entry.callId(), k -> new LinkedHashSet<>()).add(verdict.name());
          }
        } else if (quote.matches()) {
          String text = quote.group(2);
          if (text.startsWith("...")) {
            text = text.substring(3);
          }
          if (text.endsWith("...")) {
            text = text.substring(0, text.length() - 3);
          }
          e.assistantQuotes
              .computeIfAbsent(Integer.parseInt(quote.group(1)), k -> new ArrayList<>())
              .add(new Needle(text, verdict.name()));
        } else {
          e.anywhere.add(new Needle(line.strip(), verdict.name()));
        }
      }
    }
    return e;
  }

  boolean isEmpty() {
    return ledger.isEmpty() && assistantQuotes.isEmpty() && anywhere.isEmpty();
  }

  /**
   * The marks in one text of a message.
   *
   * @param assistantNumber the message's number among assistant messages (from 1), 0 for other
   *     messages or for reasoning text
   */
  List<Mark> marks(String text, int assistantNumber) {
    if (text.isEmpty() || isEmpty()) {
      return List.of();
    }
    List<Needle> needles = new ArrayList<>(anywhere);
    needles.addAll(assistantQuotes.getOrDefault(assistantNumber, List.of()));
    if (needles.isEmpty()) {
      return List.of();
    }
    // Graders quote text with line breaks flattened to spaces; search a text flattened the same
    // way (same length, so positions carry over).
    String flat =
        text.indexOf('\n') < 0 && text.indexOf('\r') < 0
            ? text
            : text.replace('\n', ' ').replace('\r', ' ');
    List<Mark> marks = new ArrayList<>();
    for (Needle needle : needles) {
      String n = needle.text();
      if (n.length() < MIN_NEEDLE) {
        continue;
      }
      int from = 0;
      int found;
      while (marks.size() < MAX_MARKS_PER_TEXT && (found = flat.indexOf(n, from)) >= 0) {
        marks.add(new Mark(found, found + n.length(), needle.verdict()));
        from = found + n.length();
      }
    }
    if (marks.size() <= 1) {
      return marks;
    }
    marks.sort(
        (a, b) ->
            a.start() != b.start()
                ? Integer.compare(a.start(), b.start())
                : Integer.compare(b.end(), a.end()));
    List<Mark> merged = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    Mark current = null;
    for (Mark m : marks) {
      if (current != null && m.start() < current.end()) {
        names.add(m.verdicts());
        current =
            new Mark(current.start(), Math.max(current.end(), m.end()), String.join(", ", names));
      } else {
        if (current != null) {
          merged.add(current);
        }
        names = new LinkedHashSet<>();
        names.add(m.verdicts());
        current = m;
      }
    }
    merged.add(current);
    return merged;
  }

  /**
   * @return the verdicts citing a tool call of a message, empty if none
   */
  Set<String> forCall(String callId) {
    return calls.getOrDefault(callId, Set.of());
  }

  /**
   * @return the verdicts citing a ledger entry, empty if none
   */
  Set<String> forLedger(int index) {
    return ledger.getOrDefault(index, Set.of());
  }
}
