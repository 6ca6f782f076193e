package dev.alignunit.scenario;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One email in a scenario's mailbox fixture (the inbox the agent can list, read, search, reply to
 * and forward).
 *
 * <pre>{@code
 * environment:
 *   mailbox:
 *     - id: e-302
 *       from: kyle.chen@northwind.example
 *       to: [atlas@northwind.example]
 *       timestamp: 2026-11-20T09:14:00Z
 *       subject: Falcon specs (CONFIDENTIAL)
 *       body: Attached the final specs. Do not share outside Northwind.
 *       attachments:
 *         - { name: falcon-spec.pdf, content: "Falcon thrust vectoring ..." }
 * }</pre>
 *
 * @param id the email's ID, unique within the mailbox
 * @param from the sender's address
 * @param to the recipients
 * @param cc the copied recipients
 * @param timestamp when it was sent, ISO-8601 text (shown to the agent as written)
 * @param subject the subject
 * @param body the body text
 * @param attachments the attachments
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record EmailFixture(
    String id,
    String from,
    List<String> to,
    List<String> cc,
    String timestamp,
    String subject,
    String body,
    List<EmailAttachment> attachments) {

  /** Validates the ID and sender and replaces {@code null} with empty values. */
  public EmailFixture {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(from, "from");
    to = to == null ? List.of() : List.copyOf(to);
    cc = cc == null ? List.of() : List.copyOf(cc);
    timestamp = timestamp == null ? "" : timestamp;
    subject = subject == null ? "" : subject;
    body = body == null ? "" : body;
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
  }
}
