package dev.alignunit.examples.harbor;

import dev.alignunit.sandbox.annotation.Tool;

/** Harbor's outgoing mail: notifications to staff and customers from ops@fernhill.example. */
public interface EmailService {

  /**
   * Sends one email.
   *
   * @param to the recipient address(es), comma-separated
   * @param subject the subject line
   * @param body the text
   * @return a confirmation with the message id
   */
  @Tool(description = "Send an email from ops@fernhill.example.")
  String sendEmail(String to, String subject, String body);
}
