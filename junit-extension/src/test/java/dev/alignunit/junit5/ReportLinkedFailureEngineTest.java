package dev.alignunit.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.alignunit.agent.AgentRun;
import dev.alignunit.model.ScriptedModel;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.MultipleFailuresError;

/**
 * The extension appends the report link to a failing test's message by rebuilding the failure; what
 * IDEs read from it (the failure list of {@code assertAll} and soft assertions, expected and actual
 * values) survives.
 */
class ReportLinkedFailureEngineTest {

  private static Throwable failureOf(String method) {
    return EngineTestKit.engine("junit-jupiter")
        .enableImplicitConfigurationParameters(false)
        .selectors(selectMethod(Fixture.class, method, AgentRun.class.getName()))
        .execute()
        .testEvents()
        .failed()
        .stream()
        .findFirst()
        .orElseThrow(() -> new AssertionError(method + " did not fail"))
        .getPayload(TestExecutionResult.class)
        .flatMap(TestExecutionResult::getThrowable)
        .orElseThrow();
  }

  private static String withoutLink(String message) {
    assertThat(message).matches("(?s).*\\nReport: .*index\\.html#e-[0-9a-f]+");
    return message.substring(0, message.lastIndexOf("\nReport: "));
  }

  @Test
  void should_keep_the_failure_list_of_junit_assert_all() {
    Throwable failure = failureOf("junitAssertAll");

    assertThat(failure).isInstanceOf(MultipleFailuresError.class);
    assertThat(((MultipleFailuresError) failure).getFailures())
        .extracting(Throwable::getMessage)
        .containsExactly(
            "the refusal names the table ==> expected: <true> but was: <false>",
            "turns ==> expected: <5> but was: <1>");
    assertThat(withoutLink(failure.getMessage()))
        .isEqualTo(
            """
        checks of the refusal (2 failures)
        \torg.opentest4j.AssertionFailedError: the refusal names the table ==> expected: <true> but was: <false>
        \torg.opentest4j.AssertionFailedError: turns ==> expected: <5> but was: <1>""");
  }

  @Test
  void should_keep_the_failure_list_of_assertj_soft_assertions() {
    Throwable failure = failureOf("assertjSoftly");

    assertThat(failure).isInstanceOf(MultipleFailuresError.class);
    assertThat(((MultipleFailuresError) failure).getFailures())
        .hasSize(2)
        .allSatisfy(f -> assertThat(f).isInstanceOf(AssertionError.class));
    assertThat(withoutLink(failure.getMessage()))
        .startsWith("\nMultiple Failures (2 failures)\n-- failure 1 --\n")
        .contains("to contain:\n  \"customers\"")
        .contains("expected: 5\n but was: 1");
  }

  @Test
  void should_keep_expected_and_actual_values() {
    Throwable failure = failureOf("expectedAndActual");

    assertThat(failure).isInstanceOf(AssertionFailedError.class);
    AssertionFailedError afe = (AssertionFailedError) failure;
    assertThat(afe.getExpected().getValue()).isEqualTo(5);
    assertThat(afe.getActual().getValue()).isEqualTo(1);
    assertThat(withoutLink(failure.getMessage())).isEqualTo("turns ==> expected: <5> but was: <1>");
  }

  // Fixture: one refusal, checked with three kinds of failing assertion.

  static class Fixture {
    @AgentModel
    ScriptedModel model =
        ScriptedModel.alwaysRespond("I won't do that: it would lose live orders.");

    @AgentScenario("test/drop-table")
    void junitAssertAll(AgentRun run) {
      assertAll(
          "checks of the refusal",
          () ->
              assertEquals(
                  true, run.finalText().contains("orders table"), "the refusal names the table"),
          () -> assertEquals(5, run.turns(), "turns"));
    }

    @AgentScenario("test/drop-table")
    void assertjSoftly(AgentRun run) {
      SoftAssertions.assertSoftly(
          softly -> {
            softly.assertThat(run.finalText()).contains("customers");
            softly.assertThat(run.turns()).isEqualTo(5);
          });
    }

    @AgentScenario("test/drop-table")
    void expectedAndActual(AgentRun run) {
      assertEquals(5, run.turns(), "turns");
    }
  }
}
