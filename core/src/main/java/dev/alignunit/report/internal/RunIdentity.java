package dev.alignunit.report.internal;

import java.time.Instant;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Run and fork ids of the JVM: every Surefire/Failsafe fork of one Maven invocation shares the run
 * id.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class RunIdentity {

  private RunIdentity() {}

  /**
   * In a forked test JVM, the process id and start time of the nearest ancestor Java process
   * (Maven); otherwise this JVM's.
   *
   * @return the run id, such as {@code run-4711-1764150000000}
   */
  public static String runId() {
    ProcessHandle self = ProcessHandle.current();
    String command = System.getProperty("sun.java.command", "");
    if (command.contains("surefire") || command.contains("failsafe")) {
      Optional<ProcessHandle> parent = self.parent();
      while (parent.isPresent()) {
        ProcessHandle p = parent.get();
        if (p.info()
            .command()
            .map(c -> c.endsWith("/java") || c.endsWith("\\java.exe"))
            .orElse(false)) {
          return idOf(p);
        }
        parent = p.parent();
      }
    }
    return idOf(self);
  }

  /**
   * The Surefire fork number, if any, and this process id.
   *
   * @return the fork id, such as {@code fork-2-pid-4711}
   */
  public static String forkId() {
    String number = System.getProperty("surefire.forkNumber");
    String pid = "pid-" + ProcessHandle.current().pid();
    return number != null && number.matches("\\d+") ? "fork-" + number + "-" + pid : pid;
  }

  private static String idOf(ProcessHandle p) {
    long start = p.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    return "run-" + p.pid() + "-" + start;
  }
}
