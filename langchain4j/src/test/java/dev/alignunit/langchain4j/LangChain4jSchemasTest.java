package dev.alignunit.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.alignunit.model.ToolSpec;
import dev.alignunit.sandbox.ToolSandbox;
import dev.alignunit.scenario.Scenario;
import dev.alignunit.scenario.ScenarioCatalog;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.agent.tool.ToolSpecifications;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import dev.langchain4j.model.chat.request.json.JsonReferenceSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LangChain4jSchemasTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text);
  }

  @Test
  void should_convert_every_tool_schema_of_the_scenario_pack_both_ways_without_loss() {
    ScenarioCatalog catalog = ScenarioCatalog.fromClasspath();
    List<ToolSpec> specs = new ArrayList<>();
    for (Scenario scenario : catalog.all()) {
      specs.addAll(
          ToolSandbox.forScenario(scenario.resolve(scenario.variants().get(0))).toolSpecs());
    }
    for (ToolSpec spec : specs) {
      JsonSchemaElement element = LangChain4jSchemas.element(spec.parameters());
      assertThat(LangChain4jSchemas.toJson(element)).as(spec.name()).isEqualTo(spec.parameters());
      // The root must be a typed object in LangChain4j; it only loses empty
      // "properties"/"required".
      ToolSpecification specification = LangChain4jSchemas.toolSpecification(spec);
      assertThat(LangChain4jSchemas.toolSpec(specification))
          .as(spec.name())
          .isEqualTo(
              new ToolSpec(
                  spec.name(), spec.description(), withoutEmptyCollections(spec.parameters())));
      if (!(element instanceof JsonObjectSchema)) {
        assertThat(withoutEmptyCollections(spec.parameters()))
            .as(spec.name() + " is kept raw only for empty collections")
            .isNotEqualTo(spec.parameters());
      }
    }
    assertThat(specs).hasSizeGreaterThan(50);
  }

  private static JsonNode withoutEmptyCollections(JsonNode schema) {
    com.fasterxml.jackson.databind.node.ObjectNode copy = schema.deepCopy();
    if (copy.path("properties").isEmpty()) {
      copy.remove("properties");
    }
    if (copy.path("required").isEmpty()) {
      copy.remove("required");
    }
    return copy;
  }

  @Test
  void should_type_what_langchain4j_holds_and_keep_the_rest_raw() throws Exception {
    JsonNode schema =
        json(
            """
        {"type":"object","properties":{
          "to":{"type":"string","description":"recipient"},
          "when":{"type":"string","format":"date-time"},
          "priority":{"type":"string","enum":["low","high"]},
          "codes":{"enum":[1,2]},
          "items":{"type":"array","items":{"type":"object","properties":{"sku":{"type":"string"}},"required":["sku"]}},
          "maybe":{"type":["string","null"]},
          "empty":{"type":"object","properties":{},"required":[]},
          "ref":{"$ref":"#/$defs/address"}},
         "required":["to"],"additionalProperties":false,
         "$defs":{"address":{"type":"object","properties":{"city":{"type":"string"}}}}}""");

    JsonObjectSchema parameters = LangChain4jSchemas.parameters(schema);

    assertThat(parameters.properties().get("to"))
        .isEqualTo(JsonStringSchema.builder().description("recipient").build());
    assertThat(parameters.properties().get("when")).isInstanceOf(JsonRawSchema.class);
    assertThat(parameters.properties().get("priority"))
        .isEqualTo(JsonEnumSchema.builder().enumValues("low", "high").build());
    assertThat(parameters.properties().get("codes")).isInstanceOf(JsonRawSchema.class);
    assertThat(parameters.properties().get("items")).isInstanceOf(JsonArraySchema.class);
    assertThat(((JsonArraySchema) parameters.properties().get("items")).items())
        .isInstanceOf(JsonObjectSchema.class);
    assertThat(parameters.properties().get("maybe")).isInstanceOf(JsonRawSchema.class);
    assertThat(parameters.properties().get("empty")).isInstanceOf(JsonRawSchema.class);
    assertThat(parameters.properties().get("ref"))
        .isEqualTo(JsonReferenceSchema.builder().reference("address").build());
    assertThat(parameters.required()).containsExactly("to");
    assertThat(parameters.additionalProperties()).isFalse();
    assertThat(parameters.definitions()).containsOnlyKeys("address");
    assertThat(LangChain4jSchemas.toJson(parameters)).isEqualTo(schema);
  }

  @Test
  void should_round_trip_the_specifications_langchain4j_derives_from_tool_methods() {
    List<ToolSpecification> specifications =
        ToolSpecifications.toolSpecificationsFrom(InventoryTools.class);

    assertThat(specifications).hasSize(3);
    for (ToolSpecification specification : specifications) {
      ToolSpec spec = LangChain4jSchemas.toolSpec(specification);
      assertThat(LangChain4jSchemas.toolSpecification(spec)).isEqualTo(specification);
    }
    assertThat(
            LangChain4jSchemas.toolSpec(
                    specifications.stream()
                        .filter(s -> s.name().equals("reserve_stock"))
                        .findFirst()
                        .orElseThrow())
                .parameters())
        .isEqualTo(
            JSON.valueToTree(
                java.util.Map.of(
                    "type", "object",
                    "properties",
                        java.util.Map.of(
                            "sku",
                                java.util.Map.of(
                                    "type", "string", "description", "the product's SKU"),
                            "quantity",
                                java.util.Map.of(
                                    "type", "integer", "description", "how many units")),
                    "required", List.of("sku", "quantity"))));
  }

  @Test
  void should_drop_root_keywords_langchain4j_cannot_hold_only_in_its_view() throws Exception {
    ToolSpec spec =
        new ToolSpec(
            "audit",
            "Audit.",
            json(
                "{\"type\":\"object\",\"title\":\"Audit\",\"properties\":{\"id\":{\"type\":\"string\"}}}"));

    assertThat(LangChain4jSchemas.toolSpec(LangChain4jSchemas.toolSpecification(spec)).parameters())
        .isEqualTo(json("{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"string\"}}}"));
  }

  @Test
  void should_reject_parameters_that_are_not_an_object_schema() throws Exception {
    assertThatThrownBy(() -> LangChain4jSchemas.parameters(json("{\"type\":\"string\"}")))
        .hasMessage(
            "A tool's parameters must be a JSON Schema of type 'object' to be offered to LangChain4j, "
                + "got: {\"type\":\"string\"}");
  }

  @Test
  void should_give_a_tool_without_parameters_an_empty_object_schema() {
    ToolSpec spec =
        LangChain4jSchemas.toolSpec(
            ToolSpecification.builder().name("ping").description("Ping.").build());

    assertThat(spec.parameters().toString()).isEqualTo("{\"type\":\"object\"}");
  }
}
