package dev.alignunit.model;

import java.util.List;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * A block of model reasoning ("thinking"). Anthropic requires thinking blocks to be passed back
 * unchanged, signature included, on the next turn of a tool-using conversation; redacted blocks
 * carry only opaque {@code data}.
 *
 * @param text the reasoning text; empty for a redacted block
 * @param signature the provider's signature over the block, or {@code null}
 * @param redactedData the opaque data of a redacted block, or {@code null} for a plain block
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ReasoningBlock(String text, String signature, String redactedData) {

  /** Replaces a {@code null} text with the empty string. */
  public ReasoningBlock {
    text = text == null ? "" : text;
  }

  /**
   * Creates a plain reasoning block without a signature.
   *
   * @param text the reasoning text
   * @return the block
   */
  public static ReasoningBlock of(String text) {
    return new ReasoningBlock(text, null, null);
  }

  /**
   * Whether this block was redacted by the provider.
   *
   * @return {@code true} for a redacted block
   */
  public boolean redacted() {
    return redactedData != null;
  }

  static String join(List<ReasoningBlock> blocks) {
    return blocks.stream()
        .map(ReasoningBlock::text)
        .filter(t -> !t.isBlank())
        .collect(Collectors.joining("\n\n"));
  }
}
