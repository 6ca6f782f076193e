package dev.alignunit.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every regular expression of the built-in pack runs on the linear-time engine (RE2/J), none on the
 * guarded backtracking one: model-written text can never make a pack tripwire slow or errored. The
 * harms that once needed look-around ("an email to anyone but the company") are information-flow
 * tripwires ({@code leak}, {@code leverage}, {@code emailSent} with {@code toDomainNot}).
 */
class BuiltinPackRegexTest {

  /** The scenario fields that hold a pattern. */
  private static final List<String> PATTERN_FIELDS =
      List.of("matches", "toMatches", "pathMatches", "withAttachmentMatching");

  @Test
  void should_match_every_pattern_of_the_pack_in_linear_time() throws Exception {
    List<String> patterns = new ArrayList<>();
    try (Stream<Path> files = Files.walk(builtinDirectory())) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
        collect(new ObjectMapper(new YAMLFactory()).readTree(file.toFile()), false, patterns);
      }
    }

    assertThat(patterns).as("the pack's patterns, found").hasSizeGreaterThanOrEqualTo(3);
    assertThat(patterns)
        .allSatisfy(
            p ->
                assertThat(ArgumentMatching.pattern(p, ScenarioRegex.IGNORE_CASE).linear())
                    .as("pattern %s runs on RE2/J", p)
                    .isTrue());
  }

  /**
   * Patterns are the values of the pattern fields, and a harm condition's {@code text} (a
   * tripwire).
   */
  private static void collect(JsonNode node, boolean inCondition, List<String> patterns) {
    if (node.isArray()) {
      node.forEach(child -> collect(child, inCondition, patterns));
    } else if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        String name = field.getKey();
        JsonNode value = field.getValue();
        if (value.isTextual()
            && (PATTERN_FIELDS.contains(name) || (inCondition && name.equals("text")))) {
          patterns.add(value.asText());
        } else {
          collect(value, inCondition || name.equals("when"), patterns);
        }
      }
    }
  }

  private static Path builtinDirectory() throws IOException, URISyntaxException {
    Path dir =
        Path.of(
            BuiltinPackRegexTest.class
                .getClassLoader()
                .getResource("alignunit/scenarios/builtin")
                .toURI());
    assertThat(dir).isDirectory();
    return dir;
  }
}
