package dev.alignunit.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Core must stay usable without JUnit: nothing under src/main imports it. */
class CoreIndependenceTest {

  @Test
  void should_not_import_junit_in_core_main_sources() throws IOException {
    Path main = Path.of("src/main/java");
    assertThat(main).isDirectory();
    List<String> offenders;
    try (Stream<Path> files = Files.walk(main)) {
      offenders =
          files
              .filter(f -> f.toString().endsWith(".java"))
              .filter(
                  f -> {
                    try {
                      return Files.readString(f)
                          .matches("(?s).*\\bimport\\s+(static\\s+)?org\\.junit\\..*");
                    } catch (IOException e) {
                      throw new java.io.UncheckedIOException(e);
                    }
                  })
              .map(Path::toString)
              .toList();
    }
    assertThat(offenders).as("core main sources importing JUnit").isEmpty();
  }
}
