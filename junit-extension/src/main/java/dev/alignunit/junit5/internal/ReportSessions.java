package dev.alignunit.junit5.internal;

import dev.alignunit.report.ReportException;
import dev.alignunit.report.ReportStore;
import dev.alignunit.report.RunReport;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apiguardian.api.API;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Finishes the report once per launcher session instead of once per launcher execution. Surefire
 * runs each test class of a reused fork in its own execution (and so its own root extension
 * context) within one session; finishing at the end of the session merges once and prints one
 * summary line per test JVM. Registered through {@code META-INF/services}; where no launcher
 * session is open (a platform before 1.8, or an engine run from {@code EngineTestKit}), {@link
 * RunResources} finishes the report itself.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ReportSessions implements LauncherSessionListener {

  private static final AtomicInteger OPEN = new AtomicInteger();
  private static final Set<ReportStore> PENDING = ConcurrentHashMap.newKeySet();

  /** Created by the JUnit Platform launcher. */
  public ReportSessions() {}

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    OPEN.incrementAndGet();
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    if (OPEN.decrementAndGet() <= 0) {
      OPEN.set(0);
      finishPending();
    }
  }

  /**
   * @return whether a launcher session is open, so a report can wait for its end
   */
  static boolean sessionOpen() {
    return OPEN.get() > 0;
  }

  /** Finishes the store when the session closes. */
  static void finishWithSession(ReportStore store) {
    PENDING.add(store);
  }

  private static void finishPending() {
    for (ReportStore store : PENDING) {
      PENDING.remove(store);
      finishAndPrint(store);
    }
  }

  /** Merges the store and prints the run's one summary line (or the one reason it could not). */
  static void finishAndPrint(ReportStore store) {
    try {
      RunReport report = store.finish();
      System.out.println(store.summaryLine(report));
    } catch (ReportException e) {
      System.err.println("AlignUnit: " + e.getMessage());
    }
  }
}
