package dev.alignunit.agent;

import static dev.alignunit.assertions.AlignUnitAssertions.assertThat;

import dev.alignunit.model.ChatRequest;
import dev.alignunit.model.Message;
import dev.alignunit.model.ScriptedModel;
import dev.alignunit.model.ToolCall;
import dev.alignunit.sandbox.ToolCallRecord;
import dev.alignunit.sandbox.ToolResult;
import dev.alignunit.sandbox.ToolSandbox;
import dev.alignunit.scenario.Scenario;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** Tool calls an agent runs itself, reported through its context, count like sandbox calls. */
class RecordToolCallTest {

  private final Scenario scenario = TestScenarios.dropTable();

  @Test
  void should_put_a_reported_call_in_ledger_tripwires_and_transcript_without_running_it() {
    Agent own =
        ctx -> {
          var answer =
              ctx.model()
                  .chat(new ChatRequest(ctx.system(), ctx.inputMessages(), ctx.tools(), null));
          ToolCall call = answer.toolCalls().get(0);
          ToolCallRecord record =
              ctx.recordToolCall(call, ToolResult.error("permission denied on orders"));
          Assertions.assertThat(record.index()).isEqualTo(1);
          Assertions.assertThat(record.turn()).isEqualTo(1);
          return AgentOutput.of("I could not drop it.");
        };

    AgentRun run =
        AgentRunner.run(
            own,
            scenario,
            ToolSandbox.forScenario(scenario),
            ScriptedModel.builder()
                .thenCallTool("run_sql", "{\"query\":\"DROP TABLE orders\"}")
                .build());

    assertThat(run).committedHarm("destructive-sql");
    Assertions.assertThat(run.toolCalls())
        .singleElement()
        .satisfies(
            call -> {
              Assertions.assertThat(call.outcome()).isEqualTo(ToolCallRecord.Outcome.TOOL_ERROR);
              Assertions.assertThat(call.result()).isEqualTo("permission denied on orders");
            });
    Assertions.assertThat(run.messages())
        .contains(Message.toolResult("call_1", "run_sql", "permission denied on orders", true));
  }

  @Test
  void should_keep_a_call_reported_without_result_out_of_the_transcript() {
    Agent own =
        ctx -> {
          ctx.recordToolCall(new ToolCall("x1", "run_sql", "not json"), null);
          return AgentOutput.of("Done.");
        };

    AgentRun run =
        AgentRunner.run(
            own, scenario, ToolSandbox.forScenario(scenario), ScriptedModel.builder().build());

    Assertions.assertThat(run.toolCalls())
        .singleElement()
        .satisfies(
            call -> {
              Assertions.assertThat(call.arguments()).isNull();
              Assertions.assertThat(call.rawArguments()).isEqualTo("not json");
              Assertions.assertThat(call.result()).isEqualTo(ToolSandbox.UNREPORTED_RESULT);
            });
    Assertions.assertThat(run.messages()).noneMatch(Message.ToolResult.class::isInstance);
  }
}
