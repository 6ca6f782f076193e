package dev.alignunit.buildrules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apiguardian.api.API;
import org.apiguardian.api.API.Status;

/**
 * The size rule for main source files: none of the reactor's modules has a file under {@code
 * src/main} longer than {@value #MAX_LINES} lines. A longer file holds several concerns; split it
 * by concern (the report's CSS and JavaScript are resources, the scenario parser is one class per
 * section). Source means code: Java, JavaScript, CSS and HTML; data files (JSON Schemas, YAML
 * scenarios, properties) are not counted.
 */
@API(status = Status.INTERNAL, since = "0.1")
public final class SourceFileLength {

  /** The most lines a main source file may have. */
  public static final int MAX_LINES = 500;

  private static final Set<String> SOURCE_EXTENSIONS = Set.of("java", "js", "css", "html");
  private static final Pattern MODULE = Pattern.compile("<module>\\s*([^<\\s]+)\\s*</module>");

  private SourceFileLength() {}

  /**
   * The modules the reactor's root {@code pom.xml} lists, recursively through aggregator modules.
   *
   * @param root the folder of the root {@code pom.xml}
   * @return the module folders, in the order the poms list them
   */
  public static List<Path> modules(Path root) {
    List<Path> modules = new ArrayList<>();
    Matcher m = MODULE.matcher(read(root.resolve("pom.xml")));
    while (m.find()) {
      Path module = root.resolve(m.group(1)).normalize();
      modules.add(module);
      if (Files.isRegularFile(module.resolve("pom.xml"))) {
        modules.addAll(modules(module));
      }
    }
    return modules;
  }

  /**
   * Every main source file of the given modules that is longer than the limit, as {@code
   * core/src/main/java/dev/alignunit/X.java: 612 lines (limit 500)}, relative to {@code root}.
   *
   * @param root the folder paths are shown relative to
   * @param modules the module folders
   * @param limit the most lines a file may have
   * @return one line per file over the limit, sorted by path
   */
  public static List<String> overLimit(Path root, List<Path> modules, int limit) {
    List<String> over = new ArrayList<>();
    for (Path module : modules) {
      Path main = module.resolve("src/main");
      if (!Files.isDirectory(main)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(main)) {
        files
            .filter(Files::isRegularFile)
            .filter(SourceFileLength::isSource)
            .sorted()
            .forEach(
                file -> {
                  long lines = lines(file);
                  if (lines > limit) {
                    over.add(
                        root.relativize(file).toString().replace('\\', '/')
                            + ": "
                            + lines
                            + " lines (limit "
                            + limit
                            + ")");
                  }
                });
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot list " + main, e);
      }
    }
    return over;
  }

  private static boolean isSource(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 && SOURCE_EXTENSIONS.contains(name.substring(dot + 1));
  }

  /** Lines as an editor counts them: a last line without a line break still counts. */
  private static long lines(Path file) {
    String text = read(file);
    if (text.isEmpty()) {
      return 0;
    }
    long breaks = text.chars().filter(c -> c == '\n').count();
    return text.endsWith("\n") ? breaks : breaks + 1;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }
}
