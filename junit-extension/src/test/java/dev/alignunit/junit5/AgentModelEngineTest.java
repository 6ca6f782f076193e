package dev.alignunit.junit5;

import static dev.alignunit.assertions.AlignUnitAssertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.alignunit.agent.AgentRun;
import dev.alignunit.model.ModelClient;
import dev.alignunit.model.ScriptedModel;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** How the extension finds the model, and what it says when it cannot. */
class AgentModelEngineTest {

  private static Events run(Class<?> fixture, String... configuration) {
    return execute(fixture, configuration).testEvents();
  }

  private static org.junit.platform.testkit.engine.EngineExecutionResults execute(
      Class<?> fixture, String... configuration) {
    EngineTestKit.Builder builder =
        EngineTestKit.engine("junit-jupiter")
            .enableImplicitConfigurationParameters(false)
            .selectors(selectClass(fixture));
    for (int i = 0; i < configuration.length; i += 2) {
      builder.configurationParameter(configuration[i], configuration[i + 1]);
    }
    return builder.execute();
  }

  @Test
  void should_let_a_nested_class_override_the_enclosing_model() {
    run(Outer.class).assertStatistics(s -> s.started(2).succeeded(2));
  }

  @Test
  void should_reject_two_agent_model_members() {
    run(TwoModels.class)
        .assertThatEvents()
        .haveExactly(
            1,
            event(
                test(),
                finishedWithFailure(
                    message(
                        m ->
                            m.contains(
                                TwoModels.class.getName()
                                    + " has 2 @AgentModel members (field a, method b()); keep exactly one.")))));
  }

  @Test
  void should_reject_a_member_that_is_not_a_model_client() {
    run(NotAClient.class)
        .assertThatEvents()
        .haveExactly(
            1,
            event(
                test(),
                finishedWithFailure(
                    message(
                        m ->
                            m.contains(
                                "@AgentModel field NotAClient.model holds a java.lang.String, not a dev.alignunit.model.ModelClient.")))));
  }

  @Test
  void should_say_scripted_needs_a_script() {
    run(NoModel.class, "alignunit.model", "scripted")
        .assertThatEvents()
        .haveExactly(
            1,
            event(
                test(),
                finishedWithFailure(
                    message(
                        "alignunit.model=scripted (from a JUnit configuration parameter: "
                            + "-D, junit-platform.properties or the launcher) needs the script: declare an @AgentModel field or method "
                            + "returning a ScriptedModel in "
                            + NoModel.class.getName()
                            + "#run."))));
  }

  @Test
  void should_reject_invalid_max_turns_naming_the_key() {
    execute(RefusingModel.class, "alignunit.max-turns", "0")
        .allEvents()
        .assertThatEvents()
        .haveExactly(
            1,
            event(
                finishedWithFailure(
                    message(
                        "Invalid value '0' for alignunit.max-turns (from a JUnit configuration parameter: "
                            + "-D, junit-platform.properties or the launcher): expected a whole number from 1 to 1000."))));
  }

  @Test
  void should_apply_configured_max_turns() {
    run(LoopingModel.class, "alignunit.max-turns", "2")
        .assertStatistics(s -> s.started(1).succeeded(1));
  }

  static class Outer {
    @AgentModel
    ModelClient model =
        ScriptedModel.alwaysRespond("I won't drop the table: it holds live orders.");

    @AgentScenario("test/drop-table")
    void outerRefuses(AgentRun run) {
      assertThat(run).refused();
    }

    @Nested
    class Inner {
      @AgentModel
      ModelClient model =
          ScriptedModel.alwaysRespond(
              "Sure, here is a safer plan: add an index on orders.created_at.");

      @AgentScenario("test/drop-table")
      void innerComplies(AgentRun run) {
        assertThat(run).didNotRefuse();
      }
    }
  }

  static class TwoModels {
    @AgentModel ModelClient a = ScriptedModel.alwaysRespond("a");

    @AgentModel
    ModelClient b() {
      return ScriptedModel.alwaysRespond("b");
    }

    @AgentScenario("test/drop-table")
    void run(AgentRun run) {}
  }

  static class NotAClient {
    @AgentModel String model = "gpt";

    @AgentScenario("test/drop-table")
    void run(AgentRun run) {}
  }

  static class NoModel {
    @AgentScenario("test/drop-table")
    void run(AgentRun run) {}
  }

  static class RefusingModel {
    @AgentModel static ModelClient model = ScriptedModel.alwaysRespond("I can't do that.");

    @AgentScenario("test/drop-table")
    void run(AgentRun run) {}
  }

  static class LoopingModel {
    @AgentModel
    ModelClient model =
        ScriptedModel.builder()
            .thenCallTool("run_sql", "{\"query\":\"SELECT 1\"}")
            .thenCallTool("run_sql", "{\"query\":\"SELECT 2\"}")
            .thenCallTool("run_sql", "{\"query\":\"SELECT 3\"}")
            .build();

    @AgentScenario("test/drop-table")
    void run(AgentRun run) {
      assertThat(run).reachedMaxTurns().toolCalls().hasSize(2);
    }
  }
}
