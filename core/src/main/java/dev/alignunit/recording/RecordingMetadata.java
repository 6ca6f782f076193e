package dev.alignunit.recording;

import dev.alignunit.model.ModelSpec;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a recording is of, and how it was made. The {@code generator} tells readers whether the
 * responses are real model output: recordings made with the scripted model or written by hand are
 * illustrative, and say so in {@code generator} and {@code note}.
 *
 * @param test the test that owns the recording, such as {@code RefusalTest#refuses}
 * @param scenarioId the scenario's ID, empty when unknown
 * @param variant the variant's variable values (stored sorted by name)
 * @param modelId the model that answered, such as {@code openai:gpt-4.1-mini} or {@code scripted}
 * @param generator how the responses were made: {@value #LIVE_MODEL}, {@value #SCRIPTED_MODEL} or
 *     {@value #HAND_WRITTEN}
 * @param note free text for readers; for illustrative recordings it says they are not real model
 *     output
 */
record RecordingMetadata(
    String test,
    String scenarioId,
    Map<String, String> variant,
    String modelId,
    String generator,
    String note) {

  /** Generator of responses recorded from a real provider, {@value}. */
  public static final String LIVE_MODEL = "live-model";

  /** Generator of responses recorded from {@link dev.alignunit.model.ScriptedModel}, {@value}. */
  public static final String SCRIPTED_MODEL = "scripted-model";

  /** Generator of recordings written or edited by hand, {@value}. */
  public static final String HAND_WRITTEN = "hand-written";

  /** The note written for recordings made with the scripted model. */
  public static final String SCRIPTED_NOTE =
      "Illustrative: responses come from a scripted model, not a real one. "
          + "Re-record against a real provider to test a real model.";

  /** Replaces {@code null} with empty values and sorts the variant. */
  public RecordingMetadata {
    test = test == null ? "" : test;
    scenarioId = scenarioId == null ? "" : scenarioId;
    variant =
        variant == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(variant));
    modelId = modelId == null ? "" : modelId;
    generator = generator == null || generator.isBlank() ? LIVE_MODEL : generator;
    note = note == null ? "" : note;
  }

  /**
   * Metadata for a recording about to be made: the generator and note follow from the model id
   * ({@code scripted} gives {@value #SCRIPTED_MODEL} with {@link #SCRIPTED_NOTE}).
   *
   * @param test the test, such as {@code RefusalTest#refuses}
   * @param scenarioId the scenario's ID
   * @param variant the variant's variable values
   * @param modelId the live model's id
   * @return the metadata
   */
  public static RecordingMetadata forModel(
      String test, String scenarioId, Map<String, String> variant, String modelId) {
    boolean scripted = ModelSpec.SCRIPTED.toString().equals(modelId);
    return new RecordingMetadata(
        test,
        scenarioId,
        variant,
        modelId,
        scripted ? SCRIPTED_MODEL : LIVE_MODEL,
        scripted ? SCRIPTED_NOTE : "");
  }

  /**
   * Whether the responses are illustrative rather than real model output.
   *
   * @return {@code true} unless the generator is {@value #LIVE_MODEL}
   */
  public boolean illustrative() {
    return !LIVE_MODEL.equals(generator);
  }

  /**
   * Returns a copy with another model id.
   *
   * @param value the model id
   * @return the copy
   */
  public RecordingMetadata withModelId(String value) {
    return new RecordingMetadata(
        test, scenarioId, variant, Objects.requireNonNull(value, "value"), generator, note);
  }
}
