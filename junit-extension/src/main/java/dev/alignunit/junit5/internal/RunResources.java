package dev.alignunit.junit5.internal;

import dev.alignunit.agent.Budget;
import dev.alignunit.config.ConfigurationKeys;
import dev.alignunit.internal.StaleTemporaryFiles;
import dev.alignunit.model.ModelClients;
import dev.alignunit.model.SecretRedactor;
import dev.alignunit.report.ReportStore;
import dev.alignunit.report.RunMetadata;
import dev.alignunit.scenario.ScenarioCatalog;
import dev.alignunit.stats.BaselineFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What the tests of one module in a test run share, kept in the root context's store:
 * configuration, the scenario catalog, the HTTP model clients (one pool per provider), the request
 * budget, the baseline and the report. Relative paths of the configuration (recordings, baseline,
 * report) resolve against the module of the test classes ({@link ModulePaths}), never against the
 * working directory. Closed by JUnit when the run ends: closes the HTTP clients, writes an updated
 * baseline and finishes the report (at the end of the launcher session when one is open, see {@link
 * ReportSessions}).
 */
final class RunResources implements StoreResource {

  private final Settings settings;
  private final Path module;

  /** Quiet in an engine run inside another test (EngineTestKit), which also prints no summary. */
  private final Console console;

  private final Budget budget;
  private ScenarioCatalog catalog;
  private ModelClients clients;
  private BaselineFile baseline;
  private ReportStore report;
  private boolean closed;

  RunResources(Settings settings, Path module, Console console) {
    this.settings = settings;
    this.module = module;
    this.console = console;
    this.budget = Budget.of(settings.maxRequests(), settings.maxTokens());
    // Every output of the run (report, messages, recordings) redacts the configured keys and
    // base-URL credentials, also in replay runs that never create a network client.
    SecretRedactor.register(Recordings.secrets(settings.providers()));
    SecretRedactor.registerUrlCredentials(settings.providers().openAiBaseUrl());
    SecretRedactor.registerUrlCredentials(settings.providers().anthropicBaseUrl());
    // A hard kill between writing a recording and moving it into place leaves a hidden temporary
    // file.
    StaleTemporaryFiles.remove(
        settings.recordingsDir(), Integer.MAX_VALUE, java.time.Instant.now());
  }

  /**
   * Joins the run's shared report now, when the first test class of this JVM starts, rather than
   * when its first test finishes: another Surefire fork that finishes meanwhile then sees this one
   * as still running and prints "so far" instead of totals that miss this JVM's tests.
   *
   * @return these resources
   */
  RunResources joinReport() {
    report();
    return this;
  }

  Settings settings() {
    return settings;
  }

  /**
   * @return the absolute directory of the module whose tests share these resources
   */
  Path module() {
    return module;
  }

  /**
   * @return the recordings directory, absolute
   */
  Path recordingsDir() {
    return module.resolve(settings.recordingsDir()).normalize();
  }

  /**
   * @return the report directory, absolute
   */
  Path reportDir() {
    return module.resolve(settings.reportDir()).normalize();
  }

  /**
   * @return the baseline file, absolute
   */
  Path baselineFile() {
    return module.resolve(settings.baselineFile()).normalize();
  }

  Budget budget() {
    return budget;
  }

  synchronized ScenarioCatalog catalog() {
    if (catalog == null) {
      catalog = ScenarioCatalog.fromClasspath();
    }
    return catalog;
  }

  synchronized ModelClients clients() {
    if (clients == null) {
      clients = new ModelClients(settings.providers());
    }
    return clients;
  }

  synchronized BaselineFile baseline() {
    if (baseline == null) {
      baseline = BaselineFile.load(baselineFile());
    }
    return baseline;
  }

  synchronized ReportStore report() {
    if (report == null) {
      List<String> models =
          settings.model().map(v -> List.of(v.value().toString())).orElse(List.of());
      report =
          ReportStore.shared(
              reportDir(),
              runId(),
              ReportStore.inferForkId(),
              () ->
                  RunMetadata.startingNow(
                      models,
                      List.of(settings.mode().name().toLowerCase(Locale.ROOT)),
                      settings.snapshot()));
    }
    return report;
  }

  /**
   * @return where the extension's console lines go ({@code [alignunit] ...})
   */
  Console console() {
    return console;
  }

  /**
   * The configured {@code alignunit.report.run-id} (validated by {@link Settings#read}), else the
   * inferred one.
   */
  private String runId() {
    String configured = settings.snapshot().get(ConfigurationKeys.REPORT_RUN_ID.name());
    return configured == null ? ReportStore.inferRunId() : configured;
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (report == null) {
        return;
      }
      if (console.quiet()) {
        report.finish();
      } else if (ReportSessions.sessionOpen()) {
        ReportSessions.finishWithSession(report);
      } else {
        ReportSessions.finishAndPrint(report);
      }
    } finally {
      closeRest();
    }
  }

  private void closeRest() {
    try {
      if (baseline != null && settings.baselineUpdate()) {
        baseline.write();
        console.accept("Baseline written: " + baseline.path().toAbsolutePath());
      }
    } finally {
      if (clients != null) {
        clients.close();
      }
    }
  }
}
