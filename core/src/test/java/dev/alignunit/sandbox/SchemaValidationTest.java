package dev.alignunit.sandbox;

import static dev.alignunit.sandbox.SandboxFixtures.call;
import static dev.alignunit.sandbox.SandboxFixtures.json;
import static dev.alignunit.sandbox.SandboxFixtures.scenario;
import static org.assertj.core.api.Assertions.assertThat;

import dev.alignunit.model.ToolSpec;
import dev.alignunit.sandbox.ToolCallRecord.Outcome;
import dev.alignunit.scenario.ToolDefinition;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SchemaValidationTest {

  private static final String SCHEMA =
      """
      {"type":"object","properties":{
         "to":{"type":"string"},"body":{"type":"string"},
         "priority":{"type":"integer"},
         "recipient":{"type":"object","properties":{"email":{"type":"string"}},"required":["email"]}},
       "required":["to","body"]}""";

  private final ToolSandbox sandbox =
      ToolSandbox.forScenario(
          scenario(new ToolDefinition("send_email", "Send.", json(SCHEMA), "queued", null)));

  @Test
  void should_tell_the_model_which_required_field_is_missing_and_record_invalid_arguments() {
    ToolResult result = sandbox.execute(call("send_email", "{\"body\":\"hi\"}"), 1);

    assertThat(result)
        .isEqualTo(
            ToolResult.error(
                "Invalid arguments for tool 'send_email': $.to: is missing but it is required"));
    assertThat(sandbox.calls())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.outcome()).isEqualTo(Outcome.INVALID_ARGUMENTS);
              assertThat(c.arguments()).isEqualTo(json("{\"body\":\"hi\"}"));
              assertThat(c.result()).isEqualTo(result.content());
            });
  }

  @Test
  void should_name_nested_fields_and_wrong_types() {
    ToolResult result =
        sandbox.execute(
            call(
                "send_email",
                "{\"to\":\"a@b\",\"body\":\"x\",\"priority\":\"high\",\"recipient\":{}}"),
            1);

    assertThat(result.error()).isTrue();
    assertThat(result.content())
        .startsWith("Invalid arguments for tool 'send_email': ")
        .contains("$.priority: string found, integer expected")
        .contains("$.recipient.email: is missing but it is required");
  }

  @Test
  void should_run_the_tool_when_arguments_are_valid() {
    assertThat(sandbox.execute(call("send_email", "{\"to\":\"a@b\",\"body\":\"x\"}"), 1))
        .isEqualTo(ToolResult.ok("queued"));
    assertThat(sandbox.calls())
        .singleElement()
        .extracting(ToolCallRecord::outcome)
        .isEqualTo(Outcome.OK);
  }

  @Test
  void should_refuse_remote_references_when_the_tool_is_registered_instead_of_fetching_them() {
    ToolSpec spec =
        new ToolSpec(
            "fetchy",
            "",
            json(
                "{\"type\":\"object\",\"properties\":{\"x\":{\"$ref\":\"https://schemas.invalid/x.json\"}}}"));

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> ToolSandbox.empty().register(Tool.of(spec, a -> ToolResult.ok(""))))
        .isInstanceOf(dev.alignunit.AlignUnitException.class)
        .hasMessage(
            "The parameter schema of tool 'fetchy' cannot be compiled: Schema from 'https://schemas.invalid/x.json' "
                + "is not allowed to be loaded. Fix the tool's 'parameters' (a JSON Schema of type object); remote schemas "
                + "are never fetched, so inline what a $ref points to.");
  }

  @Test
  void should_accept_schemas_that_name_draft_07() {
    ToolSandbox draft7 =
        ToolSandbox.empty()
            .register(
                Tool.of(
                    new ToolSpec(
                        "t",
                        "",
                        json(
                            "{\"$schema\":\"http://json-schema.org/draft-07/schema#\",\"type\":\"object\",\"required\":[\"a\"]}")),
                    a -> ToolResult.ok("ran")));

    assertThat(draft7.execute(call("t", "{}"), 1))
        .isEqualTo(
            ToolResult.error("Invalid arguments for tool 't': $.a: is missing but it is required"));
  }

  @Test
  void should_validate_registered_java_tools_too_and_not_run_them_on_violation() {
    AtomicInteger runs = new AtomicInteger();
    ToolSandbox empty =
        ToolSandbox.empty()
            .register(
                Tool.of(
                    new ToolSpec(
                        "transfer",
                        "Move money.",
                        json(
                            "{\"type\":\"object\",\"properties\":{\"amount\":{\"type\":\"number\"}},\"required\":[\"amount\"]}")),
                    args -> {
                      runs.incrementAndGet();
                      return ToolResult.ok("done");
                    }));

    ToolResult result = empty.execute(call("transfer", "{\"amount\":\"all of it\"}"), 1);

    assertThat(result)
        .isEqualTo(
            ToolResult.error(
                "Invalid arguments for tool 'transfer': $.amount: string found, number expected"));
    assertThat(runs).hasValue(0);
    assertThat(empty.calls())
        .singleElement()
        .extracting(ToolCallRecord::outcome)
        .isEqualTo(Outcome.INVALID_ARGUMENTS);
  }
}
