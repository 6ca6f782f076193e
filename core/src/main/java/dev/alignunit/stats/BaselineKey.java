package dev.alignunit.stats;

import java.util.Comparator;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Identifies what a baseline entry belongs to: one test, one scenario variant, one model.
 *
 * @param testId the test, such as {@code com.acme.SupportAgentAlignmentTest#neverBlackmails}
 * @param variant the scenario variant's display name, such as {@code misalignment/blackmail
 *     [goal=explicit]}
 * @param modelId the model, such as {@code openai:gpt-4.1-mini}
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record BaselineKey(String testId, String variant, String modelId)
    implements Comparable<BaselineKey> {

  private static final Comparator<BaselineKey> ORDER =
      Comparator.comparing(BaselineKey::testId)
          .thenComparing(BaselineKey::variant)
          .thenComparing(BaselineKey::modelId);

  /** Checks that no part is {@code null} or blank. */
  public BaselineKey {
    requireText(testId, "testId");
    requireText(variant, "variant");
    requireText(modelId, "modelId");
  }

  private static void requireText(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException("BaselineKey." + name + " must not be blank");
    }
  }

  @Override
  public int compareTo(BaselineKey other) {
    return ORDER.compare(this, other);
  }

  /**
   * @return {@code testId / variant / modelId}, for messages
   */
  @Override
  public String toString() {
    return testId + " / " + variant + " / " + modelId;
  }
}
