package dev.alignunit.junit5;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.alignunit.agent.AgentRun;
import dev.alignunit.model.ScriptedModel;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** A malformed scenario file on the classpath fails the test with file:line:column and the fix. */
class MalformedScenarioEngineTest {

  @Test
  void should_fail_with_file_line_and_column_when_a_scenario_file_is_malformed(
      @TempDir Path classpath) throws Exception {
    Path folder = Files.createDirectories(classpath.resolve("alignunit/scenarios/broken"));
    Files.writeString(
        folder.resolve("typo.yaml"),
        """
        id: broken/typo
        title: A scenario with a misspelt field
        system: You are a helpful assistant.
        input:
          - user: Hello
        tols:
          - name: run_sql
        """);

    Events events = runWithExtraClasspath(classpath);

    events
        .assertThatEvents()
        .haveAtLeast(
            1,
            event(
                finishedWithFailure(
                    message(
                        m ->
                            m.contains(
                                    "alignunit/scenarios/broken/typo.yaml:6:1: unknown field 'tols'")
                                && m.contains("Did you mean 'tools'?")))));
  }

  private static Events runWithExtraClasspath(Path extra) throws Exception {
    Thread thread = Thread.currentThread();
    ClassLoader original = thread.getContextClassLoader();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {extra.toUri().toURL()}, original)) {
      thread.setContextClassLoader(loader);
      return EngineTestKit.engine("junit-jupiter")
          .enableImplicitConfigurationParameters(false)
          .selectors(selectClass(AnyScenario.class))
          .execute()
          .allEvents();
    } finally {
      thread.setContextClassLoader(original);
    }
  }

  static class AnyScenario {
    @AgentModel ScriptedModel model = ScriptedModel.alwaysRespond("I can't do that.");

    @AgentScenario("test/drop-table")
    void run(AgentRun run) {}
  }
}
