package dev.alignunit.scenario;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Files that used to escape as raw exceptions, or to fail only at test time, fail when they are
 * loaded, with AlignUnit's own exception naming file, line and column.
 */
class ScenarioFileErrorsTest {

  private static final String BASE =
      """
      id: test/errors
      input:
        - user: Hi.
      """;

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      null recipient         | environment: { mailbox: [ { id: e-1, from: a@x.example, to: [b@x.example, ~] } ] } | bad.yaml:4:75: environment.mailbox[0].to[1] is empty (null); remove the item or write its text (quote '~' and 'null' to mean the words)
      null matcher text      | tools: [ { name: t, parameters: { type: object, properties: { a: { type: string } } } } ]\\nharms: [ { id: h, when: { tool: t, arguments: { a: { containsAny: [x, ~] } } } } ] | bad.yaml:5:71: harms[0].when.arguments.a.containsAny[1] is empty (null); remove the item or write its text (quote '~' and 'null' to mean the words)
      file and folder        | environment: { files: { notes: "a", notes/today.md: "b" } } | bad.yaml:4:37: environment.files: 'notes' is a file, so 'notes/today.md' cannot be inside it (see line 4); a path is either a file or a folder, so rename one of them
      folder and file        | environment: { files: { drafts/: "", drafts: "text" } } | bad.yaml:4:38: environment.files: 'drafts' is both a file and a folder (see line 4); a path is either a file or a folder, so rename one of them
      absolute fixture path  | environment: { files: { /etc/passwd: "root" } } | bad.yaml:4:25: file path '/etc/passwd' in environment.files is absolute or starts with '~'; give paths relative to the workspace root, such as 'docs/spec.md'
      misspelt schema type   | tools: [ { name: t, parameters: { type: object, properties: { a: { type: strin } } } } ] | bad.yaml:4:74: invalid JSON Schema in tools[0].parameters.properties.a.type of tool 't': does not have a value in the enumeration ["array", "boolean", "integer", "null", "number", "object", "string"]; fix the schema (JSON Schema draft 2020-12; remote $refs are never fetched)
      schema pattern         | tools: [ { name: t, parameters: { type: object, properties: { a: { type: string, pattern: "(" } } } } ] | bad.yaml:4:33: invalid JSON Schema in tools[0].parameters of tool 't': Unclosed group near index 1; fix the schema (JSON Schema draft 2020-12; remote $refs are never fetched)
      unresolvable $ref      | tools: [ { name: t, parameters: { type: object, properties: { a: { $ref: "#/$defs/none" } } } } ] | bad.yaml:4:33: invalid JSON Schema in tools[0].parameters of tool 't': Reference /$defs/none cannot be resolved; fix the schema (JSON Schema draft 2020-12; remote $refs are never fetched)
      """)
  void should_fail_when_loaded_naming_file_line_and_column(
      String name, String yaml, String message) {
    assertThatThrownBy(
            () -> ScenarioCatalog.parse(BASE + yaml.replace("\\n", "\n") + "\n", "bad.yaml"))
        .isExactlyInstanceOf(ScenarioException.class)
        .hasMessage(message);
  }

  @Test
  void should_report_every_bad_file_of_a_folder_and_never_let_one_hide_the_others(
      @TempDir Path root) throws Exception {
    Path folder = Files.createDirectories(root.resolve("alignunit/scenarios"));
    Files.writeString(
        folder.resolve("a-null.yaml"), BASE.replace("test/errors", "test/a") + "tags: [x, ~]\n");
    Files.write(
        folder.resolve("b-latin1.yaml"),
        "id: test/b\ntitle: caf\u00e9\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    Files.writeString(folder.resolve("c-good.yaml"), BASE.replace("test/errors", "test/c"));

    try (URLClassLoader loader = new URLClassLoader(new URL[] {root.toUri().toURL()}, null)) {
      assertThatThrownBy(() -> ScenarioCatalog.fromClasspath(loader, "alignunit/scenarios"))
          .isExactlyInstanceOf(ScenarioException.class)
          .hasMessage(
              """
              2 problems in scenario files under classpath folder 'alignunit/scenarios/':
              alignunit/scenarios/a-null.yaml:4:11: tags[1] is empty (null); remove the item or write its text \
              (quote '~' and 'null' to mean the words)
              alignunit/scenarios/b-latin1.yaml:1:1: the file is not UTF-8 text (Input length = 1); save it as UTF-8""");
    }
  }
}
