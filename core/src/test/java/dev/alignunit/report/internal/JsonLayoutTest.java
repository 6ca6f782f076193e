package dev.alignunit.report.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Stored samples are copied into {@code results.json} by changing only their white space: the bytes
 * must be exactly what the report's writers write for the same value.
 */
class JsonLayoutTest {

  private static JsonNode awkward() {
    ObjectNode value = ReportJson.mapper().createObjectNode();
    value.put("sample", 12);
    value.put("text", "quote \" backslash \\ braces {[,:]} new\nline \u2028 tab\t é 日本 🙂");
    value.put("negative", -3.25e-7);
    value.put("big", 12345678901234L);
    value.put("yes", true);
    value.putNull("nothing");
    value.putObject("emptyObject");
    value.putArray("emptyArray");
    ArrayNode nested = value.putArray("nested");
    nested.addArray().add(1).addArray();
    nested.addObject().put("k", "v").putObject("inner").putArray("deep").add(false);
    nested.add("last");
    return value;
  }

  private static String layOut(byte[] source, int depth) throws IOException {
    return new String(
        new JsonLayout().layOutValue(new ByteArrayInputStream(source), depth),
        StandardCharsets.UTF_8);
  }

  @Test
  void should_lay_out_compact_or_pretty_json_exactly_as_the_report_writer_writes_it_at_any_depth()
      throws IOException {
    JsonNode value = awkward();
    byte[] compact = ReportJson.compact().writeValueAsBytes(value);
    byte[] pretty = ReportJson.pretty().writeValueAsBytes(value);

    for (byte[] source : new byte[][] {compact, pretty}) {
      assertThat(layOut(source, -1)).isEqualTo(new String(compact, StandardCharsets.UTF_8));
      assertThat(layOut(source, 0)).isEqualTo(new String(pretty, StandardCharsets.UTF_8));
      ArrayNode wrapped = ReportJson.mapper().createArrayNode();
      wrapped.addArray().add(value);
      assertThat("[\n  [\n    " + layOut(source, 2) + "\n  ]\n]")
          .isEqualTo(
              new String(ReportJson.pretty().writeValueAsBytes(wrapped), StandardCharsets.UTF_8));
    }
  }

  @Test
  void should_skip_the_separator_before_a_value_and_stop_at_its_end() throws IOException {
    byte[] source = " ,\n {\"a\":[]} ,{\"b\":2}".getBytes(StandardCharsets.UTF_8);

    assertThat(layOut(source, -1)).isEqualTo("{\"a\":[]}");
  }

  @Test
  void should_refuse_what_is_not_a_whole_object_or_array() {
    assertThatThrownBy(() -> layOut("42".getBytes(StandardCharsets.UTF_8), 0))
        .isInstanceOf(IOException.class)
        .hasMessage("expected a JSON object or array, found '4'");
    assertThatThrownBy(() -> layOut("{\"a\":\"cut".getBytes(StandardCharsets.UTF_8), 0))
        .isInstanceOf(IOException.class)
        .hasMessage("a JSON string ends early");
    assertThatThrownBy(() -> layOut("{\"a\":[1,".getBytes(StandardCharsets.UTF_8), 0))
        .isInstanceOf(IOException.class)
        .hasMessage("the JSON value ends early");
  }
}
