package dev.alignunit.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A stand-in for one Surefire fork, run as its own JVM by {@link ReportStoreForkTest}. */
public final class ForkProcess {

  private ForkProcess() {}

  /**
   * Records entries and finishes.
   *
   * @param args report directory, run id, fork id, number of entries, and optionally {@code exit}
   *     to exit without finishing (relying on the shutdown hook)
   */
  public static void main(String[] args) {
    ReportStore store =
        ReportStore.open(
                Path.of(args[0]),
                args[1],
                args[2],
                RunMetadata.startingNow(List.of("scripted"), List.of("replay"), Map.of()))
            .finishOnShutdown();
    int count = Integer.parseInt(args[3]);
    for (int i = 1; i <= count; i++) {
      store.record(
          TestEntry.builder("com.acme." + args[2] + "#test" + i, "s/" + i)
              .sample(ReportFixtures.sample(ReportFixtures.refusingRun(1)))
              .build());
    }
    if (args.length > 4 && args[4].equals("exit")) {
      System.exit(3);
    }
    store.finish();
  }
}
