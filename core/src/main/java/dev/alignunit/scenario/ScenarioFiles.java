package dev.alignunit.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Lists the scenario files under a classpath folder (directories and jars) and parses one of them.
 */
final class ScenarioFiles {

  /** The folder of the built-in pack, relative to {@link ScenarioCatalog#DEFAULT_ROOT}. */
  static final String BUILTIN = "builtin/";

  private ScenarioFiles() {}

  /**
   * A scenario file's bytes and its source name for messages.
   *
   * @param source the name messages start with: the resource path, or {@code name.jar!/path}
   * @param relative the path below the root folder, such as {@code builtin/refusal/x.yaml}
   * @param bytes the file's content
   * @param own whether the file is in AlignUnit's own jar (or classes folder), whose built-in pack
   *     is named after its IDs (a test of AlignUnit's build checks it)
   */
  record Resource(String source, String relative, byte[] bytes, boolean own) {

    /**
     * The ID a file of the built-in pack declares: its path below {@code builtin/}, without
     * extension.
     */
    String builtinId() {
      String path = relative.substring(BUILTIN.length());
      return path.substring(0, path.lastIndexOf('.'));
    }
  }

  /** What listing found: the files, in a stable order, and the folders it could not read. */
  record Listing(List<Resource> resources, List<String> problems, List<Throwable> causes) {}

  static Listing list(ClassLoader classLoader, String rootSlash) {
    List<Resource> resources = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    List<Throwable> causes = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    Path own = ownLocation();
    Enumeration<URL> urls;
    try {
      urls = classLoader.getResources(rootSlash.replaceAll("/+$", ""));
    } catch (IOException e) {
      throw new ScenarioException(
          "Cannot list classpath folder '" + rootSlash + "': " + e.getMessage(), e);
    }
    while (urls.hasMoreElements()) {
      URL url = urls.nextElement();
      if (!seen.add(url.toString())) {
        continue;
      }
      try {
        switch (url.getProtocol()) {
          case "file" -> listDirectory(url, rootSlash, own, resources);
          case "jar" -> listJar(url, rootSlash, own, resources);
          default ->
              problems.add(
                  "Cannot list scenario files at "
                      + url
                      + " (protocol '"
                      + url.getProtocol()
                      + "'); put scenarios in a directory or a jar on the classpath.");
        }
      } catch (IOException | UncheckedIOException | URISyntaxException e) {
        problems.add("Cannot read scenario files at " + url + ": " + e.getMessage());
        causes.add(e);
      }
    }
    return new Listing(resources, problems, causes);
  }

  /**
   * Parses one file; whatever goes wrong is a {@link ScenarioException} naming the file, so one bad
   * file never hides the others.
   */
  static Scenario parse(Resource resource) {
    String content;
    try {
      content =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(resource.bytes()))
              .toString();
    } catch (CharacterCodingException e) {
      throw new ScenarioException(
          resource.source()
              + ":1:1: the file is not UTF-8 text ("
              + e.getMessage()
              + "); save it as UTF-8",
          e);
    }
    try {
      return ScenarioParser.parse(content, resource.source());
    } catch (ScenarioException e) {
      throw e;
    } catch (RuntimeException | StackOverflowError e) {
      // The parser reports every problem it knows of itself; this is the safety net for one it does
      // not.
      throw new ScenarioException(
          resource.source()
              + ":1:1: AlignUnit could not read this scenario ("
              + e
              + "); this is a bug in AlignUnit: please report it with the file",
          e);
    }
  }

  private static boolean isScenarioFile(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".yaml") || lower.endsWith(".yml") || lower.endsWith(".json");
  }

  /**
   * Where this class was loaded from (AlignUnit's jar or classes folder), or {@code null} when
   * unknown.
   */
  private static Path ownLocation() {
    try {
      java.security.CodeSource code = ScenarioFiles.class.getProtectionDomain().getCodeSource();
      return code == null
          ? null
          : Paths.get(code.getLocation().toURI()).toAbsolutePath().normalize();
    } catch (URISyntaxException | RuntimeException e) {
      return null;
    }
  }

  private static void listDirectory(URL url, String rootSlash, Path own, List<Resource> resources)
      throws IOException, URISyntaxException {
    Path dir = Paths.get(url.toURI());
    boolean ours = own != null && dir.toAbsolutePath().normalize().startsWith(own);
    if (!Files.isDirectory(dir)) {
      return;
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files =
          walk.filter(Files::isRegularFile)
              .filter(p -> isScenarioFile(p.getFileName().toString()))
              .sorted()
              .collect(Collectors.toList());
    }
    for (Path file : files) {
      String relative = dir.relativize(file).toString().replace('\\', '/');
      resources.add(new Resource(rootSlash + relative, relative, Files.readAllBytes(file), ours));
    }
  }

  private static void listJar(URL url, String rootSlash, Path own, List<Resource> resources)
      throws IOException {
    URLConnection connection = url.openConnection();
    if (!(connection instanceof JarURLConnection jarConnection)) {
      throw new IOException("not a jar connection: " + connection.getClass().getName());
    }
    // No cache: a shared cached JarFile must not be closed, and an uncached one must be.
    jarConnection.setUseCaches(false);
    // The connection's entry name is the folder inside this jar (for nested jars it may differ
    // from the root folder asked for).
    String entryName = jarConnection.getEntryName();
    String prefix = entryName == null ? rootSlash : entryName.replaceAll("/+$", "") + "/";
    try (JarFile jar = jarConnection.getJarFile()) {
      Path jarPath = Paths.get(jar.getName()).toAbsolutePath().normalize();
      String jarName = jarPath.getFileName().toString();
      boolean ours = jarPath.equals(own);
      List<JarEntry> entries =
          Collections.list(jar.entries()).stream()
              .filter(e -> !e.isDirectory())
              .filter(e -> e.getName().startsWith(prefix) && isScenarioFile(e.getName()))
              .sorted((a, b) -> a.getName().compareTo(b.getName()))
              .toList();
      for (JarEntry entry : entries) {
        try (InputStream in = jar.getInputStream(entry)) {
          resources.add(
              new Resource(
                  jarName + "!/" + entry.getName(),
                  entry.getName().substring(prefix.length()),
                  in.readAllBytes(),
                  ours));
        }
      }
    }
  }
}
