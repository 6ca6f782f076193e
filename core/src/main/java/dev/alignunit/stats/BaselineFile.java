package dev.alignunit.stats;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * The stored counts of earlier runs that later runs are compared with: per {@linkplain BaselineKey
 * test, scenario variant and model}, per metric name (such as {@code harm:blackmail}, {@code
 * refusal}, or any custom name), the {@link Proportion} counts.
 *
 * <pre>{@code
 * BaselineFile baseline = BaselineFile.load(Path.of("src/test/resources/alignunit/baseline.json"));
 * Optional<Proportion> before = baseline.get(key, "harm:blackmail");
 * baseline.put(key, "harm:blackmail", Proportion.of(0, 20));   // with -Dalignunit.baseline.update=true
 * baseline.write();                                            // temp file + atomic move
 * }</pre>
 *
 * <p>The file is JSON meant to be committed and reviewed: pretty-printed with {@code \n} line ends,
 * keys sorted at every level so that an update changes only the lines that changed, and a {@code
 * formatVersion} so a future format can be recognised:
 *
 * <pre>{@code
 * {
 *   "formatVersion" : 1,
 *   "tests" : {
 *     "com.acme.SupportAgentAlignmentTest#neverBlackmails" : {
 *       "misalignment/blackmail [goal=explicit]" : {
 *         "openai:gpt-4.1-mini" : {
 *           "harm:blackmail" : { "count" : 0, "trials" : 20 }
 * }}}}}
 * }</pre>
 *
 * <p>A missing file loads as empty (the first run has no baseline); a file that is not valid JSON
 * or not in this format fails with a {@link BaselineException} naming the file and the line and
 * column or the entry. Instances are thread-safe: tests running in parallel may {@code put} into
 * one shared instance, written once at the end.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class BaselineFile {

  /** The format version this class reads and writes, {@value}. */
  public static final int FORMAT_VERSION = 1;

  /** The default location, relative to the project directory, {@value}. */
  public static final String DEFAULT_PATH = "src/test/resources/alignunit/baseline.json";

  /**
   * Made when a baseline file is first read or written, not when the class loads: a run without a
   * baseline file (the common case) never needs a mapper of its own.
   */
  private static final class Mapper {
    static final ObjectMapper JSON =
        new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private Mapper() {}
  }

  private final Path path;
  private final TreeMap<BaselineKey, TreeMap<String, Proportion>> entries = new TreeMap<>();

  private BaselineFile(Path path) {
    this.path = Objects.requireNonNull(path, "path");
  }

  /**
   * An empty baseline that will be written to the given file.
   *
   * @param path where {@link #write()} writes
   * @return the baseline
   */
  public static BaselineFile empty(Path path) {
    return new BaselineFile(path);
  }

  /**
   * Reads a baseline file; a file that does not exist gives an empty baseline.
   *
   * @param path the file
   * @return the baseline, bound to that file for {@link #write()}
   * @throws BaselineException when the file cannot be read or is not a baseline file
   */
  public static BaselineFile load(Path path) {
    BaselineFile baseline = new BaselineFile(path);
    String text;
    try {
      text = Files.readString(path, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return baseline;
    } catch (IOException e) {
      throw new BaselineException(
          "Cannot read baseline file "
              + path
              + ": "
              + e
              + ". Check that it is a "
              + "readable file, or delete it and write a new one with -Dalignunit.baseline.update=true.",
          e);
    }
    baseline.parse(text);
    return baseline;
  }

  private void parse(String text) {
    JsonNode root;
    try {
      root = Mapper.JSON.readTree(text);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String position = at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr();
      throw new BaselineException(
          "Baseline file "
              + path
              + position
              + " is not valid JSON: "
              + e.getOriginalMessage()
              + ". Fix the file, or delete it and write a new one with "
              + "-Dalignunit.baseline.update=true.",
          e);
    }
    if (root == null || !root.isObject()) {
      throw invalid("the top level", "a JSON object with formatVersion and tests");
    }
    JsonNode version = root.get("formatVersion");
    if (version == null || !version.isInt()) {
      throw invalid("formatVersion", "the integer " + FORMAT_VERSION);
    }
    if (version.intValue() != FORMAT_VERSION) {
      throw new BaselineException(
          "Baseline file "
              + path
              + " has formatVersion "
              + version.intValue()
              + " but this AlignUnit reads formatVersion "
              + FORMAT_VERSION
              + ". Use the AlignUnit version "
              + "that wrote it, or write a new baseline with -Dalignunit.baseline.update=true.",
          null);
    }
    JsonNode tests = root.get("tests");
    if (tests == null || !tests.isObject()) {
      throw invalid("tests", "an object of test IDs");
    }
    for (Map.Entry<String, JsonNode> test : properties(tests)) {
      String testPath = "tests > \"" + test.getKey() + "\"";
      requireObject(test.getValue(), testPath, "an object of scenario variants");
      for (Map.Entry<String, JsonNode> variant : properties(test.getValue())) {
        String variantPath = testPath + " > \"" + variant.getKey() + "\"";
        requireObject(variant.getValue(), variantPath, "an object of model IDs");
        for (Map.Entry<String, JsonNode> model : properties(variant.getValue())) {
          String modelPath = variantPath + " > \"" + model.getKey() + "\"";
          requireObject(model.getValue(), modelPath, "an object of metric names");
          BaselineKey key;
          try {
            key = new BaselineKey(test.getKey(), variant.getKey(), model.getKey());
          } catch (IllegalArgumentException e) {
            throw invalid(modelPath, "non-blank test, variant and model names");
          }
          for (Map.Entry<String, JsonNode> metric : properties(model.getValue())) {
            String metricPath = modelPath + " > \"" + metric.getKey() + "\"";
            put(key, metric.getKey(), counts(metric.getValue(), metricPath));
          }
        }
      }
    }
  }

  private Proportion counts(JsonNode node, String where) {
    String expected = "{\"count\": <int>, \"trials\": <int>} with 0 <= count <= trials";
    if (node == null || !node.isObject() || node.size() != 2) {
      throw invalid(where, expected);
    }
    JsonNode count = node.get("count");
    JsonNode trials = node.get("trials");
    if (count == null
        || trials == null
        || !count.isInt()
        || !trials.isInt()
        || count.intValue() < 0
        || count.intValue() > trials.intValue()) {
      throw invalid(where, expected);
    }
    return new Proportion(count.intValue(), trials.intValue());
  }

  private void requireObject(JsonNode node, String where, String expected) {
    if (!node.isObject()) {
      throw invalid(where, expected);
    }
  }

  private BaselineException invalid(String where, String expected) {
    return new BaselineException(
        "Baseline file "
            + path
            + " is not in the baseline format at "
            + where
            + ": expected "
            + expected
            + ". Fix the entry, or delete the file and write a new one with "
            + "-Dalignunit.baseline.update=true.",
        null);
  }

  private static Iterable<Map.Entry<String, JsonNode>> properties(JsonNode node) {
    return node.properties();
  }

  /**
   * @return the file this baseline was loaded from and is written to
   */
  public Path path() {
    return path;
  }

  /**
   * The stored counts of one metric.
   *
   * @param key the test, variant and model
   * @param metric the metric name, such as {@code harm:blackmail}
   * @return the counts, or empty when the baseline has no such entry
   */
  public synchronized Optional<Proportion> get(BaselineKey key, String metric) {
    Map<String, Proportion> metrics = entries.get(key);
    return metrics == null ? Optional.empty() : Optional.ofNullable(metrics.get(metric));
  }

  /**
   * An immutable snapshot of the stored counts of one key, to compare with later.
   *
   * @param key the test, variant and model
   * @return the entry; its metrics are empty when the file has none for the key
   */
  public synchronized BaselineEntry entry(BaselineKey key) {
    return new BaselineEntry(path, key, metrics(key));
  }

  /**
   * All stored metrics of one key.
   *
   * @param key the test, variant and model
   * @return the metrics by name, sorted; empty when none
   */
  public synchronized Map<String, Proportion> metrics(BaselineKey key) {
    Map<String, Proportion> metrics = entries.get(key);
    return metrics == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(metrics));
  }

  /**
   * @return every key with at least one metric, sorted
   */
  public synchronized Set<BaselineKey> keys() {
    return Collections.unmodifiableSet(new java.util.TreeSet<>(entries.keySet()));
  }

  /**
   * @return whether the baseline holds no entry
   */
  public synchronized boolean isEmpty() {
    return entries.isEmpty();
  }

  /**
   * Stores (or replaces) the counts of one metric.
   *
   * @param key the test, variant and model
   * @param metric the metric name, such as {@code harm:blackmail}
   * @param counts the counts
   * @return this baseline
   */
  public synchronized BaselineFile put(BaselineKey key, String metric, Proportion counts) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(counts, "counts");
    if (metric == null || metric.isBlank()) {
      throw new IllegalArgumentException("metric name must not be blank");
    }
    entries.computeIfAbsent(key, k -> new TreeMap<>()).put(metric, counts);
    return this;
  }

  /**
   * Copies every entry of another baseline into this one; where both have an entry for the same key
   * and metric, the other's counts win (they are the newer run).
   *
   * @param other the baseline to merge in
   * @return this baseline
   */
  public BaselineFile merge(BaselineFile other) {
    Objects.requireNonNull(other, "other");
    TreeMap<BaselineKey, TreeMap<String, Proportion>> copy;
    synchronized (other) {
      copy = new TreeMap<>();
      other.entries.forEach((k, v) -> copy.put(k, new TreeMap<>(v)));
    }
    synchronized (this) {
      copy.forEach((key, metrics) -> metrics.forEach((metric, counts) -> put(key, metric, counts)));
    }
    return this;
  }

  /**
   * The file's content as it would be written.
   *
   * @return pretty JSON with sorted keys, ending with a newline
   */
  public synchronized String toJson() {
    ObjectNode root = Mapper.JSON.createObjectNode();
    root.put("formatVersion", FORMAT_VERSION);
    ObjectNode tests = root.putObject("tests");
    entries.forEach(
        (key, metrics) -> {
          ObjectNode test =
              tests.has(key.testId())
                  ? (ObjectNode) tests.get(key.testId())
                  : tests.putObject(key.testId());
          ObjectNode variant =
              test.has(key.variant())
                  ? (ObjectNode) test.get(key.variant())
                  : test.putObject(key.variant());
          ObjectNode model = variant.putObject(key.modelId());
          metrics.forEach(
              (metric, counts) -> {
                ObjectNode entry = model.putObject(metric);
                entry.put("count", counts.successes());
                entry.put("trials", counts.trials());
              });
        });
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    try {
      return Mapper.JSON.writer(printer).writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot serialise a baseline tree", e);
    }
  }

  /**
   * Writes the baseline to {@link #path()}: to a temporary file in the same directory first, then
   * moved over the old file, so a crash never leaves a half-written baseline. Creates missing
   * parent directories.
   *
   * @throws BaselineException when the file cannot be written
   */
  public synchronized void write() {
    Path target = path.toAbsolutePath();
    Path dir = target.getParent();
    Path temp = null;
    try {
      Files.createDirectories(dir);
      temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
      Files.writeString(temp, toJson(), StandardCharsets.UTF_8);
      try {
        Files.move(
            temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // the original failure is the one to report
        }
      }
      throw new BaselineException(
          "Cannot write baseline file "
              + path
              + ": "
              + e
              + ". Check that the directory is writable.",
          e);
    }
  }
}
