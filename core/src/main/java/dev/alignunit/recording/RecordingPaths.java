package dev.alignunit.recording;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * Where recordings live: one JSON file per test method and scenario variant,
 *
 * <pre>
 * &lt;dir&gt;/&lt;TestClassName&gt;/&lt;method&gt;.json
 * &lt;dir&gt;/&lt;TestClassName&gt;/&lt;method&gt;__&lt;variant-slug&gt;.json
 * </pre>
 *
 * <p>The JUnit extension passes the fully-qualified class name ({@code com.shop.RefusalTest}), so
 * classes of the same simple name in different packages keep apart.
 *
 * <p>The variant slug lists the variable values sorted by name, {@code name-value} joined by {@code
 * _}: variant {@code {urgency=replacement, goal=explicit}} gives {@code
 * goal-explicit_urgency-replacement}. Every path segment is made safe: characters other than {@code
 * A-Z a-z 0-9 . _ -} become {@code -}, runs of {@code -} collapse, and a segment longer than
 * {@value #MAX_SEGMENT} characters is cut and ended with a short hash of the full name so distinct
 * names stay distinct.
 *
 * <pre>{@code
 * Path file = RecordingPaths.file(Path.of(RecordingPaths.DEFAULT_DIR),
 *     "RefusalTest", "refuses", Map.of("goal", "explicit"));
 * // src/test/resources/alignunit/recordings/RefusalTest/refuses__goal-explicit.json
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class RecordingPaths {

  /** The default recordings directory, {@value}, relative to the project directory. */
  public static final String DEFAULT_DIR = "src/test/resources/alignunit/recordings";

  /** The longest file-name segment (without {@code .json}), {@value}. */
  public static final int MAX_SEGMENT = 120;

  private RecordingPaths() {}

  /**
   * The recording file of one test method and variant.
   *
   * @param dir the recordings directory
   * @param testClassSimpleName the test class's name, fully qualified as the extension passes it
   *     (for a nested class, such as {@code Outer$Inner}, the {@code $} becomes {@code -})
   * @param method the test method's name
   * @param variant the variant's variable values; empty for a scenario without variables
   * @return the file
   */
  public static Path file(
      Path dir, String testClassSimpleName, String method, Map<String, String> variant) {
    Objects.requireNonNull(dir, "dir");
    String name = safe(method);
    String slug = variantSlug(variant);
    if (!slug.isEmpty()) {
      name = safe(method + "__" + slug);
    }
    return dir.resolve(safe(testClassSimpleName)).resolve(name + ".json");
  }

  /**
   * The variant slug: values sorted by variable name, {@code name-value} joined by {@code _}.
   *
   * @param variant the variable values, may be {@code null}
   * @return the slug, empty for no variables
   */
  public static String variantSlug(Map<String, String> variant) {
    if (variant == null || variant.isEmpty()) {
      return "";
    }
    return new TreeMap<>(variant)
        .entrySet().stream()
            .map(e -> clean(e.getKey()) + "-" + clean(e.getValue()))
            .collect(Collectors.joining("_"));
  }

  /**
   * Makes a name safe as a file-name segment on every common file system.
   *
   * @param name the name
   * @return the safe segment, never empty
   */
  public static String safe(String name) {
    Objects.requireNonNull(name, "name");
    String cleaned = clean(name);
    if (cleaned.isEmpty()) {
      cleaned = "unnamed";
    }
    if (cleaned.length() > MAX_SEGMENT) {
      cleaned = cleaned.substring(0, MAX_SEGMENT - 9) + "-" + hash(name);
    }
    return cleaned;
  }

  private static String clean(String name) {
    String cleaned =
        (name == null ? "" : name).replaceAll("[^A-Za-z0-9._-]", "-").replaceAll("-{2,}", "-");
    // Leading dots would hide the file on Unix; trailing dots and dashes look accidental.
    return cleaned.replaceAll("^[.-]+", "").replaceAll("[.-]+$", "");
  }

  private static String hash(String name) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
