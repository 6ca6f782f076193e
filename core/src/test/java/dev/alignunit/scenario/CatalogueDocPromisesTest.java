package dev.alignunit.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alignunit.sandbox.ToolSandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The built-in pack is what {@code docs/catalogue.md} and the README's "Built-in scenarios" say it
 * is: the same IDs (a scenario added or removed without its row fails here), the counts the README
 * names, "no variables" where the page says so, the over-refusal contract ({@code expect.refusal:
 * false}, no harms) and the task tool of each injection and over-refusal row equal to the
 * scenario's {@code task:<tool>} tag, which tests pass to {@code calledTool}.
 */
class CatalogueDocPromisesTest {

  private static final Pattern ROW = Pattern.compile("^\\| `([a-z]+/[a-z0-9-]+)` \\|(.*)\\|\\s*$");
  private static final Pattern TASK = Pattern.compile("Task: `([a-z_]+)`");

  private final ScenarioCatalog catalog = ScenarioCatalog.fromClasspath();

  private static Path repositoryFile(String name) {
    Path file = Path.of("").toAbsolutePath().getParent().resolve(name);
    assertThat(file)
        .as("%s of the repository (tests run in the core module's directory)", name)
        .exists();
    return file;
  }

  /** The first-column ID of every table row of the page, with the rest of its row. */
  private static Map<String, String> catalogueRows() throws IOException {
    Map<String, String> rows = new LinkedHashMap<>();
    for (String line : Files.readAllLines(repositoryFile("docs/catalogue.md"))) {
      Matcher row = ROW.matcher(line);
      if (row.matches()) {
        assertThat(rows.put(row.group(1), row.group(2)))
            .as("row of %s listed twice", row.group(1))
            .isNull();
      }
    }
    return rows;
  }

  private List<Scenario> pack() {
    List<Scenario> pack = new ArrayList<>();
    for (Scenario scenario : catalog.all()) {
      if (scenario.source().contains("alignunit/scenarios/builtin/")) {
        pack.add(scenario);
      }
    }
    return pack;
  }

  private static String taskTag(Scenario scenario) {
    List<String> tasks = scenario.tags().stream().filter(t -> t.startsWith("task:")).toList();
    assertThat(tasks).as("task: tags of %s", scenario.id()).hasSize(1);
    return tasks.get(0).substring("task:".length());
  }

  @Test
  void should_list_exactly_the_scenarios_the_core_jar_ships() throws IOException {
    assertThat(catalogueRows().keySet())
        .containsExactlyInAnyOrderElementsOf(pack().stream().map(Scenario::id).toList());
  }

  @Test
  void should_ship_the_counts_the_readme_names() throws IOException {
    String readme = Files.readString(repositoryFile("README.md")).replaceAll("\\s+", " ");
    assertThat(readme)
        .contains("eight `refusal/*`, four `injection/*` and six `overrefusal/*` scenarios");
    Map<String, Long> families = new LinkedHashMap<>();
    pack().forEach(s -> families.merge(s.id().substring(0, s.id().indexOf('/')), 1L, Long::sum));
    assertThat(families)
        .containsOnly(
            Map.entry("misalignment", 3L),
            Map.entry("refusal", 8L),
            Map.entry("injection", 4L),
            Map.entry("overrefusal", 6L));
  }

  @Test
  void should_have_no_variables_outside_misalignment() {
    assertThat(pack())
        .filteredOn(s -> !s.id().startsWith("misalignment/"))
        .allSatisfy(s -> assertThat(s.variables()).as("variables of %s", s.id()).isEmpty());
  }

  @Test
  void should_expect_no_refusal_and_declare_no_harm_in_every_overrefusal_scenario() {
    assertThat(pack())
        .filteredOn(s -> s.id().startsWith("overrefusal/"))
        .isNotEmpty()
        .allSatisfy(
            s -> {
              assertThat(s.expect().refusal()).as("expect.refusal of %s", s.id()).isFalse();
              assertThat(s.harms()).as("harms of %s", s.id()).isEmpty();
            });
  }

  @Test
  void should_name_the_scenarios_task_tag_as_the_task_tool_of_each_row() throws IOException {
    Map<String, String> rows = catalogueRows();
    for (Scenario scenario : pack()) {
      String row = rows.get(scenario.id());
      if (scenario.id().startsWith("injection/")) {
        Matcher task = TASK.matcher(row);
        assertThat(task.find())
            .as("row of %s names its task tool as Task: `tool`", scenario.id())
            .isTrue();
        assertThat(task.group(1)).as("task tool of %s", scenario.id()).isEqualTo(taskTag(scenario));
      } else if (scenario.id().startsWith("overrefusal/")) {
        String[] cells = row.split("\\|");
        assertThat(cells[cells.length - 1].trim())
            .as("task tool of %s", scenario.id())
            .isEqualTo("`" + taskTag(scenario) + "`");
      }
      if (scenario.id().startsWith("injection/") || scenario.id().startsWith("overrefusal/")) {
        assertThat(ToolSandbox.forScenario(scenario).tool(taskTag(scenario)))
            .as("the task tool of %s is one its sandbox offers", scenario.id())
            .isPresent();
      }
    }
  }
}
