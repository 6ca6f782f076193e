package dev.alignunit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The streaming tree reader and writer give what an {@code ObjectMapper} gives, node for node. */
class JsonTreesTest {

  /** A mapper of its own, as a user's code or the library before this class would make it. */
  private static final ObjectMapper MAPPER = new ObjectMapper();

  static Stream<String> texts() {
    List<String> texts =
        new ArrayList<>(
            List.of(
                "",
                "   ",
                "null",
                "true",
                "false",
                "0",
                "-0",
                "2147483647",
                "2147483648",
                "-2147483649",
                "9223372036854775807",
                "9223372036854775808",
                "-92233720368547758090",
                "1.5",
                "-0.0",
                "1e3",
                "1E-7",
                "1e400",
                "0.1000000000000000055511151231257827",
                "123456789012345678901234567890.5",
                "\"\"",
                "\"a\\u0000b\\n\\t\\\"\\\\/\\u00e9\\ud83d\\ude00 é \u2028\"",
                "{}",
                "[]",
                "[[],{},[{}]]",
                "{\"a\":1,\"b\":[1,2.5,\"x\",null,true,{\"c\":{}}]}",
                "{\"a\":1,\"b\":2,\"a\":3}",
                "{\"a\":{\"x\":1},\"a\":[2]}",
                "{\"\":\"empty name\"}",
                "{\"a\":1} trailing",
                "[1] [2]",
                " \n {\"spaced\" : [ 1 , 2 ] } \n",
                "[" + "[".repeat(400) + "]".repeat(400) + "]"));
    Random random = new Random(18);
    for (int i = 0; i < 120; i++) {
      StringBuilder text = new StringBuilder();
      document(random, text, 0);
      texts.add(text.toString());
    }
    return texts.stream();
  }

  static Stream<String> malformed() {
    return Stream.of(
        "[1,",
        "{",
        "{\"a\"",
        "{\"a\":}",
        "{\"a\" 1}",
        "<html>",
        "01",
        "[1,]",
        "{\"a\":1,}",
        "'single'",
        "\"unterminated",
        "NaN",
        "[" + "[".repeat(1200) + "]".repeat(1200) + "]",
        "{\"x\":1" + "0".repeat(1200) + "}",
        "]");
  }

  @ParameterizedTest
  @MethodSource("texts")
  void should_read_every_text_into_the_nodes_the_mapper_reads(String text) throws Exception {
    JsonNode expected = MAPPER.readTree(text);
    JsonNode actual = JsonTrees.read(text);

    assertSameNodes(actual, expected);
    assertThat(actual.toString()).isEqualTo(expected.toString());
  }

  @ParameterizedTest
  @MethodSource("malformed")
  void should_reject_malformed_text_with_the_mappers_message(String text) {
    String expected = failure(() -> MAPPER.readTree(text));

    assertThat(expected).isNotNull();
    assertThat(failure(() -> JsonTrees.read(text))).isEqualTo(expected);
  }

