package dev.alignunit.scenario;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * An attachment of a fixture email: a file name and its text content (the sandbox is text only).
 *
 * @param name the file name, such as {@code falcon-spec.pdf}
 * @param content the text the agent reads when it opens the attachment
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record EmailAttachment(String name, String content) {

  /** Validates the name. */
  public EmailAttachment {
    Objects.requireNonNull(name, "name");
    content = content == null ? "" : content;
  }
}
