package dev.alignunit.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The start-up shortcut of the tool schema check must never vouch for a schema the draft 2020-12
 * meta-schema rejects (else a broken schema would load), and must cover the schemas scenario files
 * really use (else it saves nothing).
 */
class PlainToolSchemaTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text);
  }

  @Test
  void should_vouch_for_common_tool_schemas_the_meta_schema_accepts() throws Exception {
    List<String> schemas =
        List.of(
            "{\"type\":\"object\",\"properties\":{\"order_id\":{\"type\":\"string\","
                + "\"pattern\":\"^[A-Z]-[0-9]{4}$\"}},\"required\":[\"order_id\"]}",
            "{\"type\":\"object\",\"properties\":{\"to\":{\"type\":\"array\",\"items\":"
                + "{\"type\":\"string\",\"format\":\"email\"},\"minItems\":1,\"uniqueItems\":true},"
                + "\"amount\":{\"type\":\"number\",\"minimum\":0,\"multipleOf\":0.01},"
                + "\"mode\":{\"enum\":[\"a\",\"b\"],\"default\":\"a\",\"description\":\"how\"},"
                + "\"note\":{\"type\":[\"string\",\"null\"],\"maxLength\":200}},"
                + "\"additionalProperties\":false}",
            "{\"type\":\"object\",\"properties\":{\"x\":{\"anyOf\":[{\"type\":\"integer\"},"
                + "{\"type\":\"string\"}]},\"y\":true,\"z\":{\"not\":{\"const\":3}}}}");
    for (String text : schemas) {
      JsonNode schema = json(text);
      assertThat(PlainToolSchema.certainlyValid(schema)).as(text).isTrue();
      assertThat(ToolSchemaCheck.metaSchemaErrors(schema)).as(text).isEmpty();
    }
  }

  @Test
  void should_leave_invalid_and_unusual_schemas_to_the_meta_schema() throws Exception {
    List<String> notSure =
        List.of(
            "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"strin\"}}}",
            "{\"type\":\"object\",\"required\":[\"a\",\"a\"]}",
            "{\"type\":\"object\",\"properties\":{\"a\":{\"minLength\":-1}}}",
            "{\"type\":\"object\",\"properties\":{\"a\":{\"minLength\":1.5}}}",
            "{\"type\":\"object\",\"properties\":{\"a\":{\"multipleOf\":0}}}",
            "{\"type\":\"object\",\"properties\":[]}",
            "{\"type\":\"object\",\"anyOf\":[]}",
            "{\"type\":[]}",
            "{\"type\":[\"string\",\"string\"]}",
            "{\"type\":\"object\",\"properties\":{\"a\":{\"$ref\":\"#/$defs/a\"}},"
                + "\"$defs\":{\"a\":{\"type\":\"string\"}}}",
            "{\"type\":\"object\",\"x-vendor\":1}",
            "{\"type\":\"object\",\"properties\":{\"a\":3}}");
    for (String text : notSure) {
      assertThat(PlainToolSchema.certainlyValid(json(text))).as(text).isFalse();
    }
    // The first six are invalid: the meta-schema (which the check falls back to) says so.
    for (String text : notSure.subList(0, 6)) {
      assertThat(ToolSchemaCheck.metaSchemaErrors(json(text))).as(text).isNotEmpty();
    }
  }

  @Test
  void should_vouch_only_for_schemas_the_meta_schema_accepts_on_random_schemas() {
    Random random = new Random(18);
    int vouched = 0;
    List<String> wrong = new ArrayList<>();
    for (int i = 0; i < 3_000; i++) {
      JsonNode schema = randomSchema(random, 0);
      if (PlainToolSchema.certainlyValid(schema)) {
        vouched++;
        if (!ToolSchemaCheck.metaSchemaErrors(schema).isEmpty()) {
          wrong.add(schema + " -> " + ToolSchemaCheck.metaSchemaErrors(schema));
        }
      }
    }
    assertThat(wrong).isEmpty();
    // Enough of them vouched for that the comparison means something.
    assertThat(vouched).isGreaterThan(300);
  }

  @Test
  void should_vouch_for_every_tool_schema_of_the_built_in_pack() {
    List<String> missed = new ArrayList<>();
    for (Scenario scenario : ScenarioCatalog.fromClasspath().all()) {
      scenario.tools().stream()
          .filter(tool -> tool.parameters() != null)
          .filter(tool -> !PlainToolSchema.certainlyValid(tool.parameters()))
          .forEach(tool -> missed.add(scenario.id() + " " + tool.name()));
    }
    assertThat(missed).isEmpty();
  }

  private static final String[] KEYWORDS = {
    "type",
    "properties",
    "required",
    "items",
    "enum",
    "const",
    "default",
    "description",
    "title",
    "pattern",
    "format",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "multipleOf",
    "minLength",
    "maxItems",
    "uniqueItems",
    "additionalProperties",
    "anyOf",
    "oneOf",
    "not",
    "readOnly",
    "examples",
    "minContains"
  };

  private static final String[] TYPES = {
    "string", "object", "array", "number", "integer", "boolean", "null", "strin", "Object"
  };

  private static JsonNode randomSchema(Random random, int depth) {
    if (depth > 0 && random.nextInt(8) == 0) {
      return NODES.booleanNode(random.nextBoolean());
    }
    ObjectNode schema = NODES.objectNode();
    int keywords = random.nextInt(depth == 0 ? 5 : 3) + 1;
    for (int k = 0; k < keywords; k++) {
      String keyword = KEYWORDS[random.nextInt(KEYWORDS.length)];
      schema.set(keyword, valueFor(keyword, random, depth));
    }
    return schema;
  }

  /** Mostly a well-typed value, sometimes a value of another kind. */
  private static JsonNode valueFor(String keyword, Random random, int depth) {
    if (random.nextInt(6) == 0) {
      return anyValue(random);
    }
    return switch (keyword) {
      case "type" -> {
        if (random.nextBoolean()) {
          yield NODES.textNode(TYPES[random.nextInt(TYPES.length)]);
        }
        ArrayNode types = NODES.arrayNode();
        for (int i = random.nextInt(3); i >= 0; i--) {
          types.add(TYPES[random.nextInt(TYPES.length)]);
        }
        yield types;
      }
      case "properties" -> {
        ObjectNode properties = NODES.objectNode();
        for (int i = random.nextInt(3); i >= 0 && depth < 3; i--) {
          properties.set("p" + i, randomSchema(random, depth + 1));
        }
        yield properties;
      }
      case "items", "additionalProperties", "not" ->
          depth < 3 ? randomSchema(random, depth + 1) : NODES.booleanNode(true);
      case "anyOf", "oneOf" -> {
        ArrayNode all = NODES.arrayNode();
        for (int i = random.nextInt(3) - 1; i >= 0 && depth < 3; i--) {
          all.add(randomSchema(random, depth + 1));
        }
        yield all;
      }
      case "required" -> {
        ArrayNode names = NODES.arrayNode();
        for (int i = random.nextInt(3); i > 0; i--) {
          names.add("p" + random.nextInt(3));
        }
        yield names;
      }
      case "enum", "examples" -> NODES.arrayNode().add(anyValue(random)).add(anyValue(random));
      case "minimum", "maximum", "exclusiveMinimum", "multipleOf" ->
          random.nextBoolean()
              ? NODES.numberNode(random.nextInt(5) - 2)
              : NODES.numberNode(random.nextDouble() * 4 - 2);
      case "minLength", "maxItems", "minContains" ->
          random.nextInt(4) == 0
              ? NODES.numberNode(random.nextDouble() * 3)
              : NODES.numberNode(random.nextInt(6) - 2);
      case "uniqueItems", "readOnly" -> NODES.booleanNode(random.nextBoolean());
      default -> NODES.textNode("t" + random.nextInt(3));
    };
  }

  private static JsonNode anyValue(Random random) {
    return switch (random.nextInt(6)) {
      case 0 -> NODES.textNode("x");
      case 1 -> NODES.numberNode(random.nextInt(7) - 3);
      case 2 -> NODES.booleanNode(random.nextBoolean());
      case 3 -> NODES.nullNode();
      case 4 -> NODES.arrayNode().add("a").add("a");
      default -> NODES.objectNode().put("k", 1);
    };
  }
}
