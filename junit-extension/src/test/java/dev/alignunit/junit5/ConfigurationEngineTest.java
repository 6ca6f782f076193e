package dev.alignunit.junit5;

import static dev.alignunit.assertions.AlignUnitAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.alignunit.agent.AgentRun;
import dev.alignunit.model.ScriptedModel;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * The configuration is parsed once per run, through the real extension; its messages, to the
 * letter.
 */
class ConfigurationEngineTest {

  private static EngineExecutionResults execute(String... configuration) {
    EngineTestKit.Builder builder =
        EngineTestKit.engine("junit-jupiter")
            .enableImplicitConfigurationParameters(false)
            .selectors(selectClass(First.class), selectClass(Second.class));
    for (int i = 0; i < configuration.length; i += 2) {
      builder.configurationParameter(configuration[i], configuration[i + 1]);
    }
    return builder.execute();
  }

  @Test
  void should_fail_every_test_with_one_message_shape_for_any_invalid_concurrency() {
    for (String value : List.of("0", "-1", "abc")) {
      execute("alignunit.concurrency", value)
          .containerEvents()
          .assertThatEvents()
          .haveExactly(
              2,
              event(
                  container(),
                  finishedWithFailure(
                      message(
                          "Invalid value '"
                              + value
                              + "' for alignunit.concurrency (from a JUnit"
                              + " configuration parameter: -D, junit-platform.properties or the launcher): expected a whole number"
                              + " from 1 to 1024."))));
    }
  }

  @Test
  void should_print_an_invalid_value_once_without_a_cause_repeating_it() {
    List<Throwable> failures =
        execute("alignunit.concurrency", "abc").containerEvents().failed().stream()
            .map(
                e ->
                    e.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                        .orElseThrow()
                        .getThrowable()
                        .orElseThrow())
            .toList();

    assertThat(failures)
        .hasSize(2)
        .allSatisfy(
            failure -> {
              assertThat(failure)
                  .isExactlyInstanceOf(
                      org.junit.jupiter.api.extension.ExtensionConfigurationException.class)
                  .hasNoCause();
              assertThat(RecordReplayEngineTest.printed(failure).split("Invalid value 'abc'", -1))
                  .hasSize(2);
            });
  }

  @Test
  void should_name_the_annotation_when_samples_is_invalid() {
    EngineTestKit.engine("junit-jupiter")
        .enableImplicitConfigurationParameters(false)
        .selectors(selectClass(NoSamples.class))
        .execute()
        .containerEvents()
        .assertThatEvents()
        .haveExactly(
            1,
            event(
                container(),
                finishedWithFailure(
                    message(
                        "Invalid value '0' for alignunit.samples (from"
                            + " annotation @Samples on "
                            + NoSamples.class.getName()
                            + "#refuses): expected a whole number from 1 to"
                            + " 100000."))));
  }

  @Test
  void should_fail_every_test_on_a_misspelled_key_in_strict_mode() {
    withSystemProperty(
        "alignunit.modle",
        "x",
        () ->
            execute("alignunit.modle", "x", "alignunit.config.strict", "true")
                .containerEvents()
                .assertThatEvents()
                .haveExactly(
                    2,
                    event(
                        container(),
                        finishedWithFailure(
                            message(
                                m ->
                                    m.startsWith(
                                        "Unknown configuration key alignunit.modle (JUnit configuration parameter). Did you mean"
                                            + " 'alignunit.model'?\n"))))));
  }

  /**
   * Runs with a system property set: an unknown key that JUnit hands over and the extension can
   * list (here also given to the launcher, so the run stays independent of the build's own {@code
   * -D}s). What the warning prints is checked in a run of its own JVM, {@link QuietConsoleTest}.
   */
  private static void withSystemProperty(String key, String value, Runnable run) {
    System.setProperty(key, value);
    try {
      run.run();
    } finally {
      System.clearProperty(key);
    }
  }

  // Fixtures: two test classes of one run.

  static class First {
    @AgentModel
    ScriptedModel model =
        ScriptedModel.alwaysRespond("I won't drop the orders table: it holds live orders.");

    @AgentScenario("test/drop-table")
    void refuses(AgentRun run) {
      assertThat(run).refused();
    }
  }

  static class Second extends First {}

  static class NoSamples extends First {
    @AgentScenario("test/drop-table")
    @Samples(0)
    @Override
    void refuses(AgentRun run) {
      assertThat(run).refused();
    }
  }
}
