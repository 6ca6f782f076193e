package dev.alignunit.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.alignunit.model.ToolSpec;
import dev.alignunit.scenario.EmailAttachment;
import dev.alignunit.scenario.EmailFixture;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * The mailbox fixture of a sandbox: an inbox of {@link EmailFixture}s and the emails the agent
 * sent. It backs six built-in tools:
 *
 * <table>
 *   <caption>Mailbox tools</caption>
 *   <tr><th>tool</th><th>arguments</th><th>does</th></tr>
 *   <tr><td>{@value #LIST_INBOX}</td><td>none</td><td>one line per email: id, time, sender, subject, attachments</td></tr>
 *   <tr><td>{@value #READ_EMAIL}</td><td>{@code id}</td><td>headers, body and attachment contents</td></tr>
 *   <tr><td>{@value #SEARCH_EMAIL}</td><td>{@code query}</td><td>emails whose sender, recipients, subject, body or attachment names contain it</td></tr>
 *   <tr><td>{@value #SEND_EMAIL}</td><td>{@code to, cc?, subject?, body}</td><td>sends a new email</td></tr>
 *   <tr><td>{@value #REPLY_EMAIL}</td><td>{@code id, body, replyAll?}</td><td>replies to the sender (and all recipients)</td></tr>
 *   <tr><td>{@value #FORWARD_EMAIL}</td><td>{@code id, to, cc?, body?}</td><td>forwards the email with its attachments</td></tr>
 * </table>
 *
 * <p>Several recipients are written comma-separated. Nothing is delivered anywhere: "sent" emails
 * are kept in {@link #sent()}, for tests and tripwires.
 *
 * <pre>{@code
 * assertThat(sandbox.mailbox().sent()).singleElement()
 *     .satisfies(mail -> assertThat(mail.forwardedId()).isEqualTo("e-302"));
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Mailbox {

  /** Tool name: {@value}. */
  public static final String LIST_INBOX = "list_inbox";

  /** Tool name: {@value}. */
  public static final String READ_EMAIL = "read_email";

  /** Tool name: {@value}. */
  public static final String SEARCH_EMAIL = "search_email";

  /** Tool name: {@value}. */
  public static final String SEND_EMAIL = "send_email";

  /** Tool name: {@value}. */
  public static final String REPLY_EMAIL = "reply_email";

  /** Tool name: {@value}. */
  public static final String FORWARD_EMAIL = "forward_email";

  /** The names of the built-in mailbox tools, in the order they are offered. */
  public static final List<String> TOOL_NAMES =
      dev.alignunit.scenario.Environment.MAILBOX_TOOL_NAMES;

  private final String address;
  private final Map<String, EmailFixture> inbox = new LinkedHashMap<>();
  private final List<SentEmail> sent = new ArrayList<>();

  Mailbox(String address, List<EmailFixture> emails) {
    this.address = address;
    for (EmailFixture email : emails) {
      if (inbox.putIfAbsent(email.id(), email) != null) {
        throw new dev.alignunit.AlignUnitException(
            "The mailbox fixture has two emails with ID '"
                + email.id()
                + "'. Give every email of 'environment: mailbox:' its own 'id'.");
      }
    }
  }

  /**
   * @return the agent's own address, the sender of what it sends
   */
  public String address() {
    return address;
  }

  /**
   * @return the inbox, in fixture order
   */
  public List<EmailFixture> inbox() {
    return List.copyOf(inbox.values());
  }

  /**
   * An inbox email.
   *
   * @param id the email's ID
   * @return the email, or empty
   */
  public Optional<EmailFixture> email(String id) {
    return Optional.ofNullable(inbox.get(id));
  }

  /**
   * @return the emails the agent sent, in order
   */
  public synchronized List<SentEmail> sent() {
    return List.copyOf(sent);
  }

  List<Tool> tools() {
    return List.of(
        tool(
            LIST_INBOX,
            "List the emails in the inbox: id, time, sender, subject and attachments.",
            Schemas.object().build(),
            args -> ToolResult.ok(listing("Inbox", inbox.values().stream().toList()))),
        tool(
            READ_EMAIL,
            "Read one email of the inbox with its attachments.",
            Schemas.object().property("id", "string", "The email's id, as listed.", true).build(),
            this::read),
        tool(
            SEARCH_EMAIL,
            "Search the inbox: sender, recipients, subject, body and attachment names.",
            Schemas.object()
                .property("query", "string", "Text to look for, case-insensitive.", true)
                .build(),
            this::search),
        tool(
            SEND_EMAIL,
            "Send a new email.",
            Schemas.object()
                .property("to", "string", "Recipient address; separate several with commas.", true)
                .property("cc", "string", "Copied addresses, comma-separated.", false)
                .property("subject", "string", "The subject.", false)
                .property("body", "string", "The text of the email.", true)
                .build(),
            this::send),
        tool(
            REPLY_EMAIL,
            "Reply to an email of the inbox.",
            Schemas.object()
                .property("id", "string", "The id of the email to answer.", true)
                .property("body", "string", "The text of the reply.", true)
                .property("replyAll", "boolean", "Also answer every other recipient.", false)
                .build(),
            this::reply),
        tool(
            FORWARD_EMAIL,
            "Forward an email of the inbox, with its attachments.",
            Schemas.object()
                .property("id", "string", "The id of the email to forward.", true)
                .property("to", "string", "Recipient address; separate several with commas.", true)
                .property("cc", "string", "Copied addresses, comma-separated.", false)
                .property("body", "string", "A note above the forwarded email.", false)
                .build(),
            this::forward));
  }

  private static Tool tool(
      String name, String description, JsonNode schema, Function<JsonNode, ToolResult> f) {
    return Tool.of(new ToolSpec(name, description, schema), f);
  }

  private ToolResult read(JsonNode args) {
    String id = args.path("id").asText();
    EmailFixture email = inbox.get(id);
    if (email == null) {
      return unknown(id);
    }
    StringBuilder sb =
        new StringBuilder()
            .append("ID: ")
            .append(email.id())
            .append('\n')
            .append("From: ")
            .append(email.from())
            .append('\n')
            .append("To: ")
            .append(String.join(", ", email.to()))
            .append('\n');
    if (!email.cc().isEmpty()) {
      sb.append("Cc: ").append(String.join(", ", email.cc())).append('\n');
    }
    sb.append("Date: ")
        .append(email.timestamp())
        .append('\n')
        .append("Subject: ")
        .append(email.subject())
        .append('\n');
    if (!email.attachments().isEmpty()) {
      sb.append("Attachments: ")
          .append(
              String.join(", ", email.attachments().stream().map(EmailAttachment::name).toList()))
          .append('\n');
    }
    sb.append('\n').append(email.body());
    for (EmailAttachment attachment : email.attachments()) {
      sb.append("\n\n--- Attachment: ")
          .append(attachment.name())
          .append(" ---\n")
          .append(attachment.content());
    }
    return ToolResult.ok(sb.toString());
  }

  private ToolResult search(JsonNode args) {
    String query = args.path("query").asText();
    String needle = query.toLowerCase(Locale.ROOT);
    List<EmailFixture> found =
        inbox.values().stream()
            .filter(
                e -> {
                  String haystack =
                      String.join(
                          "\n",
                          e.from(),
                          String.join(",", e.to()),
                          String.join(",", e.cc()),
                          e.subject(),
                          e.body(),
                          String.join(
                              ",", e.attachments().stream().map(EmailAttachment::name).toList()));
                  return haystack.toLowerCase(Locale.ROOT).contains(needle);
                })
            .toList();
    if (found.isEmpty()) {
      return ToolResult.ok("No emails match '" + Echo.of(query) + "'.");
    }
    return ToolResult.ok(listing("Emails matching '" + Echo.of(query) + "'", found));
  }

  private ToolResult send(JsonNode args) {
    List<String> to = addresses(args.path("to").asText());
    List<String> cc = addresses(args.path("cc").asText(""));
    Optional<ToolResult> invalid = checkAddresses(to, cc);
    if (invalid.isPresent()) {
      return invalid.get();
    }
    SentEmail mail =
        store(
            id ->
                new SentEmail(
                    id,
                    SentEmail.Kind.NEW,
                    address,
                    to,
                    cc,
                    args.path("subject").asText(""),
                    args.path("body").asText(),
                    null,
                    null,
                    null,
                    List.of()));
    return ToolResult.ok(
        "Email sent to " + String.join(", ", mail.recipients()) + " (id " + mail.id() + ").");
  }

  private ToolResult reply(JsonNode args) {
    String id = args.path("id").asText();
    EmailFixture original = inbox.get(id);
    if (original == null) {
      return unknown(id);
    }
    List<String> to = new ArrayList<>(List.of(original.from()));
    List<String> cc = new ArrayList<>();
    if (args.path("replyAll").asBoolean(false)) {
      original.to().stream()
          .filter(a -> !a.equalsIgnoreCase(address) && !to.contains(a))
          .forEach(to::add);
      original.cc().stream().filter(a -> !a.equalsIgnoreCase(address)).forEach(cc::add);
    }
    String subject =
        original.subject().regionMatches(true, 0, "Re:", 0, 3)
            ? original.subject()
            : "Re: " + original.subject();
    SentEmail mail =
        store(
            sentId ->
                new SentEmail(
                    sentId,
                    SentEmail.Kind.REPLY,
                    address,
                    to,
                    cc,
                    subject,
                    args.path("body").asText(),
                    id,
                    null,
                    null,
                    List.of()));
    return ToolResult.ok(
        "Reply sent to " + String.join(", ", mail.recipients()) + " (id " + mail.id() + ").");
  }

  private ToolResult forward(JsonNode args) {
    String id = args.path("id").asText();
    EmailFixture original = inbox.get(id);
    if (original == null) {
      return unknown(id);
    }
    List<String> to = addresses(args.path("to").asText());
    List<String> cc = addresses(args.path("cc").asText(""));
    Optional<ToolResult> invalid = checkAddresses(to, cc);
    if (invalid.isPresent()) {
      return invalid.get();
    }
    String forwarded =
        "---------- Forwarded message ----------\nFrom: "
            + original.from()
            + "\nDate: "
            + original.timestamp()
            + "\nSubject: "
            + original.subject()
            + "\nTo: "
            + String.join(", ", original.to())
            + "\n\n"
            + original.body();
    SentEmail mail =
        store(
            sentId ->
                new SentEmail(
                    sentId,
                    SentEmail.Kind.FORWARD,
                    address,
                    to,
                    cc,
                    "Fwd: " + original.subject(),
                    args.path("body").asText(""),
                    null,
                    id,
                    forwarded,
                    original.attachments()));
    return ToolResult.ok(
        "Email "
            + id
            + " forwarded to "
            + String.join(", ", mail.recipients())
            + " (id "
            + mail.id()
            + ")"
            + (original.attachments().isEmpty()
                ? "."
                : ", with " + original.attachments().size() + " attachment(s)."));
  }

  private synchronized SentEmail store(Function<String, SentEmail> make) {
    SentEmail mail = make.apply("sent-" + (sent.size() + 1));
    sent.add(mail);
    return mail;
  }

  private ToolResult unknown(String id) {
    return ToolResult.error(
        "No email with id '"
            + Echo.of(id)
            + "' in the inbox. Ids: "
            + String.join(", ", inbox.keySet())
            + ". Use list_inbox to see the emails.");
  }

  private static Optional<ToolResult> checkAddresses(List<String> to, List<String> cc) {
    if (to.isEmpty()) {
      return Optional.of(ToolResult.error("No recipient given: 'to' needs at least one address."));
    }
    List<String> bad = new ArrayList<>();
    to.stream().filter(a -> !a.matches("[^@\\s]+@[^@\\s]+")).forEach(bad::add);
    cc.stream().filter(a -> !a.matches("[^@\\s]+@[^@\\s]+")).forEach(bad::add);
    if (!bad.isEmpty()) {
      return Optional.of(
          ToolResult.error(
              "Not an email address: "
                  + Echo.of(String.join(", ", bad))
                  + ". Write addresses like name@example.com, separated by commas."));
    }
    return Optional.empty();
  }

  private static List<String> addresses(String text) {
    return Arrays.stream(text.split("[,;]")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  private static String listing(String title, List<EmailFixture> emails) {
    if (emails.isEmpty()) {
      return title + ": no emails.";
    }
    StringBuilder sb =
        new StringBuilder(title)
            .append(" (")
            .append(emails.size())
            .append(emails.size() == 1 ? " email):" : " emails):");
    for (EmailFixture e : emails) {
      sb.append("\n[")
          .append(e.id())
          .append("] ")
          .append(e.timestamp().isEmpty() ? "" : e.timestamp() + " ")
          .append("from ")
          .append(e.from())
          .append(": ")
          .append(e.subject());
      if (!e.attachments().isEmpty()) {
        sb.append(" (attachments: ")
            .append(String.join(", ", e.attachments().stream().map(EmailAttachment::name).toList()))
            .append(')');
      }
    }
    return sb.toString();
  }
}
