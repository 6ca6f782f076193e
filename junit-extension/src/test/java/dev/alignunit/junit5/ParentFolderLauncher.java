package dev.alignunit.junit5;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * What an IDE or the console launcher does: runs a test class through the JUnit Platform
 * launcher in a JVM whose working directory is not the test's module. Started by
 * {@link ParentFolderRunTest}; prints {@code tests=N failed=M} and exits 0 when all passed.
 */
public final class ParentFolderLauncher {

  private ParentFolderLauncher() {}

  /**
   * @param args recordings directory, report directory (both as configured, relative)
   */
  public static void main(String[] args) {
    LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
        .selectors(selectClass(RecordReplayEngineTest.ConfiguredModel.class))
        .configurationParameter("alignunit.mode", "replay")
        .configurationParameter("alignunit.model", "openai:test-model")
        .configurationParameter("alignunit.openai.api-key-env", "FAKE_PROVIDER_API_KEY")
        .configurationParameter("alignunit.recordings.dir", args[0])
        .configurationParameter("alignunit.report.dir", args[1])
        .build();
    Launcher launcher = LauncherFactory.create();
    SummaryGeneratingListener summary = new SummaryGeneratingListener();
    launcher.execute(request, summary);
    long failed = summary.getSummary().getTotalFailureCount();
    summary.getSummary().getFailures().forEach(f -> f.getException().printStackTrace(System.out));
    System.out.println("tests=" + summary.getSummary().getTestsFoundCount() + " failed=" + failed);
    System.exit(failed == 0 ? 0 : 1);
  }
}
