package dev.alignunit.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every invalid document fails with {@code source:line:column: what; how to fix}, to the letter.
 */
class ScenarioValidationTest {

  static Stream<Arguments> invalidDocuments() {
    return Stream.of(
        Arguments.of(
            "unknown_field",
            "bad.yaml",
            "id: demo/x\ntitle: t\ntols: []\n",
            "bad.yaml:3:1: unknown field 'tols' in scenario; known fields: id, title, description, tags, variables, system, input, tools, environment, secrets, channels, harms, expect. Did you mean 'tools'?"),
        Arguments.of(
            "missing_id",
            "bad.yaml",
            "title: t\n",
            "bad.yaml:1:1: missing required field 'id' in scenario; add for example 'id: refusal/drop-production-table' (lowercase segments of [a-z0-9._-] separated by '/')"),
        Arguments.of(
            "null_id",
            "bad.yaml",
            "id:\n",
            "bad.yaml:1:4: missing required field 'id' in scenario; add for example 'id: refusal/drop-production-table' (lowercase segments of [a-z0-9._-] separated by '/')"),
        Arguments.of(
            "invalid_id",
            "bad.yaml",
            "id: Misalignment/Black Mail\n",
            "bad.yaml:1:5: invalid id 'Misalignment/Black Mail'; use lowercase segments of [a-z0-9._-] separated by '/', for example 'misalignment/black-mail'"),
        Arguments.of(
            "duplicate_tool",
            "bad.yaml",
            "id: demo/x\ntools:\n  - name: a\n  - name: a\n",
            "bad.yaml:4:11: duplicate tool name 'a' (first declared at line 3); rename or remove one of them"),
        Arguments.of(
            "undeclared_tripwire_tool_with_suggestion",
            "bad.yaml",
            "id: demo/x\ntools:\n  - name: send_email\nharms:\n  - id: h\n    when: { tool: send_mail }\n",
            "bad.yaml:6:19: harm 'h' names tool 'send_mail', which the scenario does not declare; declared tools: send_email. Did you mean 'send_email'?"),
        Arguments.of(
            "undeclared_tripwire_tool_without_tools",
            "bad.yaml",
            "id: demo/x\nharms:\n  - id: h\n    when: { tool: send_mail }\n",
            "bad.yaml:4:19: harm 'h' names tool 'send_mail', which the scenario does not declare; declare it under 'tools'"),
        Arguments.of(
            "tripwire_without_tool_or_text",
            "bad.yaml",
            "id: demo/x\nharms:\n  - id: h\n    description: d\n    when: {}\n",
            "bad.yaml:5:11: tripwire of harm 'h' has neither 'tool' nor 'text'; add 'tool: <tool name>' (with optional 'arguments') or 'text: <regular expression>' (or 'anyOf', 'allOf', 'emailSent', 'fileWritten', 'leak', 'leverage', 'sql', 'disparages', 'total')"),
        Arguments.of(
            "invalid_text_regex",
            "bad.yaml",
            "id: demo/x\nharms:\n  - id: h\n    when:\n      text: 'a(b'\n",
            "bad.yaml:5:13: invalid regular expression in harms[0].when.text: missing closing ) in 'a(b'; escape special characters such as . ( [ { with a backslash"),
        Arguments.of(
            "parameters_not_object_type",
            "bad.yaml",
            "id: demo/x\ntools:\n  - name: t\n    parameters: { type: string }\n",
            "bad.yaml:4:25: tools[0].parameters of tool 't' must have 'type: object' (tool arguments are a JSON object), got the text 'string'; write a JSON Schema object such as '{ type: object, properties: { to: { type: string } }, required: [to] }'"),
        Arguments.of(
            "parameters_not_a_mapping",
            "bad.yaml",
            "id: demo/x\ntools:\n  - name: t\n    parameters: [a]\n",
            "bad.yaml:4:17: tools[0].parameters of tool 't' must be an object schema, got a list; write a JSON Schema object such as '{ type: object, properties: { to: { type: string } }, required: [to] }'"),
        Arguments.of(
            "parameters_without_type",
            "bad.yaml",
            "id: demo/x\ntools:\n  - name: t\n    parameters: { properties: {} }\n",
            "bad.yaml:4:17: tools[0].parameters of tool 't' must have 'type: object' (tool arguments are a JSON object); write a JSON Schema object such as '{ type: object, properties: { to: { type: string } }, required: [to] }'"),
        Arguments.of(
            "input_item_with_two_roles",
            "bad.yaml",
            "id: demo/x\ninput:\n  - user: a\n    assistant: b\n",
            "bad.yaml:3:5: input[0] must have exactly one of 'user' or 'assistant', got fields user, assistant; write each turn as its own item, '- user: text' or '- assistant: text'"),
        Arguments.of(
            "tool_item_not_a_mapping",
            "bad.yaml",
            "id: demo/x\ntools:\n  - name: a\n  - b\n",
            "bad.yaml:4:5: tools[1] must be a tool with fields name, description, parameters, result, error, rules, sequence, afterSequence, got the text 'b'"),
        Arguments.of(
            "rule_item_with_unknown_field",
            "bad.yaml",
            "id: demo/x\ntools:\n  - name: a\n    rules:\n      - { result: ok }\n      - { reslt: ok }\n",
            "bad.yaml:6:11: unknown field 'reslt' in tools[0].rules[1]; known fields: when, result, error. Did you mean 'result'?"),
        Arguments.of(
            "harm_item_not_a_mapping",
            "bad.yaml",
            "id: demo/x\nharms:\n  - [h]\n",
            "bad.yaml:3:5: harms[0] must be a harm with fields id, description, intent, when, got a list"),
        Arguments.of(
            "email_item_not_a_mapping",
            "bad.yaml",
            "id: demo/x\nenvironment:\n  mailbox:\n    - e-1\n",
            "bad.yaml:4:7: environment.mailbox[0] must be an email with fields id, from, to, cc, timestamp, subject, body, attachments, got the text 'e-1'"),
        Arguments.of(
            "attachment_item_not_a_mapping",
            "bad.yaml",
            "id: demo/x\nenvironment:\n  mailbox:\n    - { id: e-1, from: a@b.example, attachments: [x.pdf] }\n",
            "bad.yaml:4:51: environment.mailbox[0].attachments[0] must be an attachment with fields name, content, got the text 'x.pdf'"),
        Arguments.of(
            "secret_item_not_a_mapping",
            "bad.yaml",
            "id: demo/x\nsecrets:\n  - spec\n",
            "bad.yaml:3:5: secrets[0] must be a secret with fields id, description, concerns, from, facts, aliases, got the text 'spec'"),
        Arguments.of(
            "channel_item_not_a_mapping",
            "bad.yaml",
            "id: demo/x\nchannels:\n  - outside\n",
            "bad.yaml:3:5: channels[0] must be a channel with fields id, outside, people, anyoneExcept, folders, outsideFolders, tools, got the text 'outside'"),
        Arguments.of(
            "input_item_not_a_mapping",
            "bad.yaml",
            "id: demo/x\ninput:\n  - hello\n",
            "bad.yaml:3:5: input[0] must have exactly one of 'user' or 'assistant', got the text 'hello'; write each turn as its own item, '- user: text' or '- assistant: text'"),
        Arguments.of(
            "input_item_with_unknown_role",
            "bad.yaml",
            "id: demo/x\ninput:\n  - usr: hi\n",
            "bad.yaml:3:5: unknown field 'usr' in input[0]; known fields: user, assistant. Did you mean 'user'?"),
        Arguments.of(
            "input_item_without_text",
            "bad.yaml",
            "id: demo/x\ninput:\n  - user:\n",
            "bad.yaml:3:5: input[0].user is empty; write the message text"),
        Arguments.of(
            "duplicate_harm_id",
            "bad.yaml",
            "id: demo/x\nharms:\n  - id: h\n    when: { text: a }\n  - id: h\n    when: { text: b }\n",
            "bad.yaml:5:9: duplicate harm id 'h' (first declared at line 3); give each harm its own id"),
        Arguments.of(
            "unknown_placeholder_with_suggestion",
            "bad.yaml",
            "id: demo/x\nsystem: Hello {{nmae}}\nvariables: { name: [a, b] }\n",
            "bad.yaml:2:9: unknown placeholder {{nmae}} in system; declared variables: name. Declare it under 'variables' or fix the name (placeholders starting with 'args.' are tool-result templates). Did you mean 'name'?"),
        Arguments.of(
            "placeholder_without_variables",
            "bad.yaml",
            "id: demo/x\nsystem: Hello {{name}}\n",
            "bad.yaml:2:9: unknown placeholder {{name}} in system; the scenario declares no variables. Declare it under 'variables' or fix the name (placeholders starting with 'args.' are tool-result templates)."),
        Arguments.of(
            "yaml_flow_syntax",
            "bad.yaml",
            "id: [a\nb: c\n",
            "bad.yaml:2:2: invalid YAML: expected ',' or ']', but got : (while parsing a flow sequence at line 1); fix the syntax (indent with spaces, and quote text that contains ': ' or ' #' or starts with one of * & ! { [ | > ' \" % @ `)"),
        Arguments.of(
            "yaml_mapping_in_plain_text",
            "bad.yaml",
            "id: demo/x\nsystem: a: b\n",
            "bad.yaml:2:10: invalid YAML: mapping values are not allowed here; fix the syntax (indent with spaces, and quote text that contains ': ' or ' #' or starts with one of * & ! { [ | > ' \" % @ `)"),
        Arguments.of(
            "yaml_tab_indentation",
            "bad.yaml",
            "id: demo/x\nsystem:\n\t- b\n",
            "bad.yaml:3:1: invalid YAML: found character '\\t(TAB)' that cannot start any token. (Do not use \\t(TAB) for indentation); fix the syntax (indent with spaces, and quote text that contains ': ' or ' #' or starts with one of * & ! { [ | > ' \" % @ `)"),
        Arguments.of(
            "json_syntax",
            "bad.json",
            "{\"id\": \"demo/x\",\n \"tools\": [1,}",
            "bad.json:2:14: invalid JSON: Unexpected character ('}' (code 125)): expected a value; fix the syntax"),
        Arguments.of(
            "json_unknown_field",
            "bad.json",
            "{\"id\": \"demo/x\",\n \"tols\": []}",
            "bad.json:2:2: unknown field 'tols' in scenario; known fields: id, title, description, tags, variables, system, input, tools, environment, secrets, channels, harms, expect. Did you mean 'tools'?"),
        Arguments.of(
            "empty_file",
            "bad.yaml",
            "",
            "bad.yaml:1:1: the file is empty; a scenario needs at least 'id: <id>', for example 'id: refusal/drop-production-table'"),
        Arguments.of(
            "second_document",
            "bad.yaml",
            "id: demo/x\n---\nid: demo/y\n",
            "bad.yaml:3:1: a second document starts here; a scenario file holds exactly one scenario, so move this one to its own file"),
        Arguments.of(
            "duplicate_field",
            "bad.yaml",
            "id: demo/x\nid: demo/y\n",
            "bad.yaml:2:1: duplicate field 'id' (first at line 1); remove one of them"),
        Arguments.of(
            "root_is_list",
            "bad.yaml",
            "- id: demo/x\n",
            "bad.yaml:1:1: a scenario file must be a mapping of fields (id, title, description, tags, variables, system, input, tools, environment, secrets, channels, harms, expect), got a list"),
        Arguments.of(
            "tags_not_a_list",
            "bad.yaml",
            "id: demo/x\ntags: misalignment\n",
            "bad.yaml:2:7: tags must be a list of text, such as '[a, b]', got the text 'misalignment'"),
        Arguments.of(
            "expect_refusal_not_boolean",
            "bad.yaml",
            "id: demo/x\nexpect: { refusal: maybe }\n",
            "bad.yaml:2:20: expect.refusal must be true or false, got the text 'maybe'"),
        Arguments.of(
            "matcher_on_undeclared_parameter",
            "bad.yaml",
            "id: demo/x\ntools:\n  - name: t\n    parameters: { type: object, properties: { to: {type: string} } }\nharms:\n  - id: h\n    when:\n      tool: t\n      arguments: { too: { equals: x } }\n",
            "bad.yaml:9:20: harm 'h' matches argument 'too', but tool 't' has no such parameter; its parameters: to. Did you mean 'to'?"),
        Arguments.of(
            "matcher_without_condition",
            "bad.yaml",
            "id: demo/x\ntools:\n  - name: t\nharms:\n  - id: h\n    when:\n      tool: t\n      arguments: { to: { } }\n",
            "bad.yaml:8:24: harms[0].when.arguments.to has no condition; use one or more of equals, matches, containsAny, containsAll, means"),
        Arguments.of(
            "invalid_matches_regex",
            "bad.yaml",
            "id: demo/x\ntools:\n  - name: t\nharms:\n  - id: h\n    when:\n      tool: t\n      arguments: { to: { matches: '[a' } }\n",
            "bad.yaml:8:35: invalid regular expression in harms[0].when.arguments.to.matches: missing closing ] in '[a'; escape special characters such as . ( [ { with a backslash"),
        Arguments.of(
            "empty_contains_any",
            "bad.yaml",
            "id: demo/x\ntools:\n  - name: t\nharms:\n  - id: h\n    when:\n      tool: t\n      arguments: { to: { containsAny: [] } }\n",
            "bad.yaml:8:39: harms[0].when.arguments.to.containsAny is empty; give at least one text or remove it"),
        Arguments.of(
            "arguments_without_tool",
            "bad.yaml",
            "id: demo/x\nharms:\n  - id: h\n    when:\n      text: a\n      arguments: { to: { equals: 1 } }\n",
            "bad.yaml:6:18: tripwire of harm 'h' has 'arguments' but no 'tool'; add the tool whose arguments they match"),
        Arguments.of(
            "result_and_error",
            "bad.yaml",
            "id: demo/x\ntools:\n  - name: t\n    result: a\n    error: b\n",
            "bad.yaml:5:12: tool 't' sets both 'result' and 'error'; keep 'result' for a tool that succeeds or 'error' for one that always fails"),
        Arguments.of(
            "invalid_tool_name",
            "bad.yaml",
            "id: demo/x\ntools:\n  - name: send email\n",
            "bad.yaml:3:11: invalid tool name 'send email'; use 1 to 64 letters, digits, '_' or '-' (model providers reject other names), for example 'send_email'"),
        Arguments.of(
            "variable_without_values",
            "bad.yaml",
            "id: demo/x\nvariables:\n  goal: []\n",
            "bad.yaml:3:9: variable 'goal' has no values; give at least one"),
        Arguments.of(
            "variable_as_text",
            "bad.yaml",
            "id: demo/x\nvariables:\n  goal: text\n",
            "bad.yaml:3:9: variable 'goal' must be a list of values, such as 'goal: [a, b]', or a mapping from value to text, such as 'goal: { a: \"text for a\", b: \"\" }'; got the text 'text'"),
        Arguments.of(
            "duplicate_variable_value",
            "bad.yaml",
            "id: demo/x\nvariables:\n  goal: [a, a]\n",
            "bad.yaml:3:13: duplicate value 'a' of variable 'goal'; list each value once"),
        Arguments.of(
            "variable_value_with_separator",
            "bad.yaml",
            "id: demo/x\nvariables:\n  goal: ['a,b']\n",
            "bad.yaml:3:10: value 'a,b' of variable 'goal' contains one of , ; | = [ ], which variant selections and names use; use a short word such as 'explicit'"),
        Arguments.of(
            "variable_cycle",
            "bad.yaml",
            "id: demo/x\nvariables:\n  a: { x: '{{b}}' }\n  b: { y: '{{a}}' }\n",
            "bad.yaml:3:3: the texts of variables refer to each other in a cycle a -> b -> a; remove one of the references"),
        Arguments.of(
            "yaml_alias",
            "bad.yaml",
            "id: demo/x\nvariables:\n  a: &v [x]\n  b: *v\n",
            "bad.yaml:4:6: YAML aliases ('*v') are not supported; write the value out in full"),
        Arguments.of(
            "required_not_in_properties",
            "bad.yaml",
            "id: demo/x\ntools:\n  - name: t\n    parameters: { type: object, properties: { a: {type: string} }, required: [b] }\n",
            "bad.yaml:4:79: tools[0].parameters.required names 'b', which is not in tools[0].parameters.properties (a); add the property or fix the name"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidDocuments")
  void should_fail_with_location_and_fix_when_document_is_invalid(
      String problem, String source, String content, String expectedMessage) {
    assertThatThrownBy(() -> ScenarioCatalog.parse(content, source))
        .isInstanceOf(ScenarioException.class)
        .hasMessage(expectedMessage);
  }

  @Test
  void should_keep_the_jackson_exception_as_cause_when_syntax_is_broken() {
    ScenarioException e =
        catchThrowableOfType(
            ScenarioException.class,
            () -> ScenarioCatalog.parse("id: [a\nb: c\n", "alignunit/scenarios/bad.yaml"));

    assertThat(e.getMessage())
        .startsWith("alignunit/scenarios/bad.yaml:2:2: invalid YAML: ")
        .doesNotContain("\n")
        .doesNotContain("at [Source");
    assertThat(e.getCause()).isInstanceOf(JsonProcessingException.class);
  }

  @Test
  void should_report_the_unknown_field_where_it_is_written_in_a_fixture_file() {
    assertThatThrownBy(() -> Fixtures.parse("broken/typo.yaml"))
        .isInstanceOf(ScenarioException.class)
        .hasMessage(
            "broken/typo.yaml:7:1: unknown field 'tols' in scenario; known fields: id, title,"
                + " description, tags, variables, system, input, tools, environment, secrets, channels, harms, expect. Did you mean 'tools'?");
  }

  @Test
  void should_report_every_broken_file_together_when_loading_a_folder() {
    URL fixtures = getClass().getClassLoader().getResource("scenario-fixtures/");
    try (URLClassLoader loader = new URLClassLoader(new URL[] {fixtures}, null)) {
      assertThatThrownBy(() -> ScenarioCatalog.fromClasspath(loader, "broken"))
          .isInstanceOf(ScenarioException.class)
          .hasMessage(
              """
              3 problems in scenario files under classpath folder 'broken/':
              broken/bad-regex.json:8:17: invalid regular expression in harms[0].when.text: missing closing ) in '(leak|'; escape special characters such as . ( [ { with a backslash
              broken/typo.yaml:7:1: unknown field 'tols' in scenario; known fields: id, title, description, tags, variables, system, input, tools, environment, secrets, channels, harms, expect. Did you mean 'tools'?
              Duplicate scenario ID 'broken/same' in broken/same-a.yml and broken/same-b.yml; give each scenario its own ID.""")
          .satisfies(e -> assertThat(e.getSuppressed()).hasSize(2));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
