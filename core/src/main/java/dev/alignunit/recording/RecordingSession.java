package dev.alignunit.recording;

import dev.alignunit.config.ConfigurationKeys;
import dev.alignunit.model.ModelClient;
import dev.alignunit.model.SecretRedactor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * Recordings for one test method and variant: decides (from the mode, {@code CI} and whether the
 * recording exists) whether to replay, record or call the live model, and hands out the {@link
 * ModelClient} of each sample. This is what the JUnit extension wires in.
 *
 * <pre>{@code
 * RecordingSession session = RecordingSession.builder()
 *     .mode(RecordingMode.parse(config.get("alignunit.mode")))
 *     .match(MatchMode.parse(config.get("alignunit.recordings.match")))
 *     .ci(RecordingMode.isCi(System.getenv("CI")))
 *     .file(RecordingPaths.file(dir, "RefusalTest", "refuses", variant))
 *     .test("RefusalTest#refuses", scenario.id(), variant)
 *     .liveModel(() -> clients.create(modelId), keyPresent)
 *     .secrets(List.of(apiKey))
 *     .rerecordCommand("mvn test -Dalignunit.mode=record -Dtest=RefusalTest#refuses")
 *     .open();                                  // throws when the test cannot run
 * ModelClient model = session.client(sample);   // per sample, from any thread
 * ... run the samples ...
 * session.save();                               // writes the file in record mode only
 * }</pre>
 *
 * <p>{@link Builder#open()} fails fast: with {@link RecordingMissingException} when a recording is
 * needed and missing, with {@link RecordingMismatchException} when a {@link
 * Builder#configuredModelId(String) configured model} differs from the recorded one, with {@link
 * RecordingFormatException} for a corrupt file, and with {@link RecordingException} when {@code
 * record}/{@code live} is asked for without the provider's key. Errors of one exchange ({@link
 * RecordingMismatchException} for a changed request) are thrown from the sample's client; note that
 * {@code AgentLoop} turns them into an errored run, whose {@code error()} holds them.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class RecordingSession {

  private final RecordingDecision decision;
  private final Path file;
  private final MatchMode match;
  private final Supplier<ModelClient> liveModel;
  private final Cassette cassette;

  private RecordingSession(Builder b, RecordingDecision decision, Cassette cassette) {
    this.decision = decision;
    this.file = b.file;
    this.match = b.match;
    this.liveModel = b.liveModel;
    this.cassette = cassette;
  }

  /**
   * Starts configuring a session.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * @return what this session does, and why
   */
  public RecordingDecision decision() {
    return decision;
  }

  /**
   * @return the recording file of this test and variant
   */
  public Path file() {
    return file;
  }

  /**
   * The model id the samples will report: the recorded model when replaying, otherwise the live
   * model's (which creates the live client).
   *
   * @return the model id
   */
  public String modelId() {
    return cassette != null && decision.action() == RecordingDecision.Action.REPLAY
        ? cassette.modelId()
        : liveModel.get().modelId();
  }

  /**
   * The cassette being replayed or recorded.
   *
   * @return the cassette; {@code null} in live mode
   */
  @API(status = API.Status.INTERNAL, since = "0.1")
  public Cassette cassette() {
    return cassette;
  }

  /**
   * The model client of one sample. Thread-safe; call it once per sample. In record and live mode
   * it calls the live-model supplier, which may return one shared thread-safe client or a fresh one
   * per sample (such as {@code ScriptedModel.copy()}).
   *
   * @param sample the sample number, from 1
   * @return the client
   * @throws RecordingMissingException when replaying and the recording holds no such sample
   */
  public ModelClient client(int sample) {
    if (sample < 1) {
      throw new IllegalArgumentException("sample must be at least 1, was " + sample);
    }
    return switch (decision.action()) {
      case REPLAY -> cassette.player(sample, match);
      case RECORD ->
          cassette.recorder(sample, Objects.requireNonNull(liveModel.get(), "live model"));
      case LIVE -> Objects.requireNonNull(liveModel.get(), "live model");
      case FAIL -> throw new IllegalStateException("unreachable: open() fails for FAIL decisions");
    };
  }

  /**
   * When replaying, checks that every sample used all its recorded exchanges (see {@link
   * Cassette#verifyAllReplayed()}); does nothing otherwise. Call it after the samples ran, when
   * none errored.
   *
   * @throws RecordingMismatchException naming the first sample that made fewer requests
   */
  public void verifyAllReplayed() {
    if (decision.action() == RecordingDecision.Action.REPLAY) {
      cassette.verifyAllReplayed();
    }
  }

  /**
   * Writes the recording when recording; does nothing when replaying or live. Call it at the end of
   * the test, whether its assertions passed or not (the recording holds model behaviour, not
   * verdicts). Samples whose live call failed are not written.
   *
   * @return whether a file was written
   */
  public boolean save() {
    return decision.action() == RecordingDecision.Action.RECORD && cassette.save();
  }

  /** Configures a {@link RecordingSession}. */
  public static final class Builder {
    private RecordingMode mode = RecordingMode.DEFAULT;
    private MatchMode match = MatchMode.STRICT;
    private boolean ci;
    private Path file;
    private String test = "";
    private String scenarioId = "";
    private Map<String, String> variant = Map.of();
    private Supplier<ModelClient> liveModel;
    private boolean liveModelAvailable;
    private String configuredModelId;
    private final List<String> secrets = new ArrayList<>();
    private String rerecordCommand;
    private String generator;
    private String note;

    private Builder() {}

    /**
     * @param value the configured mode ({@link RecordingMode#parse(String)}) @return this builder
     */
    public Builder mode(RecordingMode value) {
      this.mode = Objects.requireNonNull(value, "mode");
      return this;
    }

    /**
     * @param value how requests are matched ({@link MatchMode#parse(String)}) @return this builder
     */
    public Builder match(MatchMode value) {
      this.match = Objects.requireNonNull(value, "match");
      return this;
    }

    /**
     * @param value whether {@code CI=true} ({@link RecordingMode#isCi(String)}) @return this
     *     builder
     */
    public Builder ci(boolean value) {
      this.ci = value;
      return this;
    }

    /**
     * @param value the recording file ({@link RecordingPaths#file}) @return this builder
     */
    public Builder file(Path value) {
      this.file = Objects.requireNonNull(value, "file");
      return this;
    }

    /**
     * What the recording is of, stored in its metadata.
     *
     * @param testName the test, such as {@code RefusalTest#refuses}
     * @param scenario the scenario's ID
     * @param variantValues the variant's variable values
     * @return this builder
     */
    public Builder test(String testName, String scenario, Map<String, String> variantValues) {
      this.test = testName;
      this.scenarioId = scenario;
      this.variant = variantValues == null ? Map.of() : variantValues;
      return this;
    }

    /**
     * The live model, created only when the session records or calls live.
     *
     * @param supplier creates (or returns the shared) live client; called once per sample
     * @param available whether the live model can be called: its provider's API key is set, or it
     *     needs none (the scripted model)
     * @return this builder
     */
    public Builder liveModel(Supplier<ModelClient> supplier, boolean available) {
      this.liveModel = Objects.requireNonNull(supplier, "supplier");
      this.liveModelAvailable = available;
      return this;
    }

    /**
     * The configured model id; when set, replaying a recording made with another model fails with a
     * {@link RecordingMismatchException} (the recording no longer tests that model).
     *
     * @param value the model id, such as {@code openai:gpt-4.1-mini}; {@code null} to not check
     * @return this builder
     */
    public Builder configuredModelId(String value) {
      this.configuredModelId = value;
      return this;
    }

    /**
     * Exact secret values (such as the API key) redacted from everything stored, in addition to
     * key-shaped strings.
     *
     * @param values the secrets; {@code null} entries are ignored
     * @return this builder
     */
    public Builder secrets(List<String> values) {
      if (values != null) {
        values.stream().filter(Objects::nonNull).forEach(secrets::add);
      }
      return this;
    }

    /**
     * The command that re-records this one test, quoted in every error message. It should make sure
     * the API key is set, as the JUnit extension's does (it names the key's variable); without a
     * command, messages quote {@code mvn test -Dalignunit.mode=record -Dtest=...} and add "with the
     * provider's API key set".
     *
     * @param value such as {@code mvn test -Dalignunit.mode=record -Dtest=RefusalTest#refuses}
     * @return this builder
     */
    public Builder rerecordCommand(String value) {
      this.rerecordCommand = value;
      return this;
    }

    /**
     * Overrides the generator and note stored in a new recording's metadata (by default they follow
     * from the model: {@code scripted} is labelled illustrative).
     *
     * @param generatorValue such as {@link RecordingMetadata#SCRIPTED_MODEL}
     * @param noteValue the note for readers
     * @return this builder
     */
    public Builder label(String generatorValue, String noteValue) {
      this.generator = generatorValue;
      this.note = noteValue;
      return this;
    }

    /**
     * Decides and prepares the session: loads the recording when replaying.
     *
     * @return the session
     * @throws RecordingException (or a subclass) when the test cannot run; see the class
     *     documentation
     */
    public RecordingSession open() {
      Objects.requireNonNull(file, "file");
      if (liveModel == null) {
        liveModel =
            () -> {
              throw new IllegalStateException("no live model was configured for " + test);
            };
      }
      boolean given = rerecordCommand != null && !rerecordCommand.isBlank();
      String command = given ? rerecordCommand : defaultCommand();
      boolean exists = Files.isRegularFile(file);
      RecordingDecision decision = mode.decide(ci, exists, liveModelAvailable);
      return switch (decision.action()) {
        case FAIL ->
            throw exists || mode == RecordingMode.RECORD || mode == RecordingMode.LIVE
                ? new RecordingException(
                    "Cannot run "
                        + describeTest()
                        + ": "
                        + decision.reason()
                        + ". Set the provider's API key, or replay a committed recording with -D"
                        + ConfigurationKeys.MODE
                        + "=replay.")
                : new RecordingMissingException(
                    file,
                    "No recording at "
                        + file
                        + " ("
                        + decision.reason()
                        + "). Record it with: "
                        + Cassette.recordWith(command, given)
                        + ", then commit the file.");
        case REPLAY -> {
          Cassette cassette = Cassette.load(file, command, SecretRedactor.withSecrets(secrets));
          checkModel(cassette, command);
          yield new RecordingSession(this, decision, cassette);
        }
        case RECORD -> {
          RecordingMetadata metadata =
              new RecordingMetadata(test, scenarioId, variant, "", generator, note);
          yield new RecordingSession(
              this,
              decision,
              Cassette.forRecording(file, metadata, SecretRedactor.withSecrets(secrets), command));
        }
        case LIVE -> new RecordingSession(this, decision, null);
      };
    }

    private void checkModel(Cassette cassette, String command) {
      String recorded = cassette.modelId();
      if (configuredModelId != null && !recorded.isEmpty() && !configuredModelId.equals(recorded)) {
        String difference = "model: " + RequestDiff.value(recorded, configuredModelId);
        throw new RecordingMismatchException(
            file,
            0,
            0,
            List.of(difference),
            "Recording "
                + file
                + " was made with another model than the configured one:\n  "
                + difference
                + "\nThe recording no longer tests the configured model. Re-record this test with: "
                + command);
      }
    }

    private String describeTest() {
      return test.isEmpty() ? file.toString() : test;
    }

    private String defaultCommand() {
      return "mvn test -D"
          + ConfigurationKeys.MODE
          + "=record"
          + (test.isEmpty() ? "" : " -Dtest=" + test);
    }
  }
}
