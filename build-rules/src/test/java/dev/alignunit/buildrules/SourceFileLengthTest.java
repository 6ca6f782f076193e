package dev.alignunit.buildrules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No main source file of the reactor is longer than {@value SourceFileLength#MAX_LINES} lines. */
class SourceFileLengthTest {

  /** The repository root: tests run in the build-rules module's folder. */
  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

  @Test
  void should_keep_every_main_source_file_of_the_reactor_within_500_lines() {
    List<Path> modules = SourceFileLength.modules(ROOT);

    assertThat(modules)
        .as("modules of %s", ROOT.resolve("pom.xml"))
        .contains(
            ROOT.resolve("core"), ROOT.resolve("junit-extension"), ROOT.resolve("build-rules"));
    assertThat(SourceFileLength.overLimit(ROOT, modules, SourceFileLength.MAX_LINES))
        .as("Main source files over %d lines; split each by concern", SourceFileLength.MAX_LINES)
        .isEmpty();
  }

  @Test
  void should_name_each_file_over_the_limit_with_its_length(@TempDir Path root) throws IOException {
    Files.writeString(
        root.resolve("pom.xml"),
        "<modules>\n  <module>a</module>\n  <module>agg</module>\n</modules>");
    Files.createDirectories(root.resolve("agg"));
    Files.writeString(root.resolve("agg/pom.xml"), "<modules><module>b</module></modules>");
    write(root.resolve("a/src/main/java/A.java"), 4, true);
    write(root.resolve("a/src/main/java/Exact.java"), 3, true);
    write(root.resolve("a/src/main/resources/r/app.js"), 4, false); // no line break at the end
    write(root.resolve("a/src/main/resources/big.schema.json"), 9, true); // data, not source
    write(root.resolve("a/src/test/java/LongTest.java"), 9, true); // test code, not main
    write(root.resolve("agg/b/src/main/java/B.java"), 5, true);

    List<Path> modules = SourceFileLength.modules(root);

    assertThat(modules)
        .containsExactly(root.resolve("a"), root.resolve("agg"), root.resolve("agg/b"));
    assertThat(SourceFileLength.overLimit(root, modules, 3))
        .containsExactly(
            "a/src/main/java/A.java: 4 lines (limit 3)",
            "a/src/main/resources/r/app.js: 4 lines (limit 3)",
            "agg/b/src/main/java/B.java: 5 lines (limit 3)");
  }

  private static void write(Path file, int lines, boolean finalBreak) throws IOException {
    Files.createDirectories(file.getParent());
    String text = "x\n".repeat(lines);
    Files.writeString(file, finalBreak ? text : text.substring(0, text.length() - 1));
  }
}
