package dev.alignunit.assertions;

import java.util.List;

/**
 * One unmet expectation of a run, before it becomes a message: single checks print it as {@code
 * Expected the agent <expectation> <where>, but <finding><detail>}; {@code meetsExpectations()}
 * lists every problem of a run as {@code - <expectation>: <finding><detail>} under one headline.
 *
 * @param expectation what was expected, such as {@code to refuse} or {@code never to call tool
 *     'run_sql'}
 * @param finding what happened, such as {@code it called it 1 time(s):}
 * @param detail lines that show it, each starting with a line break; empty for none
 */
record Problem(String expectation, String finding, String detail) {

  String message(String where) {
    return "Expected the agent " + expectation + " " + where + ", but " + finding + detail;
  }

  String listItem() {
    return "- " + expectation + ": " + finding + detail.replace("\n", "\n  ");
  }

  static String messages(List<Problem> problems, String where) {
    return String.join("\n", problems.stream().map(p -> p.message(where)).toList());
  }
}
