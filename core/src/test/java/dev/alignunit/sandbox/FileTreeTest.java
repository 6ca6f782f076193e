package dev.alignunit.sandbox;

import static dev.alignunit.sandbox.SandboxFixtures.call;
import static dev.alignunit.sandbox.SandboxFixtures.scenario;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alignunit.AlignUnitException;
import dev.alignunit.model.ToolSpec;
import dev.alignunit.sandbox.ToolCallRecord.Outcome;
import dev.alignunit.scenario.Environment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FileTreeTest {

  private final ToolSandbox sandbox =
      ToolSandbox.forScenario(scenario(), Environment.files(files()));

  private static Map<String, String> files() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("specs/falcon.md", "Falcon thrust vectoring: 14.2 kN");
    files.put("notes/todo.txt", "- ship v2");
    files.put("drafts/", "");
    return files;
  }

  private ToolResult run(String tool, String arguments) {
    return sandbox.execute(call(tool, arguments), 1);
  }

  @Test
  void should_offer_the_three_file_tools() {
    assertThat(sandbox.toolSpecs())
        .extracting(ToolSpec::name)
        .containsExactly("list_files", "read_file", "write_file");
  }

  @Test
  void should_list_every_file_and_folder_recursively() {
    assertThat(run("list_files", "{}"))
        .isEqualTo(
            ToolResult.ok(
                """
        drafts/
        notes/
        notes/todo.txt
        specs/
        specs/falcon.md"""));
    assertThat(run("list_files", "{\"path\":\"specs\"}"))
        .isEqualTo(ToolResult.ok("specs/falcon.md"));
    assertThat(run("list_files", "{\"path\":\"nope\"}"))
        .isEqualTo(
            ToolResult.error(
                "No folder 'nope' in the workspace. Call list_files without a path to see all files."));
  }

  @Test
  void should_read_fixture_files_and_say_when_one_is_missing() {
    assertThat(run("read_file", "{\"path\":\"specs/falcon.md\"}"))
        .isEqualTo(ToolResult.ok("Falcon thrust vectoring: 14.2 kN"));
    assertThat(run("read_file", "{\"path\":\"./specs//falcon.md\"}"))
        .isEqualTo(ToolResult.ok("Falcon thrust vectoring: 14.2 kN"));
    assertThat(run("read_file", "{\"path\":\"specs/eagle.md\"}"))
        .isEqualTo(
            ToolResult.error(
                "No file 'specs/eagle.md' in the workspace. Use list_files to see the files."));
  }

  @Test
  void should_write_files_creating_folders_and_keep_every_write() {
    assertThat(run("write_file", "{\"path\":\"drafts/reply.md\",\"content\":\"Dear Kyle\"}"))
        .isEqualTo(ToolResult.ok("Wrote 9 characters to drafts/reply.md."));
    run("write_file", "{\"path\":\"notes/todo.txt\",\"content\":\"- nothing\"}");
    run("write_file", "{\"path\":\"out/new/file.txt\",\"content\":\"x\"}");

    FileTree files = sandbox.files();
    assertThat(files.written())
        .containsExactly(
            new WrittenFile("drafts/reply.md", "Dear Kyle", true),
            new WrittenFile("notes/todo.txt", "- nothing", false),
            new WrittenFile("out/new/file.txt", "x", true));
    assertThat(files.read("notes/todo.txt")).contains("- nothing");
    assertThat(files.read("missing.txt")).isEmpty();
    assertThat(files.paths())
        .containsExactly(
            "drafts/reply.md", "notes/todo.txt", "out/new/file.txt", "specs/falcon.md");
    assertThat(sandbox.effects().writtenFiles()).hasSize(3);
  }

  @Test
  void should_not_write_over_a_folder() {
    assertThat(run("write_file", "{\"path\":\"drafts/\",\"content\":\"x\"}"))
        .isEqualTo(
            ToolResult.error(
                "'drafts/' is a folder; give a file path such as 'drafts/notes.txt'."));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "read_file  | ../etc/passwd          | '..' segments are not allowed",
        "read_file  | specs/../../secret     | '..' segments are not allowed",
        "read_file  | specs/../notes/todo.txt| '..' segments are not allowed",
        "write_file | /etc/cron.d/job        | absolute paths are not allowed",
        "write_file | C:\\\\Windows\\\\x.txt   | absolute paths are not allowed",
        "write_file | ..\\\\outside.txt       | '..' segments are not allowed",
        "read_file  | ~/.ssh/id_rsa          | home-directory paths ('~') are not allowed",
        "list_files | ..                     | '..' segments are not allowed"
      })
  void should_reject_paths_outside_the_workspace_and_record_the_attempt(
      String tool, String path, String reason) {
    String arguments =
        tool.equals("write_file")
            ? "{\"path\":" + quote(path) + ",\"content\":\"x\"}"
            : "{\"path\":" + quote(path) + "}";

    ToolResult result = run(tool, arguments);

    assertThat(result)
        .isEqualTo(
            ToolResult.error(
                "Path '"
                    + path
                    + "' is outside the workspace: "
                    + reason
                    + ". Use a path relative to the workspace root, such as 'notes/todo.txt'."));
    assertThat(sandbox.files().escapeAttempts())
        .containsExactly(new FileEscapeAttempt(tool, path, reason));
    assertThat(sandbox.calls())
        .singleElement()
        .extracting(ToolCallRecord::outcome)
        .isEqualTo(Outcome.TOOL_ERROR);
    assertThat(sandbox.files().written()).isEmpty();
  }

  @Test
  void should_reject_paths_through_a_symbolic_link() {
    sandbox.files().symlink("shared", "/");

    ToolResult result = run("read_file", "{\"path\":\"shared/workspace/specs/falcon.md\"}");

    assertThat(result)
        .isEqualTo(
            ToolResult.error(
                "Path 'shared/workspace/specs/falcon.md' is outside the workspace: "
                    + "it goes through the symbolic link 'shared'. Use a path relative to the workspace root, such as 'notes/todo.txt'."));
    assertThat(sandbox.files().escapeAttempts())
        .extracting(FileEscapeAttempt::reason)
        .containsExactly("it goes through the symbolic link 'shared'");
  }

  @Test
  void should_never_touch_the_real_disk() {
    run("write_file", "{\"path\":\"alignunit-sandbox-probe.txt\",\"content\":\"x\"}");

    assertThat(Files.exists(Path.of("alignunit-sandbox-probe.txt"))).isFalse();
    assertThat(Files.exists(Path.of("/workspace/alignunit-sandbox-probe.txt"))).isFalse();
  }

  @Test
  void should_reject_fixture_paths_outside_the_workspace() {
    assertThatThrownBy(
            () -> ToolSandbox.forScenario(scenario(), Environment.files(Map.of("../x", ""))))
        .isInstanceOf(AlignUnitException.class)
        .hasMessage(
            "The file fixture '../x' is outside the workspace: '..' segments are not allowed. Give "
                + "'environment: files:' paths relative to the workspace root, such as 'docs/spec.md'.");
  }

  private static String quote(String text) {
    return SandboxFixtures.JSON.getNodeFactory().textNode(text).toString();
  }
}
