package dev.alignunit.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's configuration table is generated from {@link ConfigurationKeys}; this test keeps the
 * two equal. Regenerate the table after changing a key with
 *
 * <pre>
 * mvn -B -pl core test -Dtest=ConfigurationTableTest -Dreadme.update=true
 * </pre>
 *
 * which rewrites the part of {@code README.md} between the {@code configuration-table} markers.
 */
class ConfigurationTableTest {

  static final String START =
      "<!-- configuration-table: generated from dev.alignunit.config.ConfigurationKeys by"
          + " mvn -B -pl core test -Dtest=ConfigurationTableTest -Dreadme.update=true -->";
  static final String END = "<!-- /configuration-table -->";
  private static final Pattern PLACEHOLDER_WORD = Pattern.compile("[\\w.:/-]*<[^>\\s]+>[\\w.:/-]*");

  /** The table: one row per key, in the list's order. */
  static String table() {
    StringBuilder table =
        new StringBuilder()
            .append("| key | default | accepted values | meaning |\n")
            .append("| --- | --- | --- | --- |\n");
    for (ConfigurationKey<?> key : ConfigurationKeys.all()) {
      String defaultCell =
          key.defaultIfAny().isPresent() ? "`" + key.defaultText() + "`" : key.defaultText();
      table
          .append("| `")
          .append(key.name())
          .append("` | ")
          .append(defaultCell)
          .append(" | ")
          .append(markdown(key.type().accepted()))
          .append(" | ")
          .append(key.doc())
          .append(" |\n");
    }
    return table.toString();
  }

  /**
   * Words with a placeholder such as {@code openai:<model>} become code, so Markdown shows the
   * brackets.
   */
  private static String markdown(String text) {
    Matcher m = PLACEHOLDER_WORD.matcher(text);
    return m.replaceAll(match -> Matcher.quoteReplacement("`" + match.group() + "`"));
  }

  private static Path readme() {
    Path readme = Path.of("").toAbsolutePath().getParent().resolve("README.md");
    assertThat(readme)
        .as("README.md of the repository (tests run in the core module's directory)")
        .exists();
    return readme;
  }

  @Test
  void should_match_the_readme_configuration_table() throws IOException {
    Path readme = readme();
    String text = Files.readString(readme, StandardCharsets.UTF_8);
    int start = text.indexOf(START);
    int end = text.indexOf(END);
    assertThat(start).as("README.md has the marker line\n%s", START).isNotNegative();
    assertThat(end)
        .as("README.md has the marker line %s after the table", END)
        .isGreaterThan(start);
    String expected = START + "\n" + table() + END;
    if (Boolean.getBoolean("readme.update")) {
      Files.writeString(
          readme,
          text.substring(0, start) + expected + text.substring(end + END.length()),
          StandardCharsets.UTF_8);
      return;
    }
    assertThat(text.substring(start, end + END.length()))
        .as(
            "README.md's configuration table differs from ConfigurationKeys. Regenerate it with:\n"
                + "  mvn -B -pl core test -Dtest=ConfigurationTableTest -Dreadme.update=true\n")
        .isEqualTo(expected);
  }

  /** One table, generated: another page links to it instead of keeping a copy that can drift. */
  @Test
  void should_keep_the_only_table_of_keys_in_the_readme() throws IOException {
    Path docs = readme().resolveSibling("docs");
    try (java.util.stream.Stream<Path> pages = Files.list(docs)) {
      assertThat(
              pages
                  .filter(p -> p.toString().endsWith(".md"))
                  .filter(
                      p -> {
                        try {
                          return Files.readAllLines(p, StandardCharsets.UTF_8).stream()
                              .anyMatch(l -> l.startsWith("| `alignunit."));
                        } catch (IOException e) {
                          throw new java.io.UncheckedIOException(e);
                        }
                      })
                  .map(p -> p.getFileName().toString()))
          .as(
              "docs pages with a table of configuration keys; link to ../README.md#configuration instead")
          .isEmpty();
    }
  }

  @Test
  void should_show_placeholders_as_code() {
    assertThat(
            markdown("openai:<model>, anthropic:<model> or scripted, such as openai:gpt-4.1-mini"))
        .isEqualTo(
            "`openai:<model>`, `anthropic:<model>` or scripted, such as openai:gpt-4.1-mini");
  }
}
