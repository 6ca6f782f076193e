package dev.alignunit.junit5;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * What an IDE or the console launcher does: runs a test class through the JUnit Platform launcher
 * in a JVM of its own (a real run, not an engine run inside a test), possibly in a working
 * directory that is not the test's module. Started by {@link ParentFolderRunTest} and {@link
 * QuietConsoleTest}, which read all it prints; prints {@code tests=N failed=M} and exits 0 when all
 * passed.
 */
public final class ParentFolderLauncher {

  private ParentFolderLauncher() {}

  /**
   * @param args the test classes (separated by commas), then configuration parameters as {@code
   *     key=value}
   */
  public static void main(String[] args) throws ClassNotFoundException {
    LauncherDiscoveryRequestBuilder builder = LauncherDiscoveryRequestBuilder.request();
    for (String name : args[0].split(",")) {
      builder.selectors(selectClass(Class.forName(name)));
    }
    for (int i = 1; i < args.length; i++) {
      int equals = args[i].indexOf('=');
      builder.configurationParameter(args[i].substring(0, equals), args[i].substring(equals + 1));
    }
    LauncherDiscoveryRequest request = builder.build();
    Launcher launcher = LauncherFactory.create();
    SummaryGeneratingListener summary = new SummaryGeneratingListener();
    launcher.execute(request, summary);
    long failed = summary.getSummary().getTotalFailureCount();
    summary.getSummary().getFailures().forEach(f -> f.getException().printStackTrace(System.out));
    System.out.println("tests=" + summary.getSummary().getTestsFoundCount() + " failed=" + failed);
    System.exit(failed == 0 ? 0 : 1);
  }
}
