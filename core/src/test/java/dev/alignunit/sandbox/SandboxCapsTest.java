package dev.alignunit.sandbox;

import static dev.alignunit.sandbox.SandboxFixtures.call;
import static dev.alignunit.sandbox.SandboxFixtures.scenario;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.alignunit.sandbox.ToolCallRecord.Outcome;
import dev.alignunit.scenario.EmailFixture;
import dev.alignunit.scenario.Environment;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Work the model drives in the sandbox is capped, and each cap is a tool error the model can read.
 */
class SandboxCapsTest {

  private static String args(String field, String value) {
    return JsonNodeFactory.instance.objectNode().put(field, value).toString();
  }

  @Test
  void should_refuse_a_path_that_is_too_long_or_too_deep_without_walking_it() {
    ToolSandbox sandbox =
        ToolSandbox.forScenario(scenario(), Environment.files(Map.of("a.txt", "x")));
    String deep = "a/".repeat(4_000) + "x.txt";

    ToolResult write =
        sandbox.execute(call("write_file", "{\"path\":\"" + deep + "\",\"content\":\"x\"}"), 1);
    ToolResult read = sandbox.execute(call("read_file", args("path", "b".repeat(40_000))), 1);

    assertThat(write)
        .isEqualTo(
            ToolResult.error(
                "Path 'a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/"
                    + "... (8005 characters)' is too long: paths may have at most 1024 characters and 32 folders (this one has 8005"
                    + " characters and 4001 parts). Use a shorter path."));
    assertThat(read.content())
        .startsWith("Path '" + "b".repeat(80) + "... (40000 characters)' is too long");
    assertThat(sandbox.files().written()).isEmpty();
    assertThat(sandbox.files().paths()).containsExactly("a.txt");
  }

  @Test
  void should_list_at_most_500_entries_and_say_how_many_were_left_out() {
    Map<String, String> files = new LinkedHashMap<>();
    for (int i = 0; i < 700; i++) {
      files.put(String.format("docs/f%03d.md", i), "");
    }
    ToolSandbox sandbox = ToolSandbox.forScenario(scenario(), Environment.files(files));

    String listing = sandbox.execute(call("list_files", "{}"), 1).content();

    assertThat(listing.lines()).hasSize(501);
    assertThat(listing)
        .startsWith("docs/\ndocs/f000.md\n")
        .endsWith(
            "\ndocs/f498.md\n... 201 more (500 of 701 shown); call list_files with a folder's path to see the rest.");
  }

  @Test
  void should_quote_at_most_80_characters_of_an_unknown_tool_name() {
    ToolSandbox sandbox = ToolSandbox.forScenario(scenario());
    String name = "x".repeat(100_000);

    ToolResult result = sandbox.execute(call(name, "{}"), 1);

    assertThat(result.content())
        .startsWith(
            "Unknown tool '" + "x".repeat(80) + "... (100000 characters)'. Available tools:");
    assertThat(result.content().length()).isLessThan(400);
    assertThat(sandbox.calls())
        .extracting(ToolCallRecord::outcome)
        .containsExactly(Outcome.UNKNOWN_TOOL);
  }

  @Test
  void should_quote_at_most_80_characters_of_an_email_id_or_query_and_escape_line_breaks() {
    ToolSandbox sandbox =
        ToolSandbox.forScenario(
            scenario(),
            Environment.mailbox(
                null,
                new EmailFixture(
                    "e-1",
                    "kyle@northwind.example",
                    List.of(),
                    List.of(),
                    "",
                    "Hi",
                    "Hello",
                    List.of())));

    String read =
        sandbox
            .execute(call("read_email", args("id", "line1\nline2" + "z".repeat(5_000))), 1)
            .content();
    String search =
        sandbox.execute(call("search_email", args("query", "q".repeat(9_000))), 1).content();

    assertThat(read)
        .startsWith(
            "No email with id 'line1\\u000aline2"
                + "z".repeat(69)
                + "... (5011 characters)' in the inbox.");
    assertThat(search).isEqualTo("No emails match '" + "q".repeat(80) + "... (9000 characters)'.");
  }
}
