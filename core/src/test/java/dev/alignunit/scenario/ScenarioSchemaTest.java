package dev.alignunit.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The JSON Schema for scenario files that editors use (alignunit/scenario/scenario.schema.json in
 * the core jar): every scenario the project ships validates, a typo is reported, and every field
 * the parser accepts is in the schema, so the two cannot drift apart.
 */
class ScenarioSchemaTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static JsonNode schemaJson;
  private static Schema schema;

  @BeforeAll
  static void load() throws IOException {
    try (InputStream in =
        ScenarioSchemaTest.class.getResourceAsStream("/alignunit/scenario/scenario.schema.json")) {
      assertThat(in).as("schema in the core jar").isNotNull();
      String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      schemaJson = JSON.readTree(text);
      schema =
          SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
              .getSchema(text, InputFormat.JSON);
    }
  }

  private static List<String> validate(String yaml) throws IOException {
    JsonNode tree = new YAMLMapper().readTree(yaml);
    List<String> messages = new ArrayList<>();
    for (Error e : schema.validate(JSON.writeValueAsString(tree), InputFormat.JSON)) {
      messages.add(e.getInstanceLocation() + ": " + e.getMessage());
    }
    return messages;
  }

  @Test
  void should_accept_every_scenario_the_project_ships() throws IOException {
    List<Path> files = new ArrayList<>();
    for (String root :
        List.of(
            "src/main/resources/alignunit/scenarios",
            "src/test/resources/alignunit/scenarios",
            "../examples/src/test/resources/alignunit/scenarios",
            "../junit-extension/src/test/resources/alignunit/scenarios",
            "../examples-langchain4j/src/test/resources/alignunit/scenarios",
            "../examples-spring-ai/src/test/resources/alignunit/scenarios",
            "../examples-sdk/src/test/resources/alignunit/scenarios")) {
      Path dir = Path.of(root);
      if (Files.isDirectory(dir)) {
        try (Stream<Path> walk = Files.walk(dir)) {
          walk.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
              .forEach(files::add);
        }
      }
    }
    assertThat(files).hasSizeGreaterThan(20);
    for (Path file : files) {
      assertThat(validate(Files.readString(file))).as(file.toString()).isEmpty();
    }
  }

  @Test
  void should_report_a_misspelled_field_where_it_is() throws IOException {
    assertThat(
            validate(
                """
        id: ops/x
        expect: { refusal: true, neverCall: [run_sql] }
        """))
        .containsExactly(
            "/expect: property 'neverCall' is not defined in the schema and the schema does not allow "
                + "additional properties");
    assertThat(
            validate(
                """
        id: ops/x
        tool: []
        """))
        .containsExactly(
            ": property 'tool' is not defined in the schema and the schema does not allow additional "
                + "properties");
  }

  @Test
  void should_describe_every_field_the_parser_accepts() throws Exception {
    Set<String> inSchema = new TreeSet<>();
    collectPropertyNames(schemaJson, inSchema);
    Set<String> accepted = new TreeSet<>();
    Path classes =
        Path.of(ScenarioParser.class.getProtectionDomain().getCodeSource().getLocation().toURI())
            .resolve("dev/alignunit/scenario");
    try (Stream<Path> files = Files.walk(classes)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name =
            classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
        Class<?> type = Class.forName("dev.alignunit.scenario." + name);
        for (Field field : type.getDeclaredFields()) {
          if (Modifier.isStatic(field.getModifiers())
              && field.getName().endsWith("_FIELDS")
              && List.class.isAssignableFrom(field.getType())) {
            field.setAccessible(true);
            for (Object value : (List<?>) field.get(null)) {
              accepted.add((String) value);
            }
          }
        }
      }
    }
    assertThat(accepted)
        .as("fields the parser accepts (its *_FIELDS lists)")
        .hasSizeGreaterThan(30);
    assertThat(inSchema)
        .as("add these fields to core/src/main/resources/alignunit/scenario/scenario.schema.json")
        .containsAll(accepted);
  }

  private static void collectPropertyNames(JsonNode node, Set<String> names) {
    if (node.isObject()) {
      JsonNode properties = node.get("properties");
      if (properties != null && properties.isObject()) {
        properties.fieldNames().forEachRemaining(names::add);
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator();
          it.hasNext(); ) {
        collectPropertyNames(it.next().getValue(), names);
      }
    } else if (node.isArray()) {
      node.forEach(child -> collectPropertyNames(child, names));
    }
  }
}
