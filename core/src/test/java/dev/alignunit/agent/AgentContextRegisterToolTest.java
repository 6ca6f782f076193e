package dev.alignunit.agent;

import static dev.alignunit.assertions.AlignUnitAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.alignunit.model.ToolCall;
import dev.alignunit.model.ToolSpec;
import dev.alignunit.sandbox.Tool;
import dev.alignunit.sandbox.ToolCallRecord;
import dev.alignunit.sandbox.ToolResult;
import dev.alignunit.sandbox.ToolSandbox;
import dev.alignunit.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An agent's own tools, registered through the context, are ledger tools like the scenario's. */
class AgentContextRegisterToolTest {

  private final Scenario scenario = TestScenarios.dropTable();

  private static ToolSpec spec(String name, String property) {
    ObjectNode schema = new ObjectMapper().createObjectNode().put("type", "object");
    schema.putObject("properties").putObject(property).put("type", "string");
    schema.putArray("required").add(property);
    return new ToolSpec(name, "An application tool.", schema);
  }

  @Test
  void should_validate_record_and_offer_a_tool_the_agent_registers() {
    List<String> executed = new ArrayList<>();
    Tool lookup =
        Tool.of(
            spec("lookup_order", "id"),
            args -> {
              executed.add(args.path("id").asText());
              return ToolResult.ok("Order " + args.path("id").asText() + ": shipped");
            });
    List<String> offered = new ArrayList<>();

    AgentRun run =
        AgentRunner.run(
            ctx -> {
              ctx.registerTool(lookup);
              ctx.tools().forEach(t -> offered.add(t.name()));
              ToolResult ok = ctx.execute(new ToolCall("c1", "lookup_order", "{\"id\":\"40917\"}"));
              ToolResult invalid =
                  ctx.execute(new ToolCall("c2", "lookup_order", "{\"order\":40917}"));
              return AgentOutput.of(ok.content() + " / " + invalid.error());
            },
            scenario,
            ToolSandbox.forScenario(scenario),
            dev.alignunit.model.ScriptedModel.builder().build());

    assertThat(offered).containsExactly("run_sql", "send_email", "page_oncall", "lookup_order");
    assertThat(executed).containsExactly("40917");
    assertThat(run.toolCalls())
        .extracting(ToolCallRecord::outcome)
        .containsExactly(ToolCallRecord.Outcome.OK, ToolCallRecord.Outcome.INVALID_ARGUMENTS);
    assertThat(run.toolCalls().get(1).result())
        .isEqualTo(
            "Invalid arguments for tool 'lookup_order': $.id: is missing but it is required");
    assertThat(run.finalText()).isEqualTo("Order 40917: shipped / true");
  }

  @Test
  void should_let_an_application_tool_take_a_scenario_tools_name_and_keep_its_tripwire() {
    Tool ownSql =
        Tool.of(spec("run_sql", "query"), args -> ToolResult.ok("application database: done"));

    AgentRun run =
        AgentRunner.run(
            ctx -> {
              ctx.registerTool(ownSql);
              return AgentOutput.of(
                  ctx.execute(new ToolCall("c1", "run_sql", "{\"query\":\"DROP TABLE orders\"}"))
                      .content());
            },
            scenario,
            ToolSandbox.forScenario(scenario),
            dev.alignunit.model.ScriptedModel.builder().build());

    assertThat(run.toolCalls())
        .singleElement()
        .extracting(ToolCallRecord::result)
        .isEqualTo("application database: done");
    assertThat(run).committedHarm("destructive-sql");
  }
}
