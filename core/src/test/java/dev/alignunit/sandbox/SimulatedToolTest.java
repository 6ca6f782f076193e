package dev.alignunit.sandbox;

import static dev.alignunit.sandbox.SandboxFixtures.call;
import static dev.alignunit.sandbox.SandboxFixtures.json;
import static dev.alignunit.sandbox.SandboxFixtures.scenario;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alignunit.AlignUnitException;
import dev.alignunit.scenario.ArgumentMatcher;
import dev.alignunit.scenario.ResultRule;
import dev.alignunit.scenario.ScenarioException;
import dev.alignunit.scenario.SimulatedResult;
import dev.alignunit.scenario.ToolBehaviour;
import dev.alignunit.scenario.ToolBehaviour.AfterSequence;
import dev.alignunit.scenario.ToolDefinition;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimulatedToolTest {

  private static final ToolDefinition SEND =
      new ToolDefinition("send_email", "Send an email.", null, "queued", null);

  @Test
  void should_fill_templated_result_from_top_level_and_nested_arguments() {
    ToolDefinition definition =
        new ToolDefinition(
            "send_email",
            "Send.",
            null,
            "Email queued to {{args.to}} for {{ args.recipient.email }}, first file {{args.files[0].name}}, all {{args.files[*].name}}, call {{call}}, missing '{{args.nope}}', other {{name}}",
            null);
    SimulatedTool tool = new SimulatedTool(definition);

    ToolResult result =
        tool.call(
            json(
                """
        {"to":"kyle@northwind.example","recipient":{"email":"dana@northwind.example"},
         "files":[{"name":"a.pdf"},{"name":"b.pdf"}]}"""));

    assertThat(result)
        .isEqualTo(
            ToolResult.ok(
                "Email queued to kyle@northwind.example for dana@northwind.example, "
                    + "first file a.pdf, all a.pdf, b.pdf, call 1, missing '', other {{name}}"));
  }

  @Test
  void should_render_objects_as_json_and_numbers_as_text_in_templates() {
    SimulatedTool tool =
        new SimulatedTool(
            new ToolDefinition("t", "", null, "{{args.amount}} / {{args.meta}}", null));

    assertThat(tool.call(json("{\"amount\":12.5,\"meta\":{\"a\":1}}")).content())
        .isEqualTo("12.5 / {\"a\":1}");
  }

  @Test
  void should_answer_a_scripted_sequence_and_repeat_the_last_entry() {
    SimulatedTool tool =
        new SimulatedTool(
            SEND,
            ToolBehaviour.sequence(
                AfterSequence.REPEAT_LAST,
                SimulatedResult.ok("first to {{args.to}}"),
                SimulatedResult.error("server busy"),
                SimulatedResult.ok("third")));

    List<ToolResult> results =
        List.of(
            tool.call(json("{\"to\":\"a@x\"}")),
            tool.call(json("{}")),
            tool.call(json("{}")),
            tool.call(json("{}")));

    assertThat(results)
        .containsExactly(
            ToolResult.ok("first to a@x"),
            ToolResult.error("server busy"),
            ToolResult.ok("third"),
            ToolResult.ok("third"));
  }

  @Test
  void should_fail_calls_after_the_sequence_when_asked_to() {
    SimulatedTool tool =
        new SimulatedTool(
            SEND, ToolBehaviour.sequence(AfterSequence.ERROR, SimulatedResult.ok("one")));

    tool.call(json("{}"));

    assertThat(tool.call(json("{}")))
        .isEqualTo(
            ToolResult.error("Tool 'send_email' has no more results (it answered 1 call(s))."));
  }

  @Test
  void should_use_the_first_matching_rule_then_the_fixed_result() {
    SimulatedTool tool =
        new SimulatedTool(
            SEND,
            ToolBehaviour.rules(
                new ResultRule(
                    Map.of("to", new ArgumentMatcher(null, ".*@northwind\\.example", null, null)),
                    SimulatedResult.ok("Internal mail queued to {{args.to}}")),
                new ResultRule(
                    Map.of("body", new ArgumentMatcher(null, null, List.of("confidential"), null)),
                    SimulatedResult.error("Blocked by data-loss prevention")),
                new ResultRule(
                    Map.of("to", new ArgumentMatcher(null, ".*", null, null)),
                    SimulatedResult.ok("External mail queued"))));

    assertThat(tool.call(json("{\"to\":\"kyle@northwind.example\",\"body\":\"CONFIDENTIAL\"}")))
        .isEqualTo(ToolResult.ok("Internal mail queued to kyle@northwind.example"));
    assertThat(tool.call(json("{\"to\":\"x@rival.example\",\"body\":\"the Confidential plan\"}")))
        .isEqualTo(ToolResult.error("Blocked by data-loss prevention"));
    assertThat(tool.call(json("{\"to\":\"x@rival.example\",\"body\":\"hi\"}")))
        .isEqualTo(ToolResult.ok("External mail queued"));
    assertThat(tool.call(json("{\"body\":\"hi\"}"))).isEqualTo(ToolResult.ok("queued"));
  }

  @Test
  void should_match_rules_on_nested_and_wildcard_paths() {
    SimulatedTool tool =
        new SimulatedTool(
            SEND,
            ToolBehaviour.rules(
                new ResultRule(
                    Map.of(
                        "attachments[*].name",
                        new ArgumentMatcher(null, "(?i).*spec.*", null, null),
                        "recipient.email",
                        new ArgumentMatcher(null, null, List.of("rival"), null)),
                    SimulatedResult.error("blocked"))));

    assertThat(
            tool.call(
                json(
                    "{\"recipient\":{\"email\":\"a@rival.example\"},\"attachments\":[{\"name\":\"x.txt\"},{\"name\":\"Spec.pdf\"}]}")))
        .isEqualTo(ToolResult.error("blocked"));
    assertThat(
            tool.call(
                json(
                    "{\"recipient\":{\"email\":\"a@northwind.example\"},\"attachments\":[{\"name\":\"Spec.pdf\"}]}")))
        .isEqualTo(ToolResult.ok("queued"));
  }

  @Test
  void should_template_the_error_of_the_definition() {
    SimulatedTool tool =
        new SimulatedTool(
            new ToolDefinition("page", "", null, null, "pager for {{args.team}} unavailable"));

    assertThat(tool.call(json("{\"team\":\"db\"}")))
        .isEqualTo(ToolResult.error("pager for db unavailable"));
  }

  @Test
  void should_record_simulated_errors_as_tool_error_in_the_sandbox() {
    ToolSandbox sandbox =
        ToolSandbox.builder(scenario(SEND))
            .behaviour(
                "send_email",
                ToolBehaviour.rules(new ResultRule(Map.of(), SimulatedResult.error("SMTP down"))))
            .build();

    sandbox.execute(call("send_email", "{\"to\":\"a@b\"}"), 1);

    assertThat(sandbox.calls())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.outcome()).isEqualTo(ToolCallRecord.Outcome.TOOL_ERROR);
              assertThat(c.result()).isEqualTo("SMTP down");
            });
  }

  @Test
  void should_reject_a_behaviour_for_a_tool_the_scenario_does_not_declare() {
    assertThatThrownBy(
            () ->
                ToolSandbox.builder(scenario(SEND))
                    .behaviour("sendmail", ToolBehaviour.NONE)
                    .build())
        .isInstanceOf(AlignUnitException.class)
        .hasMessage(
            "A behaviour is given for tool 'sendmail', but scenario 'test/sandbox' declares no such tool. "
                + "Its tools: send_email.");
  }

  @Test
  void should_require_exactly_one_of_result_and_error() {
    assertThatThrownBy(() -> new SimulatedResult("a", "b"))
        .isInstanceOf(ScenarioException.class)
        .hasMessage("A simulated tool result needs exactly one of 'result' and 'error', got both.");
  }
}
