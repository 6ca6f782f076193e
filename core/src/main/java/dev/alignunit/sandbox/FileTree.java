package dev.alignunit.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.alignunit.AlignUnitException;
import dev.alignunit.model.ToolSpec;
import dev.alignunit.scenario.Environment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * The file-tree fixture of a sandbox: an in-memory file system (Jimfs, never the real disk) with
 * the scenario's files under a workspace root. It backs three built-in tools: {@value #LIST_FILES}
 * ({@code path?}: every file and folder below it, recursively), {@value #READ_FILE} ({@code path})
 * and {@value #WRITE_FILE} ({@code path, content}: creates folders as needed, replaces an existing
 * file).
 *
 * <p>Model-driven work is capped: a path longer than {@link Environment#MAX_PATH_LENGTH} characters
 * or deeper than {@link Environment#MAX_PATH_DEPTH} folders is refused with a tool error, a {@value
 * #LIST_FILES} answer lists at most {@value #MAX_LISTING_ENTRIES} entries and {@value
 * #MAX_LISTING_CHARS} characters (and says how many it left out), and a tool error quotes at most
 * 80 characters of the path the model wrote.
 *
 * <p>Paths are relative to the workspace root. A path that could leave it is rejected with a tool
 * error and recorded as a {@link FileEscapeAttempt}: an absolute path ({@code /etc/passwd}, {@code
 * C:\...}, {@code \\server}), a {@code ..} segment (even one that would stay inside), a home path
 * ({@code ~}), or a path through a symbolic link. Backslashes count as separators.
 *
 * <pre>{@code
 * sandbox.files().read("drafts/reply.md");       // Optional<String>
 * sandbox.files().written();                     // every write, in order
 * sandbox.files().escapeAttempts();              // rejected paths
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class FileTree {

  /** Tool name: {@value}. */
  public static final String LIST_FILES = "list_files";

  /** Tool name: {@value}. */
  public static final String READ_FILE = "read_file";

  /** Tool name: {@value}. */
  public static final String WRITE_FILE = "write_file";

  /** The names of the built-in file tools, in the order they are offered. */
  public static final List<String> TOOL_NAMES = dev.alignunit.scenario.Environment.FILES_TOOL_NAMES;

  /** The most entries one {@value #LIST_FILES} answer lists: {@value}. */
  public static final int MAX_LISTING_ENTRIES = 500;

  /** The most characters one {@value #LIST_FILES} answer holds: {@value}. */
  public static final int MAX_LISTING_CHARS = 32_000;

  private final FileSystem fileSystem;
  private final Path root;
  private final List<WrittenFile> written = new ArrayList<>();
  private final List<FileEscapeAttempt> escapeAttempts = new ArrayList<>();

  FileTree(Map<String, String> files) {
    fileSystem =
        Jimfs.newFileSystem(
            Configuration.unix().toBuilder().setWorkingDirectory("/workspace").build());
    root = fileSystem.getPath("/workspace");
    try {
      Files.createDirectories(root);
      for (Map.Entry<String, String> file : files.entrySet()) {
        Path path;
        try {
          path = resolve(file.getKey());
        } catch (Rejected e) {
          throw new AlignUnitException(
              "The file fixture '"
                  + file.getKey()
                  + "' is outside the workspace: "
                  + e.getMessage()
                  + ". Give 'environment: files:' paths relative to the workspace root, such as 'docs/spec.md'.");
        }
        try {
          if (file.getKey().endsWith("/")) {
            Files.createDirectories(path);
          } else {
            Files.createDirectories(path.getParent());
            Files.writeString(
                path, file.getValue() == null ? "" : file.getValue(), StandardCharsets.UTF_8);
          }
        } catch (IOException e) {
          throw new AlignUnitException(
              "The file fixture '"
                  + file.getKey()
                  + "' cannot be created ("
                  + e.getClass().getSimpleName()
                  + ": "
                  + e.getMessage()
                  + "): a path is either a file or a folder,"
                  + " so 'a' and 'a/b' cannot both be fixtures. Rename one of them.",
              e);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A file's content now (fixture content, or what the agent wrote).
   *
   * @param path relative to the workspace root
   * @return the content, or empty when there is no such file
   */
  public synchronized Optional<String> read(String path) {
    try {
      Path file = resolve(path);
      return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
          ? Optional.of(Files.readString(file))
          : Optional.empty();
    } catch (Rejected e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * @return every file's path relative to the workspace root, sorted
   */
  public synchronized List<String> paths() {
    return walk(root).stream()
        .filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
        .map(p -> root.relativize(p).toString())
        .toList();
  }

  /**
   * @return every write the agent made, in order
   */
  public synchronized List<WrittenFile> written() {
    return List.copyOf(written);
  }

  /**
   * @return every rejected path outside the workspace, in order
   */
  public synchronized List<FileEscapeAttempt> escapeAttempts() {
    return List.copyOf(escapeAttempts);
  }

  /**
   * Adds a symbolic link to the tree, to model a link that points outside the workspace. Any path
   * through a link is rejected by the tools.
   *
   * @param link the link's path, relative to the workspace root
   * @param target the target as written in the link, such as {@code /etc}
   * @return this tree
   */
  public synchronized FileTree symlink(String link, String target) {
    try {
      Path path = resolve(link);
      Files.createDirectories(path.getParent());
      Files.createSymbolicLink(path, fileSystem.getPath(target));
      return this;
    } catch (Rejected e) {
      throw new AlignUnitException("Cannot create link '" + link + "': " + e.getMessage() + ".");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<Tool> tools() {
    return List.of(
        tool(
            LIST_FILES,
            "List the files and folders of the workspace (recursively), or of one folder in it.",
            Schemas.object()
                .property(
                    "path",
                    "string",
                    "A folder relative to the workspace root; default: the root.",
                    false)
                .build(),
            this::list),
        tool(
            READ_FILE,
            "Read a text file of the workspace.",
            Schemas.object()
                .property("path", "string", "The file's path relative to the workspace root.", true)
                .build(),
            this::readTool),
        tool(
            WRITE_FILE,
            "Write a text file in the workspace (creates folders, replaces an existing file).",
            Schemas.object()
                .property("path", "string", "The file's path relative to the workspace root.", true)
                .property("content", "string", "The full text to write.", true)
                .build(),
            this::write));
  }

  private static Tool tool(
      String name, String description, JsonNode schema, Function<JsonNode, ToolResult> f) {
    return Tool.of(new ToolSpec(name, description, schema), f);
  }

  private synchronized ToolResult list(JsonNode args) {
    String raw = args.path("path").asText("");
    return atPath(
        LIST_FILES, raw.isBlank() ? "" : raw, folder -> list(raw, folder)); // no path: the root
  }

  private ToolResult list(String raw, Path folder) {
    if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
      return ToolResult.error(
          "No folder '"
              + Echo.of(raw)
              + "' in the workspace. Call list_files without a path to see"
              + " all files.");
    }
    List<String> entries =
        walk(folder).stream()
            .filter(p -> !p.equals(folder))
            .map(
                p ->
                    root.relativize(p)
                        + (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? "/" : ""))
            .toList();
    if (entries.isEmpty()) {
      return ToolResult.ok("(no files)");
    }
    StringBuilder listing = new StringBuilder();
    int shown = 0;
    for (String entry : entries) {
      if (shown == MAX_LISTING_ENTRIES || listing.length() + entry.length() > MAX_LISTING_CHARS) {
        break;
      }
      listing.append(shown == 0 ? "" : "\n").append(entry);
      shown++;
    }
    if (shown < entries.size()) {
      listing
          .append("\n... ")
          .append(entries.size() - shown)
          .append(" more (")
          .append(shown)
          .append(" of ")
          .append(entries.size())
          .append(" shown); call list_files with a folder's path to see the rest.");
    }
    return ToolResult.ok(listing.toString());
  }

  private synchronized ToolResult readTool(JsonNode args) {
    String raw = args.path("path").asText();
    return atPath(READ_FILE, raw, file -> read(raw, file));
  }

  private static ToolResult read(String raw, Path file) {
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      return ToolResult.error(
          "No file '" + Echo.of(raw) + "' in the workspace. Use list_files to see the files.");
    }
    try {
      return ToolResult.ok(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private synchronized ToolResult write(JsonNode args) {
    String raw = args.path("path").asText();
    String content = args.path("content").asText();
    return atPath(WRITE_FILE, raw, file -> write(raw, file, content));
  }

  private ToolResult write(String raw, Path file, String content) {
    if (file.equals(root) || Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
      return ToolResult.error(
          "'"
              + Echo.of(raw)
              + "' is a folder; give a file path such as '"
              + Echo.of(raw.replaceAll("/+$", ""))
              + "/notes.txt'.");
    }
    try {
      boolean created = !Files.exists(file, LinkOption.NOFOLLOW_LINKS);
      Files.createDirectories(file.getParent());
      Files.writeString(file, content, StandardCharsets.UTF_8);
      String relative = root.relativize(file).toString();
      written.add(new WrittenFile(relative, content, created));
      return ToolResult.ok("Wrote " + content.length() + " characters to " + relative + ".");
    } catch (IOException e) {
      return ToolResult.error("Cannot write '" + Echo.of(raw) + "': " + e.getMessage());
    }
  }

  /**
   * Runs a tool's work on the path the model gave, resolved inside the workspace; a path that is
   * too long or leaves the workspace gets the tool error instead, and an escape is recorded.
   */
  private ToolResult atPath(String tool, String raw, Function<Path, ToolResult> work) {
    Optional<ToolResult> tooLong = tooLong(raw);
    if (tooLong.isPresent()) {
      return tooLong.get();
    }
    Path path;
    try {
      path = resolve(raw);
    } catch (Rejected e) {
      return escape(tool, raw, e);
    }
    return work.apply(path);
  }

  private ToolResult escape(String tool, String raw, Rejected e) {
    escapeAttempts.add(new FileEscapeAttempt(tool, raw, e.getMessage()));
    return ToolResult.error(
        "Path '"
            + Echo.of(raw)
            + "' is outside the workspace: "
            + e.getMessage()
            + ". Use a path relative to the workspace root, such as 'notes/todo.txt'.");
  }

  /**
   * A path the model wrote that is too long or too deep to be worth resolving: the tool error it
   * gets instead (walking or creating thousands of nested folders would cost seconds per call).
   */
  private static Optional<ToolResult> tooLong(String raw) {
    int depth = raw.split("[/\\\\]", -1).length;
    if (raw.length() <= Environment.MAX_PATH_LENGTH && depth <= Environment.MAX_PATH_DEPTH) {
      return Optional.empty();
    }
    return Optional.of(
        ToolResult.error(
            "Path '"
                + Echo.of(raw)
                + "' is too long: paths may have at most "
                + Environment.MAX_PATH_LENGTH
                + " characters and "
                + Environment.MAX_PATH_DEPTH
                + " folders (this one has "
                + raw.length()
                + " characters and "
                + depth
                + " parts). Use a shorter path."));
  }

  /** Resolves a relative path inside the workspace, or says why it is rejected. */
  private Path resolve(String raw) throws Rejected {
    String path = raw.replace('\\', '/');
    if (path.indexOf('\0') >= 0) {
      throw new Rejected("it contains a NUL character");
    }
    if (path.startsWith("~")) {
      throw new Rejected("home-directory paths ('~') are not allowed");
    }
    if (path.startsWith("/") || path.matches("^[A-Za-z]:.*")) {
      throw new Rejected("absolute paths are not allowed");
    }
    for (String segment : path.split("/")) {
      if (segment.equals("..")) {
        throw new Rejected("'..' segments are not allowed");
      }
    }
    Path resolved = root.resolve(path).normalize();
    if (!resolved.startsWith(root)) {
      throw new Rejected("it resolves outside the workspace");
    }
    for (Path p = resolved; p != null && !p.equals(root); p = p.getParent()) {
      if (Files.isSymbolicLink(p)) {
        throw new Rejected("it goes through the symbolic link '" + root.relativize(p) + "'");
      }
    }
    return resolved;
  }

  private static List<Path> walk(Path folder) {
    try (Stream<Path> paths = Files.walk(folder)) {
      return paths.sorted(Comparator.comparing(Path::toString)).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A path was rejected; the message says why. */
  private static final class Rejected extends Exception {
    private static final long serialVersionUID = 1L;

    Rejected(String reason) {
      super(reason, null, false, false);
    }
  }
}
