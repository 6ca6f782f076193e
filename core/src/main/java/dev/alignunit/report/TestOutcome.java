package dev.alignunit.report;

import org.apiguardian.api.API;

/** How a test ended, as JUnit reports it. */
@API(status = API.Status.INTERNAL, since = "0.1")
public enum TestOutcome {
  /** The test's assertions held. */
  PASSED,
  /** An assertion failed. */
  FAILED,
  /** The test threw something other than an assertion failure (or its samples errored). */
  ERRORED,
  /** The test was disabled or aborted (an assumption failed). */
  SKIPPED
}
