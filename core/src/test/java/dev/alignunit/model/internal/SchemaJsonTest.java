package dev.alignunit.model.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** A tool schema's JSON is written once and is always the schema's current text. */
class SchemaJsonTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static ObjectNode schema() throws Exception {
    return (ObjectNode)
        JSON.readTree(
            """
            {"type":"object","properties":{"query":{"type":"string","description":"SQL \\"é\\" 🚀 </x>"},
             "limit":{"type":"integer","minimum":1,"maximum":1.5E3},"tags":{"type":"array",
             "items":{"enum":["a",null,true,2]}}},"required":["query"],"additionalProperties":false}
            """);
  }

  @Test
  void should_write_the_schema_as_its_tree_writes_it_and_write_it_once() throws Exception {
    ObjectNode schema = schema();

    String first = SchemaJson.of(schema);

    assertThat(first).isEqualTo(schema.toString());
    assertThat(SchemaJson.of(schema)).isSameAs(first);
  }

  @Test
  void should_write_a_schema_changed_in_place_again() throws Exception {
    ObjectNode schema = schema();
    String before = SchemaJson.of(schema);

    schema.withObject("/properties").putObject("dryRun").put("type", "boolean");

    assertThat(SchemaJson.of(schema)).isEqualTo(schema.toString()).isNotEqualTo(before);
  }

  @Test
  void should_write_a_schema_whose_fields_were_reordered_in_place_again() throws Exception {
    ObjectNode schema = schema();
    String before = SchemaJson.of(schema);

    com.fasterxml.jackson.databind.JsonNode type = schema.remove("type");
    schema.set("type", type);

    assertThat(SchemaJson.of(schema)).isEqualTo(schema.toString()).isNotEqualTo(before);
  }
}
