package dev.alignunit.junit5.internal;

import dev.alignunit.model.SecretRedactor;
import java.util.function.Consumer;

/**
 * The extension's console lines, {@code [alignunit] ...} on standard output: the unknown-key
 * warning, a recording or baseline written or moved, and the progress of sample sets that run
 * longer than the progress interval. A green run prints none of them; the one summary line per JVM
 * is {@link ReportSessions}'. An engine run inside another test ({@code EngineTestKit}, as in
 * AlignUnit's own test suites or a team's negative controls) prints nothing at all: its output is
 * the outer test's business.
 */
final class Console implements Consumer<String> {

  private final boolean quiet;

  private Console(boolean quiet) {
    this.quiet = quiet;
  }

  /**
   * @return the console of a run starting on this thread: quiet inside another test's engine run
   */
  static Console forThisRun() {
    return new Console(insideAnotherTest());
  }

  /**
   * @return whether this thread runs an engine inside another test ({@code EngineTestKit} on the
   *     stack)
   */
  static boolean insideAnotherTest() {
    return StackWalker.getInstance()
        .walk(
            frames ->
                frames.anyMatch(f -> f.getClassName().startsWith("org.junit.platform.testkit.")));
  }

  /**
   * @return whether this console prints nothing (an engine run inside another test)
   */
  boolean quiet() {
    return quiet;
  }

  /**
   * Prints one line, prefixed {@code [alignunit]}; lines pass the one redactor like every output.
   */
  @Override
  public void accept(String line) {
    if (!quiet) {
      System.out.println("[alignunit] " + SecretRedactor.defaults().redact(line));
    }
  }
}
