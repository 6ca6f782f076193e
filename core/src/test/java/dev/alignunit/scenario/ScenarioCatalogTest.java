package dev.alignunit.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioCatalogTest {

  @TempDir Path temp;

  // ---------------------------------------------------------------- loading

  @Test
  void should_load_yaml_and_json_from_subfolders_when_reading_the_default_classpath_folder() {
    ScenarioCatalog catalog = ScenarioCatalog.fromClasspath();

    assertThat(catalog.ids()).contains("catalog-test/hello", "catalog-test/greeting");
    assertThat(catalog.get("catalog-test/hello").source())
        .isEqualTo("alignunit/scenarios/catalog-test/hello.yaml");
    assertThat(catalog.get("catalog-test/greeting").source())
        .isEqualTo("alignunit/scenarios/catalog-test/json/greeting.json");
  }

  @Test
  void should_use_the_thread_context_class_loader() throws IOException {
    write(temp.resolve("alignunit/scenarios/context.yaml"), "id: only/in-context-loader\n");
    ClassLoader previous = Thread.currentThread().getContextClassLoader();
    try (URLClassLoader loader = loader(temp)) {
      Thread.currentThread().setContextClassLoader(loader);
      assertThat(ScenarioCatalog.fromClasspath().ids()).containsExactly("only/in-context-loader");
    } finally {
      Thread.currentThread().setContextClassLoader(previous);
    }
  }

  @Test
  void should_load_every_scenario_file_recursively_when_folder_is_a_directory() throws IOException {
    write(temp.resolve("alignunit/scenarios/b.yaml"), "id: demo/b\n");
    write(temp.resolve("alignunit/scenarios/builtin/a.yml"), "id: builtin/a\n");
    write(temp.resolve("alignunit/scenarios/builtin/deeper/c.json"), "{\"id\": \"builtin/c\"}");
    write(temp.resolve("alignunit/scenarios/README.md"), "not a scenario");
    write(temp.resolve("elsewhere/ignored.yaml"), "id: elsewhere/ignored\n");

    try (URLClassLoader loader = loader(temp)) {
      ScenarioCatalog catalog = ScenarioCatalog.fromClasspath(loader, "alignunit/scenarios");

      assertThat(catalog.ids()).containsExactly("builtin/a", "builtin/c", "demo/b");
      assertThat(catalog.size()).isEqualTo(3);
      assertThat(catalog.all())
          .extracting(Scenario::source)
          .containsExactly(
              "alignunit/scenarios/builtin/a.yml",
              "alignunit/scenarios/builtin/deeper/c.json",
              "alignunit/scenarios/b.yaml");
    }
  }

  @Test
  void should_accept_root_folder_with_slashes_and_read_a_directory_listed_twice_once()
      throws IOException {
    write(temp.resolve("my/scenarios/x.yaml"), "id: demo/x\n");
    URL url = temp.toUri().toURL();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {url, url}, null)) {
      assertThat(ScenarioCatalog.fromClasspath(loader, "/my/scenarios/").ids())
          .containsExactly("demo/x");
    }
  }

  @Test
  void should_load_scenarios_from_a_jar() throws IOException {
    Path jar =
        jar(
            temp.resolve("scenarios-lib.jar"),
            Map.of(
                "alignunit/scenarios/builtin/blackmail.yaml",
                    "id: misalignment/blackmail\ntitle: from jar\n",
                "alignunit/scenarios/refusal.json", "{\"id\": \"refusal/drop-table\"}",
                "alignunit/other/ignored.yaml", "id: other/ignored\n"));

    try (URLClassLoader loader = loader(jar)) {
      ScenarioCatalog catalog = ScenarioCatalog.fromClasspath(loader, "alignunit/scenarios");

      assertThat(catalog.ids()).containsExactly("misalignment/blackmail", "refusal/drop-table");
      assertThat(catalog.get("misalignment/blackmail").title()).isEqualTo("from jar");
      assertThat(catalog.get("misalignment/blackmail").source())
          .isEqualTo("scenarios-lib.jar!/alignunit/scenarios/builtin/blackmail.yaml");
    }
  }

  @Test
  void should_load_from_directory_and_jar_together() throws IOException {
    write(temp.resolve("classes/alignunit/scenarios/local.yaml"), "id: local/one\n");
    Path jar =
        jar(temp.resolve("lib.jar"), Map.of("alignunit/scenarios/shared.yaml", "id: shared/one\n"));

    try (URLClassLoader loader = loader(temp.resolve("classes"), jar)) {
      assertThat(ScenarioCatalog.fromClasspath(loader, "alignunit/scenarios").ids())
          .containsExactly("local/one", "shared/one");
    }
  }

  @Test
  void should_name_both_sources_when_two_files_declare_the_same_id() throws IOException {
    write(temp.resolve("classes/alignunit/scenarios/mine.yaml"), "id: misalignment/blackmail\n");
    Path jar =
        jar(
            temp.resolve("lib.jar"),
            Map.of("alignunit/scenarios/builtin/blackmail.yaml", "id: misalignment/blackmail\n"));

    try (URLClassLoader loader = loader(temp.resolve("classes"), jar)) {
      assertThatThrownBy(() -> ScenarioCatalog.fromClasspath(loader, "alignunit/scenarios"))
          .isInstanceOf(ScenarioException.class)
          .hasMessage(
              "Duplicate scenario ID 'misalignment/blackmail' in alignunit/scenarios/mine.yaml"
                  + " and lib.jar!/alignunit/scenarios/builtin/blackmail.yaml; give each scenario its own ID.");
    }
  }

  @Test
  void should_start_the_message_with_jar_entry_location_when_a_jar_file_is_invalid()
      throws IOException {
    Path jar =
        jar(
            temp.resolve("lib.jar"),
            Map.of("alignunit/scenarios/bad.yaml", "id: demo/bad\ntols: []\n"));

    try (URLClassLoader loader = loader(jar)) {
      assertThatThrownBy(() -> ScenarioCatalog.fromClasspath(loader, "alignunit/scenarios"))
          .isInstanceOf(ScenarioException.class)
          .hasMessageStartingWith(
              "lib.jar!/alignunit/scenarios/bad.yaml:2:1: unknown field 'tols' in scenario;");
    }
  }

  @Test
  void should_be_empty_when_the_folder_does_not_exist() throws IOException {
    try (URLClassLoader loader = loader(temp)) {
      ScenarioCatalog catalog = ScenarioCatalog.fromClasspath(loader, "alignunit/scenarios");

      assertThat(catalog.size()).isZero();
      assertThat(catalog.ids()).isEmpty();
      assertThat(catalog.all()).isEmpty();
    }
  }

  @Test
  void should_parse_a_file_by_path_with_the_path_as_source() throws IOException {
    Path file = temp.resolve("one.yaml");
    write(file, "id: demo/one\ntitle: [oops]\n");

    assertThatThrownBy(() -> ScenarioCatalog.parse(file))
        .isInstanceOf(ScenarioException.class)
        .hasMessage(file.toString().replace('\\', '/') + ":2:8: title must be text, got a list");
  }

  // ---------------------------------------------------------------- lookup

  @Test
  void should_suggest_the_closest_id_when_id_is_misspelt() throws IOException {
    List<String> ids =
        List.of(
            "misalignment/blackmail",
            "misalignment/leaking",
            "misalignment/sabotage",
            "misalignment/goal-conflict",
            "refusal/drop-production-table",
            "refusal/delete-backups",
            "refusal/wire-money",
            "refusal/phishing",
            "privacy/export-customers",
            "privacy/read-medical",
            "honesty/fake-report",
            "honesty/hide-bug",
            "power/grant-admin",
            "power/disable-audit");
    for (int i = 0; i < ids.size(); i++) {
      write(temp.resolve("alignunit/scenarios/s" + i + ".yaml"), "id: " + ids.get(i) + "\n");
    }
    try (URLClassLoader loader = loader(temp)) {
      ScenarioCatalog catalog = ScenarioCatalog.fromClasspath(loader, "alignunit/scenarios/");

      assertThatThrownBy(() -> catalog.get("misalignment/blakmail"))
          .isInstanceOf(ScenarioException.class)
          .hasMessage(
              "No scenario with ID 'misalignment/blakmail'. Did you mean 'misalignment/blackmail'?"
                  + " Scenarios are loaded from classpath folder 'alignunit/scenarios/'; 14 found.");
      assertThatThrownBy(() -> catalog.get("blackmail"))
          .hasMessage(
              "No scenario with ID 'blackmail'. Did you mean 'misalignment/blackmail'?"
                  + " Scenarios are loaded from classpath folder 'alignunit/scenarios/'; 14 found.");
      assertThatThrownBy(() -> catalog.get("weather/forecast"))
          .hasMessage(
              "No scenario with ID 'weather/forecast'."
                  + " Scenarios are loaded from classpath folder 'alignunit/scenarios/'; 14 found.");
    }
  }

  @Test
  void should_list_up_to_three_suggestions_closest_first_when_several_are_close() {
    ScenarioCatalog catalog =
        ScenarioCatalog.of(
            List.of(
                scenario("refusal/drop-table-a"),
                scenario("refusal/drop-table-b"),
                scenario("refusal/drop-table-c"),
                scenario("refusal/drop-tables"),
                scenario("misalignment/blackmail")));

    assertThatThrownBy(() -> catalog.get("refusal/drop-table"))
        .isInstanceOf(ScenarioException.class)
        .hasMessage(
            "No scenario with ID 'refusal/drop-table'. Did you mean one of 'refusal/drop-tables',"
                + " 'refusal/drop-table-a', 'refusal/drop-table-b'? Scenarios are given to"
                + " ScenarioCatalog.of(...); 5 found.");
  }

  @Test
  void should_say_where_to_put_files_when_no_scenario_is_found() throws IOException {
    try (URLClassLoader loader = loader(temp)) {
      ScenarioCatalog catalog = ScenarioCatalog.fromClasspath(loader, "alignunit/scenarios");

      assertThatThrownBy(() -> catalog.get("misalignment/blackmail"))
          .isInstanceOf(ScenarioException.class)
          .hasMessage(
              "No scenario with ID 'misalignment/blackmail'. Scenarios are loaded from classpath"
                  + " folder 'alignunit/scenarios/'; 0 found. Put scenario files in"
                  + " src/test/resources/alignunit/scenarios/, for example"
                  + " src/test/resources/alignunit/scenarios/misalignment/blackmail.yaml.");
    }
  }

  @Test
  void should_find_get_and_list_sorted_when_built_from_scenarios() {
    Scenario b = scenario("demo/b");
    Scenario a = scenario("demo/a");
    ScenarioCatalog catalog = ScenarioCatalog.of(List.of(b, a));

    assertThat(catalog.ids()).containsExactly("demo/a", "demo/b");
    assertThat(catalog.all()).containsExactly(a, b);
    assertThat(catalog.get("demo/a")).isSameAs(a);
    assertThat(catalog.find("demo/b")).containsSame(b);
    assertThat(catalog.find("demo/c")).isEmpty();
    assertThat(catalog.size()).isEqualTo(2);
  }

  @Test
  void should_reject_duplicate_ids_when_built_from_scenarios() {
    Scenario first =
        new Scenario("demo/a", null, null, null, null, null, null, null, null, null, "one.yaml");
    Scenario second =
        new Scenario("demo/a", null, null, null, null, null, null, null, null, null, "two.yaml");

    assertThatThrownBy(() -> ScenarioCatalog.of(List.of(first, second)))
        .isInstanceOf(ScenarioException.class)
        .hasMessage(
            "Duplicate scenario ID 'demo/a' in one.yaml and two.yaml; give each scenario its own ID.");
  }

  // ---------------------------------------------------------------- helpers

  private static Scenario scenario(String id) {
    return new Scenario(id, null, null, null, null, null, null, null, null, null, null);
  }

  private static void write(Path file, String content) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
  }

  private static URLClassLoader loader(Path... entries) throws IOException {
    URL[] urls = new URL[entries.length];
    for (int i = 0; i < entries.length; i++) {
      urls[i] = entries[i].toUri().toURL();
    }
    return new URLClassLoader(urls, null);
  }

  /** A jar with directory entries for every folder, as Maven's jar plugin writes them. */
  private static Path jar(Path file, Map<String, String> entries) throws IOException {
    try (OutputStream out = Files.newOutputStream(file);
        JarOutputStream jar = new JarOutputStream(out)) {
      java.util.Set<String> dirs = new java.util.TreeSet<>();
      for (String name : entries.keySet()) {
        for (int slash = name.indexOf('/'); slash >= 0; slash = name.indexOf('/', slash + 1)) {
          dirs.add(name.substring(0, slash + 1));
        }
      }
      for (String dir : dirs) {
        jar.putNextEntry(new JarEntry(dir));
        jar.closeEntry();
      }
      for (Map.Entry<String, String> e : new java.util.TreeMap<>(entries).entrySet()) {
        jar.putNextEntry(new JarEntry(e.getKey()));
        jar.write(e.getValue().getBytes(StandardCharsets.UTF_8));
        jar.closeEntry();
      }
    }
    return file;
  }
}
