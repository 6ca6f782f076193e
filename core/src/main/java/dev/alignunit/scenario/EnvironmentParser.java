package dev.alignunit.scenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses {@code environment}: the agent's address, the mailbox and the file tree. */
final class EnvironmentParser extends ParserBase {

  static final List<String> ENVIRONMENT_FIELDS = List.of("address", "mailbox", "files");
  static final List<String> EMAIL_FIELDS =
      List.of("id", "from", "to", "cc", "timestamp", "subject", "body", "attachments");
  static final List<String> ATTACHMENT_FIELDS = List.of("name", "content");

  EnvironmentParser(Context context) {
    super(context);
  }

  Environment environment(Node node) {
    if (isAbsent(node)) {
      return Environment.NONE;
    }
    MapNode env =
        map(node, "environment", "a mapping with " + String.join(", ", ENVIRONMENT_FIELDS));
    allowOnly(env, "environment", ENVIRONMENT_FIELDS);
    List<EmailFixture> mailbox = null;
    Node mailboxNode = env.get("mailbox");
    if (mailboxNode != null && !isAbsent(mailboxNode)) {
      ListNode list =
          list(
              mailboxNode,
              "environment.mailbox",
              "a list of emails such as"
                  + " '- { id: e-1, from: kyle@northwind.example, subject: Hi, body: ... }' ([] for an"
                  + " empty inbox)");
      mailbox = new ArrayList<>();
      Map<String, Node> ids = new HashMap<>();
      for (Item item : mapItems(list, "environment.mailbox", "an email", EMAIL_FIELDS)) {
        MapNode email = item.map();
        String ep = item.path();
        for (String required : List.of("id", "from")) {
          if (isAbsent(email.get(required))) {
            throw error(
                email,
                "missing required field '"
                    + required
                    + "' in "
                    + ep
                    + "; add for"
                    + " example '"
                    + (required.equals("id")
                        ? "id: e-" + (item.index() + 1)
                        : "from: kyle@northwind.example")
                    + "'");
          }
        }
        Node idNode = email.get("id");
        String emailId = plainText(idNode, ep + ".id");
        Node first = ids.putIfAbsent(emailId, idNode);
        if (first != null) {
          throw error(
              idNode,
              "duplicate email id '"
                  + emailId
                  + "' (first at line "
                  + first.line()
                  + "); give each email its own id");
        }
        List<EmailAttachment> attachments = new ArrayList<>();
        Node attachmentsNode = email.get("attachments");
        if (!isAbsent(attachmentsNode)) {
          ListNode al =
              list(
                  attachmentsNode,
                  ep + ".attachments",
                  "a list such as" + " '- { name: spec.pdf, content: \"...\" }'");
          for (Item attachment :
              mapItems(al, ep + ".attachments", "an attachment", ATTACHMENT_FIELDS)) {
            MapNode a = attachment.map();
            String ap = attachment.path();
            if (isAbsent(a.get("name"))) {
              throw error(
                  a,
                  "missing required field 'name' in " + ap + "; add for example 'name: spec.pdf'");
            }
            attachments.add(
                new EmailAttachment(
                    plainText(a.get("name"), ap + ".name"),
                    text(a.get("content"), ap + ".content")));
          }
        }
        mailbox.add(
            new EmailFixture(
                emailId,
                text(email.get("from"), ep + ".from"),
                addresses(email.get("to"), ep + ".to"),
                addresses(email.get("cc"), ep + ".cc"),
                text(email.get("timestamp"), ep + ".timestamp"),
                text(email.get("subject"), ep + ".subject"),
                text(email.get("body"), ep + ".body"),
                attachments));
      }
    }
    Map<String, String> files = null;
    Node filesNode = env.get("files");
    if (filesNode != null && !isAbsent(filesNode)) {
      MapNode map =
          map(
              filesNode,
              "environment.files",
              "a mapping from path to content such as"
                  + " '{ specs/falcon.md: \"...\", drafts/: \"\" }' ({} for an empty workspace)");
      files = new LinkedHashMap<>();
      Map<String, Entry> seen = new LinkedHashMap<>();
      for (Entry e : map.entries().values()) {
        String fp = "environment.files." + e.key();
        checkFilePath(e, seen);
        if (e.value() instanceof ScalarNode s && s.isNull()) {
          files.put(e.key(), "");
        } else if (e.value() instanceof ScalarNode) {
          files.put(e.key(), text(e.value(), fp));
        } else {
          throw error(e.value(), fp + " must be the file's text content, got " + kind(e.value()));
        }
      }
    }
    return new Environment(text(env.get("address"), "environment.address"), mailbox, files);
  }

  /**
   * A fixture path must stay in the workspace, and be either a file or a folder: {@code a} (a file)
   * and {@code a/b} (a file inside folder {@code a}) cannot both exist.
   */
  private void checkFilePath(Entry e, Map<String, Entry> seen) {
    String raw = e.key();
    String path = raw.replace('\\', '/');
    String problem = null;
    if (path.isBlank() || path.equals("/")) {
      problem = "is empty";
    } else if (path.indexOf('\0') >= 0) {
      problem = "contains a NUL character";
    } else if (path.startsWith("/") || path.startsWith("~") || path.matches("^[A-Za-z]:.*")) {
      problem = "is absolute or starts with '~'";
    } else if (java.util.Arrays.asList(path.split("/")).contains("..")) {
      problem = "has a '..' segment";
    } else if (path.length() > Environment.MAX_PATH_LENGTH
        || path.split("/").length > Environment.MAX_PATH_DEPTH) {
      problem =
          "is longer than "
              + Environment.MAX_PATH_LENGTH
              + " characters or deeper than "
              + Environment.MAX_PATH_DEPTH
              + " folders";
    }
    if (problem != null) {
      throw error(
          e.line(),
          e.column(),
          "file path '"
              + abbreviate(raw)
              + "' in environment.files "
              + problem
              + "; give paths relative to the workspace root, such as 'docs/spec.md'");
    }
    String normal = path.replaceAll("/+", "/").replaceAll("^(\\./)+", "");
    boolean folder = normal.endsWith("/");
    String name = folder ? normal.substring(0, normal.length() - 1) : normal;
    for (Map.Entry<String, Entry> other : seen.entrySet()) {
      String otherName = other.getKey();
      boolean otherFolder = otherName.endsWith("/");
      String bare = otherFolder ? otherName.substring(0, otherName.length() - 1) : otherName;
      String clash = null;
      if (bare.equals(name) && folder != otherFolder) {
        clash = "'" + name + "' is both a file and a folder";
      } else if (!otherFolder && name.startsWith(bare + "/")) {
        clash = "'" + bare + "' is a file, so '" + name + "' cannot be inside it";
      } else if (!folder && bare.startsWith(name + "/")) {
        clash = "'" + name + "' is a file, so '" + bare + "' cannot be inside it";
      } else if (bare.equals(name)) {
        clash = "'" + name + "' is listed twice";
      }
      if (clash != null) {
        throw error(
            e.line(),
            e.column(),
            "environment.files: "
                + clash
                + " (see line "
                + other.getValue().line()
                + "); a path is either a file or a folder, so rename one of them");
      }
    }
    seen.put(normal, e);
  }

  private static String abbreviate(String text) {
    return text.length() > 80 ? text.substring(0, 80) + "..." : text;
  }
}
