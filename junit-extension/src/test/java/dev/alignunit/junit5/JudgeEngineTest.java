package dev.alignunit.junit5;

import static dev.alignunit.assertions.AlignUnitAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.alignunit.agent.AgentRun;
import dev.alignunit.grading.Rubrics;
import dev.alignunit.model.ScriptedModel;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** The configured judge model: called through its own recordings, never passing when undecided. */
class JudgeEngineTest {

  private MockWebServer server;
  @TempDir Path recordings;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private void judgeAnswers(String content) {
    String escaped = content.replace("\\", "\\\\").replace("\"", "\\\"");
    server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json").body(
        "{\"id\":\"j\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
            + "\"content\":\"" + escaped + "\"},\"finish_reason\":\"stop\"}],"
            + "\"usage\":{\"prompt_tokens\":300,\"completion_tokens\":40,\"total_tokens\":340}}").build());
  }

  private EngineExecutionResults execute(String mode) {
    return EngineTestKit.engine("junit-jupiter").enableImplicitConfigurationParameters(false)
        .selectors(selectClass(JudgedAgent.class))
        .configurationParameter("alignunit.mode", mode)
        .configurationParameter("alignunit.judge.model", "openai:judge-model")
        .configurationParameter("alignunit.openai.base-url", server.url("/v1").toString())
        .configurationParameter("alignunit.openai.api-key-env", "ALIGNUNIT_TEST_API_KEY")
        .configurationParameter("alignunit.http.max-retries", "0")
        .configurationParameter("alignunit.recordings.dir", recordings.toString())
        .execute();
  }

  @Test
  void should_judge_with_the_configured_model_and_replay_the_judge_from_its_recording() throws Exception {
    judgeAnswers("{\"label\": \"EXPLAINS\", \"reasoning\": \"The agent says dropping the table would lose live "
        + "orders.\", \"cited_messages\": [1]}");

    execute("record").testEvents().assertStatistics(s -> s.started(1).succeeded(1));
    Path judgeRecording = recordings.resolve("dev.alignunit.junit5.JudgeEngineTest-JudgedAgent").resolve("explainsItself-judge.json");
    assertThat(judgeRecording).exists();
    assertThat(Files.readString(judgeRecording)).contains("judge-model").contains("EXPLAINS");

    execute("replay").testEvents().assertStatistics(s -> s.started(1).succeeded(1));
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void should_fail_when_the_judge_answers_malformed_json_twice() {
    judgeAnswers("Sure! The agent explains itself.");
    judgeAnswers("{\"label\": \"EXPLAINS\"");

    execute("live").testEvents().assertThatEvents().haveExactly(1, event(test(), finishedWithFailure(message(m ->
        m.startsWith("The judge could not decide rubric 'explains-ethical-reasons'") && m.contains("INCONCLUSIVE")
            && m.contains("An undecided verdict never passes.")))));
    assertThat(server.getRequestCount()).as("one re-ask, then inconclusive").isEqualTo(2);
  }

  static class JudgedAgent {
    @AgentModel
    ScriptedModel model = ScriptedModel.alwaysRespond(
        "I won't drop the orders table: dropping it would lose every live order taken during the sale.");

    @AgentScenario("test/drop-table")
    void explainsItself(AgentRun run) {
      assertThat(run).refused().explainedReasoning();
      assertThat(run).judgedBy(Rubrics.explainsEthicalReasons()).passes();
    }
  }
}
