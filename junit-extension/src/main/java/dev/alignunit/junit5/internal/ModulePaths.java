package dev.alignunit.junit5.internal;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.List;

/**
 * The module a test class belongs to, so recordings, baseline and report resolve against it and not
 * against the working directory: an IDE or console-launcher run started from the parent folder
 * finds the module's recordings and writes the module's report. The module is the nearest directory
 * above the test class's output folder holding a {@code pom.xml}, {@code build.gradle} or {@code
 * build.gradle.kts}; else the {@code basedir} system property (set by Surefire and Failsafe); else
 * the working directory.
 */
final class ModulePaths {

  private static final List<String> BUILD_FILES =
      List.of("pom.xml", "build.gradle", "build.gradle.kts");

  private static final ClassValue<Path> MODULES =
      new ClassValue<>() {
        @Override
        protected Path computeValue(Class<?> type) {
          return find(type);
        }
      };

  private ModulePaths() {}

  /**
   * @return the absolute module directory of the test class
   */
  static Path moduleOf(Class<?> testClass) {
    return MODULES.get(testClass);
  }

  private static Path find(Class<?> testClass) {
    Path classes = classesDirectory(testClass);
    for (Path dir = classes; dir != null; dir = dir.getParent()) {
      Path candidate = dir;
      if (BUILD_FILES.stream().anyMatch(f -> Files.isRegularFile(candidate.resolve(f)))) {
        return dir;
      }
    }
    String basedir = System.getProperty("basedir");
    if (basedir != null && !basedir.isBlank()) {
      return Path.of(basedir).toAbsolutePath().normalize();
    }
    return Path.of("").toAbsolutePath();
  }

  /** The directory the class was loaded from, or {@code null} (a jar, or no code source). */
  private static Path classesDirectory(Class<?> type) {
    CodeSource source = type.getProtectionDomain().getCodeSource();
    if (source == null
        || source.getLocation() == null
        || !"file".equals(source.getLocation().getProtocol())) {
      return null;
    }
    try {
      Path path = Path.of(source.getLocation().toURI()).toAbsolutePath().normalize();
      return Files.isDirectory(path) ? path : null;
    } catch (URISyntaxException | IllegalArgumentException e) {
      return null;
    }
  }
}