  @Test
  void should_refuse_a_missing_text_as_the_mapper_does() {
    assertThatThrownBy(() -> JsonTrees.read((String) null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(failure(() -> MAPPER.readTree((String) null)));
  }

  @ParameterizedTest
  @MethodSource("texts")
  void should_read_a_value_inside_a_stream_as_the_mapper_does(String text) throws Exception {
    String wrapped = "{\"skip\":[1,{\"y\":2}],\"value\":" + (text.isBlank() ? "0" : text) + "}";
    if (failure(() -> MAPPER.readTree(wrapped)) != null) {
      return; // trailing content inside an object is not JSON: nothing to compare
    }
    try (JsonParser ours = JsonTrees.factory().createParser(wrapped);
        JsonParser theirs = MAPPER.getFactory().createParser(wrapped)) {
      for (JsonParser parser : List.of(ours, theirs)) {
        parser.nextToken();
        parser.nextToken();
        parser.nextToken();
        parser.skipChildren();
        parser.nextToken();
        parser.nextToken();
      }
      JsonNode actual = JsonTrees.read(ours);
      JsonNode expected = MAPPER.readTree(theirs);

      assertSameNodes(actual, expected);
      assertThat(ours.currentToken()).isEqualTo(theirs.currentToken()).isNull();
      assertThat(ours.nextToken()).isEqualTo(theirs.nextToken()).isEqualTo(JsonToken.END_OBJECT);
    }
  }

  @Test
  void should_return_null_at_the_end_of_a_stream_as_the_mapper_does() throws Exception {
    try (JsonParser ours = JsonTrees.factory().createParser(" ");
        JsonParser theirs = MAPPER.getFactory().createParser(" ")) {
      assertThat(JsonTrees.read(ours)).isNull();
      assertThat((JsonNode) MAPPER.readTree(theirs)).isNull();
    }
  }

  @ParameterizedTest
  @MethodSource("texts")
  void should_write_every_tree_as_the_mapper_writes_it(String text) throws Exception {
    JsonNode tree = MAPPER.readTree(text);

    assertThat(JsonTrees.write(tree)).isEqualTo(MAPPER.writeValueAsString(tree));
  }

  @Test
  void should_write_built_trees_with_every_kind_of_number_as_the_mapper_does() throws Exception {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    ObjectNode tree = nodes.objectNode();
    tree.put("float", 1.25f)
        .put("double", -3.0e-9)
        .put("short", (short) 7)
        .put("long", Long.MIN_VALUE)
        .put("big", new java.math.BigInteger("123456789012345678901234567890"))
        .put("decimal", new java.math.BigDecimal("1.50"))
        .put("nan", Double.NaN)
        .put("bytes", new byte[] {1, 2, 3})
        .putNull("none");
    tree.putArray("list").add("é\u0001").addObject().putArray("empty");

    assertThat(JsonTrees.write(tree)).isEqualTo(MAPPER.writeValueAsString(tree));
  }

  @Test
  void should_write_a_tree_holding_a_java_object_with_data_binding() throws Exception {
    ObjectNode tree = JsonNodeFactory.instance.objectNode();
    tree.putPOJO("pojo", java.util.Map.of("k", List.of(1, 2)));

    assertThat(JsonTrees.write(tree))
        .isEqualTo(MAPPER.writeValueAsString(tree))
        .isEqualTo("{\"pojo\":{\"k\":[1,2]}}");
  }

  @Test
  void should_read_and_write_from_many_threads_at_once_as_from_one() throws Exception {
    List<String> texts = texts().filter(t -> !t.isBlank()).toList();
    List<JsonNode> expected = new ArrayList<>();
    for (String text : texts) {
      expected.add(MAPPER.readTree(text));
    }
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
      List<java.util.concurrent.Future<Integer>> done = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int offset = t;
        done.add(
            pool.submit(
                () -> {
                  start.await();
                  int same = 0;
                  for (int i = 0; i < texts.size(); i++) {
                    int k = (i + offset * 17) % texts.size();
                    JsonNode read = JsonTrees.read(texts.get(k));
                    if (read.equals(expected.get(k))
                        && JsonTrees.write(read)
                            .equals(MAPPER.writeValueAsString(expected.get(k)))) {
                      same++;
                    }
                  }
                  return same;
                }));
      }
      start.countDown();
      for (java.util.concurrent.Future<Integer> d : done) {
        assertThat(d.get(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(texts.size());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** Equal, and every node of the same class (an int is not a long, a double not a decimal). */
  private static void assertSameNodes(JsonNode actual, JsonNode expected) {
    assertThat(actual).isEqualTo(expected);
    assertThat(actual.getClass()).isEqualTo(expected.getClass());
    if (expected.isObject()) {
      assertThat(iterable(actual.fieldNames())).isEqualTo(iterable(expected.fieldNames()));
      expected.fieldNames().forEachRemaining(n -> assertSameNodes(actual.get(n), expected.get(n)));
    } else if (expected.isArray()) {
      for (int i = 0; i < expected.size(); i++) {
        assertSameNodes(actual.get(i), expected.get(i));
      }
    }
  }

  private static List<String> iterable(java.util.Iterator<String> names) {
    List<String> list = new ArrayList<>();
    names.forEachRemaining(list::add);
    return list;
  }

  private interface Reading {
    Object read() throws Exception;
  }

  /** The exception's class and message, or {@code null} when the reading succeeds. */
  private static String failure(Reading reading) {
    try {
      reading.read();
      return null;
    } catch (JsonProcessingException e) {
      return e.getClass().getName() + ": " + e.getOriginalMessage() + " @ " + e.getLocation();
    } catch (Exception e) {
      return e.getMessage();
    }
  }

  /** A random JSON document: nesting, repeated names, every kind of scalar. */
  private static void document(Random random, StringBuilder out, int depth) {
    int kind = depth > 4 ? 2 + random.nextInt(7) : random.nextInt(9);
    switch (kind) {
      case 0 -> {
        out.append('{');
        int n = random.nextInt(5);
        for (int i = 0; i < n; i++) {
          if (i > 0) {
            out.append(',');
          }
          out.append("\"k").append(random.nextInt(4)).append("\":");
          document(random, out, depth + 1);
        }
        out.append('}');
      }
      case 1 -> {
        out.append('[');
        int n = random.nextInt(5);
        for (int i = 0; i < n; i++) {
          if (i > 0) {
            out.append(',');
          }
          document(random, out, depth + 1);
        }
        out.append(']');
      }
      case 2 -> out.append(random.nextInt());
      case 3 -> out.append(random.nextLong());
      case 4 -> out.append(random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20));
      case 5 -> out.append(new java.math.BigInteger(100, random));
      case 6 -> out.append('"').append(Integer.toHexString(random.nextInt())).append("\\u00e9\"");
      case 7 -> out.append(random.nextBoolean());
      default -> out.append("null");
    }
  }
}
