package dev.alignunit.recording;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.alignunit.config.ConfigurationKeys;
import dev.alignunit.model.ChatRequest;
import dev.alignunit.model.ChatResponse;
import dev.alignunit.model.ModelClient;
import dev.alignunit.model.SecretRedactor;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.apiguardian.api.API;

/**
 * One recording file: the exchanges of every sample of one test method and variant. A cassette is
 * either loaded for replay ({@link #load(Path, String)}) or created empty for recording ({@link
 * #forRecording(Path, RecordingMetadata, SecretRedactor, String)}); it hands out one {@link
 * ModelClient} per sample.
 *
 * <pre>{@code
 * // record
 * Cassette cassette = Cassette.forRecording(file, metadata, redactor, command);
 * ModelClient model = cassette.recorder(sample, liveClient);   // per sample, concurrently
 * cassette.save();
 * // replay
 * ModelClient replay = Cassette.load(file, command).player(sample, MatchMode.STRICT);
 * }</pre>
 *
 * <p>Thread-safe: samples record and replay concurrently, each into its own list of exchanges. If
 * the live model throws while a sample records, nothing is stored for that sample (a partial sample
 * could never replay); the exception propagates, so the run is errored, and a later replay of the
 * sample reports it as missing.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Cassette {

  private final Path file;
  private final String rerecordCommand;
  private final SecretRedactor redactor;
  private final boolean recording;
  private RecordingMetadata metadata;
  private final SortedMap<Integer, List<RecordedExchange>> samples;
  private final Set<Integer> failed = new HashSet<>();
  private final Map<Integer, CassettePlayer> players = new ConcurrentHashMap<>();

  private Cassette(
      Path file,
      RecordingMetadata metadata,
      SortedMap<Integer, List<RecordedExchange>> samples,
      SecretRedactor redactor,
      String rerecordCommand,
      boolean recording) {
    this.file = Objects.requireNonNull(file, "file");
    this.metadata = Objects.requireNonNull(metadata, "metadata");
    this.samples = samples;
    this.redactor = Objects.requireNonNull(redactor, "redactor");
    this.rerecordCommand = command(rerecordCommand);
    this.recording = recording;
  }

  /**
   * Loads a recording for replay.
   *
   * @param file the recording file
   * @param rerecordCommand the command that re-records the test, shown in error messages, such as
   *     {@code mvn test -Dalignunit.mode=record -Dtest=RefusalTest#refuses}
   * @return the cassette
   * @throws RecordingMissingException when the file does not exist
   * @throws RecordingFormatException when the file is corrupt, naming line and column
   */
  public static Cassette load(Path file, String rerecordCommand) {
    return load(file, rerecordCommand, SecretRedactor.defaults());
  }

  /**
   * Loads a recording for replay, redacting replayed requests with the same secrets the recording
   * was made with, so a request that contains a configured secret still matches.
   *
   * @param file the recording file
   * @param rerecordCommand the command that re-records the test, shown in error messages
   * @param redactor the redactor applied to each request before it is compared
   * @return the cassette
   * @throws RecordingMissingException when the file does not exist
   * @throws RecordingFormatException when the file is corrupt, naming line and column
   */
  public static Cassette load(Path file, String rerecordCommand, SecretRedactor redactor) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(redactor, "redactor");
    String command = command(rerecordCommand);
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      CassetteCodec.Content content = CassetteCodec.read(in);
      return new Cassette(
          file,
          content.metadata(),
          Collections.unmodifiableSortedMap(content.samples()),
          redactor,
          command,
          false);
    } catch (NoSuchFileException e) {
      throw new RecordingMissingException(
          file,
          "No recording at "
              + file
              + ". Record it with: "
              + recordWith(command, rerecordCommand != null && !rerecordCommand.isBlank())
              + ", then commit the file.");
    } catch (JsonProcessingException e) {
      throw corrupt(file, command, e.getLocation(), CassetteCodec.problem(e), e);
    } catch (CassetteCodec.Invalid e) {
      throw corrupt(file, command, e.location, e.getMessage(), e);
    } catch (IOException e) {
      throw new RecordingException("Could not read recording " + file + ": " + e + ".", e);
    }
  }

  /**
   * Creates an empty cassette that records into {@code file} when {@link #save() saved}.
   *
   * @param file the recording file (written by {@link #save()}, not before)
   * @param metadata what the recording is of; its model id is replaced by the live model's
   * @param redactor the redactor applied to everything stored
   * @param rerecordCommand the command that re-records the test, for messages
   * @return the cassette
   */
  public static Cassette forRecording(
      Path file, RecordingMetadata metadata, SecretRedactor redactor, String rerecordCommand) {
    return new Cassette(file, metadata, new TreeMap<>(), redactor, rerecordCommand, true);
  }

  /**
   * The command in a "record it with" message: a given command names the API key's variable itself
   * (the extension's stops, naming it, when it is not set); a default one gets the hint.
   */
  static String recordWith(String command, boolean given) {
    return given ? command : command + " (with the provider's API key set)";
  }

  private static String command(String rerecordCommand) {
    return rerecordCommand == null || rerecordCommand.isBlank()
        ? "the test with -D" + ConfigurationKeys.MODE + "=record"
        : rerecordCommand;
  }

  private static RecordingFormatException corrupt(
      Path file, String command, JsonLocation location, String problem, Throwable cause) {
    int line = location == null ? 0 : Math.max(location.getLineNr(), 0);
    int column = location == null ? 0 : Math.max(location.getColumnNr(), 0);
    String where = line > 0 ? " at line " + line + ", column " + column : "";
    return new RecordingFormatException(
        file,
        line,
        column,
        "Recording "
            + file
            + " is corrupt"
            + where
            + ": "
            + problem
            + ". Delete the file and re-record it with: "
            + command,
        cause);
  }

  /**
   * @return the recording file
   */
  public Path file() {
    return file;
  }

  /**
   * @return what the recording is of and how it was made
   */
  public synchronized RecordingMetadata metadata() {
    return metadata;
  }

  /**
   * @return the numbers of the samples held, in order
   */
  public synchronized SortedSet<Integer> samples() {
    return Collections.unmodifiableSortedSet(new TreeSet<>(samples.keySet()));
  }

  /**
   * The exchanges of one sample.
   *
   * @param sample the sample number
   * @return the exchanges in order, empty when the sample is not held
   */
  public synchronized List<RecordedExchange> exchanges(int sample) {
    List<RecordedExchange> list = samples.get(sample);
    return list == null ? List.of() : List.copyOf(list);
  }

  /**
   * The model id the recording was made with (used as the replaying client's {@link
   * ModelClient#modelId()}).
   *
   * @return the model id
   */
  public String modelId() {
    return metadata().modelId();
  }

  /**
   * A client that answers one sample from this recording.
   *
   * @param sample the sample number, from 1
   * @param match how requests are matched
   * @return the client; its {@link ModelClient#modelId()} is the recorded model
   * @throws RecordingMissingException when the recording holds no such sample
   */
  public ModelClient player(int sample, MatchMode match) {
    Objects.requireNonNull(match, "match");
    List<RecordedExchange> exchanges;
    synchronized (this) {
      exchanges = samples.get(sample);
    }
    if (exchanges == null) {
      throw new RecordingMissingException(
          file,
          "Recording "
              + file
              + " has no sample "
              + sample
              + " (it holds "
              + describeSamples(samples().stream().toList())
              + "). A sample is missing when more samples are "
              + "requested than were recorded, or when its live call failed while recording. Re-record this test "
              + "with: "
              + rerecordCommand);
    }
    CassettePlayer player =
        new CassettePlayer(
            file,
            sample,
            List.copyOf(exchanges),
            match,
            metadata().modelId(),
            redactor,
            rerecordCommand);
    players.put(sample, player);
    return player;
  }

  /**
   * Checks that every sample replayed so far used all of its recorded exchanges. An agent that now
   * stops earlier than when it was recorded (fewer model calls) is a behaviour change the
   * per-request matching cannot see; call this after the samples ran, when none errored.
   *
   * @throws RecordingMismatchException for the first sample that left exchanges unused
   */
  public void verifyAllReplayed() {
    for (CassettePlayer player : new TreeMap<>(players).values()) {
      int used = player.used();
      if (used < player.size()) {
        throw new RecordingMismatchException(
            file,
            player.sample(),
            used + 1,
            List.of("exchange " + (used + 1) + " was recorded but not requested"),
            "Recording "
                + file
                + ", sample "
                + player.sample()
                + " holds "
                + player.size()
                + " exchange(s), but the agent made only "
                + used
                + " request(s). The agent now stops earlier "
                + "than when it was recorded. Re-record this test with: "
                + rerecordCommand);
      }
    }
  }

  /**
   * A client that calls {@code live} and records every exchange of one sample. Calling it again for
   * the same sample starts that sample afresh.
   *
   * @param sample the sample number, from 1
   * @param live the live model
   * @return the recording client; its {@link ModelClient#modelId()} is the live model's
   * @throws IllegalStateException when this cassette was loaded for replay
   */
  public ModelClient recorder(int sample, ModelClient live) {
    Objects.requireNonNull(live, "live");
    if (!recording) {
      throw new IllegalStateException(
          "Cassette " + file + " was loaded for replay; it cannot record");
    }
    List<RecordedExchange> exchanges = new ArrayList<>();
    synchronized (this) {
      samples.put(sample, exchanges);
      failed.remove(sample);
      if (metadata.modelId().isEmpty()) {
        // The generator and note follow from the live model unless the caller chose them.
        RecordingMetadata derived =
            RecordingMetadata.forModel(
                metadata.test(), metadata.scenarioId(), metadata.variant(), live.modelId());
        metadata =
            new RecordingMetadata(
                metadata.test(),
                metadata.scenarioId(),
                metadata.variant(),
                derived.modelId(),
                metadata.generator().equals(RecordingMetadata.LIVE_MODEL)
                    ? derived.generator()
                    : metadata.generator(),
                metadata.note().isEmpty() ? derived.note() : metadata.note());
      }
    }
    return new Recorder(sample, exchanges, live);
  }

  /**
   * Writes the recorded samples to the file: atomically (a temporary file in the same directory
   * moved over the old one), creating directories as needed. Samples whose live call failed are
   * left out. Two writers of the same file never corrupt it; the last to finish wins.
   *
   * @return whether the file was written; {@code false} when no sample was recorded completely (an
   *     older file is then left as it was)
   * @throws RecordingException when the file cannot be written
   */
  public boolean save() {
    if (!recording) {
      return false;
    }
    SortedMap<Integer, List<RecordedExchange>> snapshot = new TreeMap<>();
    RecordingMetadata meta;
    synchronized (this) {
      meta = metadata;
      samples.forEach(
          (n, list) -> {
            if (!failed.contains(n)) {
              snapshot.put(n, List.copyOf(list));
            }
          });
    }
    if (snapshot.isEmpty()) {
      return false;
    }
    RecordingMetadata redacted =
        new RecordingMetadata(
            redactor.redact(meta.test()),
            redactor.redact(meta.scenarioId()),
            redactedValues(meta.variant()),
            meta.modelId(),
            meta.generator(),
            redactor.redact(meta.note()));
    write(file, redacted, snapshot);
    return true;
  }

  private Map<String, String> redactedValues(Map<String, String> values) {
    Map<String, String> copy = new java.util.LinkedHashMap<>();
    values.forEach((k, v) -> copy.put(k, redactor.redact(v)));
    return copy;
  }

  /**
   * Writes a recording file atomically; for tools and benchmarks that build recordings themselves.
   * Nothing is redacted here.
   *
   * @param file the file
   * @param metadata the metadata
   * @param samples the exchanges of each sample
   * @throws RecordingException when the file cannot be written
   */
  public static void write(
      Path file, RecordingMetadata metadata, Map<Integer, List<RecordedExchange>> samples) {
    Path dir = file.toAbsolutePath().getParent();
    Path temp = null;
    try {
      Files.createDirectories(dir);
      temp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp");
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16)) {
        CassetteCodec.write(out, metadata, new TreeMap<>(samples));
      }
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
      temp = null;
    } catch (IOException e) {
      throw new RecordingException(
          "Could not write recording "
              + file
              + ": "
              + e
              + ". Check that the directory is writable ("
              + ConfigurationKeys.RECORDINGS_DIR
              + ").",
          e);
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // The temporary file is hidden and harmless; the write error above is what matters.
        }
      }
    }
  }

  static String describeSamples(List<Integer> numbers) {
    if (numbers.isEmpty()) {
      return "no samples";
    }
    List<String> ranges = new ArrayList<>();
    int start = numbers.get(0);
    int prev = start;
    for (int i = 1; i <= numbers.size(); i++) {
      Integer n = i < numbers.size() ? numbers.get(i) : null;
      if (n != null && n == prev + 1) {
        prev = n;
        continue;
      }
      ranges.add(start == prev ? String.valueOf(start) : start + "-" + prev);
      if (n != null) {
        start = n;
        prev = n;
      }
    }
    return (numbers.size() == 1 ? "sample " : "samples ") + String.join(", ", ranges);
  }

  /** Records one sample. */
  private final class Recorder implements ModelClient {
    private final int sample;
    private final List<RecordedExchange> exchanges;
    private final ModelClient live;

    Recorder(int sample, List<RecordedExchange> exchanges, ModelClient live) {
      this.sample = sample;
      this.exchanges = exchanges;
      this.live = live;
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
      ChatResponse response;
      try {
        response = live.chat(request);
      } catch (RuntimeException e) {
        synchronized (Cassette.this) {
          failed.add(sample);
        }
        throw e;
      }
      if (response == null) {
        synchronized (Cassette.this) {
          failed.add(sample);
        }
        return null;
      }
      RecordedExchange exchange =
          new RecordedExchange(live.modelId(), redactor.redact(request), redactor.redact(response));
      synchronized (Cassette.this) {
        exchanges.add(exchange);
      }
      return response;
    }

    @Override
    public String modelId() {
      return live.modelId();
    }
  }
}
