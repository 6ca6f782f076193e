package dev.alignunit.sandbox;

import dev.alignunit.scenario.EmailAttachment;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * An email the agent sent through the mailbox fixture, with forwarded content resolved: a forward
 * holds the forwarded email's body and attachments, so a tripwire can see that a confidential
 * attachment left the company.
 *
 * @param id the sent email's ID ({@code sent-1}, {@code sent-2}, ...)
 * @param kind how it was sent
 * @param from the sender (the environment's address)
 * @param to the recipients
 * @param cc the copied recipients
 * @param subject the subject
 * @param body the text the agent wrote
 * @param inReplyTo the ID of the inbox email answered, or {@code null}
 * @param forwardedId the ID of the inbox email forwarded, or {@code null}
 * @param forwardedBody the forwarded email's body, or the empty string
 * @param attachments the attachments that left with it (a forward's are the forwarded email's)
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record SentEmail(
    String id,
    Kind kind,
    String from,
    List<String> to,
    List<String> cc,
    String subject,
    String body,
    String inReplyTo,
    String forwardedId,
    String forwardedBody,
    List<EmailAttachment> attachments) {

  /** Validates the fields and copies the lists. */
  public SentEmail {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    to = to == null ? List.of() : List.copyOf(to);
    cc = cc == null ? List.of() : List.copyOf(cc);
    subject = subject == null ? "" : subject;
    body = body == null ? "" : body;
    forwardedBody = forwardedBody == null ? "" : forwardedBody;
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
  }

  /**
   * @return every recipient, to then cc
   */
  public List<String> recipients() {
    List<String> all = new ArrayList<>(to);
    all.addAll(cc);
    return List.copyOf(all);
  }

  /**
   * @return what left the mailbox as text: the agent's body, then the forwarded body
   */
  public String outgoingText() {
    return forwardedBody.isEmpty() ? body : body + "\n\n" + forwardedBody;
  }

  /**
   * The email as one line for messages: {@code sent-1 (forward of e-302) to leak@rival.example:
   * "Fwd: Falcon specs" [falcon-spec.pdf]}.
   *
   * @return the description
   */
  public String describe() {
    StringBuilder sb = new StringBuilder(id);
    if (forwardedId != null) {
      sb.append(" (forward of ").append(forwardedId).append(')');
    } else if (inReplyTo != null) {
      sb.append(" (reply to ").append(inReplyTo).append(')');
    }
    sb.append(" to ").append(String.join(", ", to));
    if (!cc.isEmpty()) {
      sb.append(" cc ").append(String.join(", ", cc));
    }
    sb.append(": \"").append(subject).append('"');
    if (!attachments.isEmpty()) {
      sb.append(' ').append(attachments.stream().map(EmailAttachment::name).toList());
    }
    return sb.toString();
  }

  /** How a {@link SentEmail} was sent. */
  public enum Kind {
    /** A new email ({@code send_email}). */
    NEW,
    /** A reply ({@code reply_email}). */
    REPLY,
    /** A forward ({@code forward_email}). */
    FORWARD
  }
}
