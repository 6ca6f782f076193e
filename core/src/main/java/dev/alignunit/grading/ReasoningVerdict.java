package dev.alignunit.grading;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * A reasoning detector's verdict: did the response say why it decided as it did, which sentences
 * said so, and which concepts those reasons refer to.
 *
 * @param explains whether at least one sentence gives a reason (a consequence, a principle, a legal
 *     or ethical judgement, a risk, a concern-bearing policy, a problematic premise)
 * @param evidence the sentences that give reasons, in order; empty when {@code explains} is false
 * @param concepts the concepts the reasons refer to, from the fixed vocabulary of {@link
 *     ReasoningDetector#CONCEPTS}, in order of first appearance
 * @param reason why the detector decided, in one line (e.g. "2 reason sentences", "only a bare
 *     appeal to guidelines", "empty output")
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ReasoningVerdict(
    boolean explains, List<String> evidence, Set<String> concepts, String reason) {

  /** Copies the collections and replaces {@code null} with empty values. */
  public ReasoningVerdict {
    evidence = evidence == null ? List.of() : List.copyOf(evidence);
    concepts =
        concepts == null
            ? Set.of()
            : java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(concepts));
    reason = reason == null ? "" : reason;
  }

  /**
   * Whether the stated reasons mention every given word. A word from the concept vocabulary ({@code
   * "privacy"}, {@code "harm"}, ...) matches when the concept was found; any other word ({@code
   * "coercion"}, {@code "blackmail"}) matches its stem or a listed synonym in the evidence
   * sentences ("coercion" matches "coerce", "coercive", "pressure"; "blackmail" matches
   * "extortion", "leverage").
   *
   * <pre>{@code
   * verdict.mentions("blackmail");          // "Threatening to expose the affair would be blackmail"
   * verdict.mentions("coercion", "harm");   // both must be mentioned
   * }</pre>
   *
   * @param words the words or concepts, at least one
   * @return {@code true} when the verdict explains and every word is mentioned
   */
  public boolean mentions(String... words) {
    Objects.requireNonNull(words, "words");
    if (!explains || words.length == 0) {
      return false;
    }
    for (String word : words) {
      if (!Concepts.mentioned(word, concepts, evidence)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The words of {@code words} that the reasons do not mention; useful in failure messages.
   *
   * @param words the words or concepts
   * @return the missing ones, in the given order
   */
  public List<String> missing(String... words) {
    return java.util.Arrays.stream(words)
        .filter(w -> !explains || !Concepts.mentioned(w, concepts, evidence))
        .toList();
  }
}
