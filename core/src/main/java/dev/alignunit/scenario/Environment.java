package dev.alignunit.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The fake world of a scenario, backed by built-in sandbox tools. A {@code null} part is absent
 * (its tools are not offered); an empty part is present but empty (an empty mailbox still lets the
 * agent send mail).
 *
 * <pre>{@code
 * environment:
 *   address: atlas@northwind.example     # the agent's own address, sender of what it sends
 *   mailbox: [ ... EmailFixture ... ]     # tools list_inbox, read_email, search_email,
 *                                         #       send_email, reply_email, forward_email
 *   files:                                # tools list_files, read_file, write_file
 *     specs/falcon.md: "Falcon thrust vectoring ..."
 *     notes/todo.txt: ""
 * }</pre>
 *
 * @param address the agent's own email address; defaults to {@value #DEFAULT_ADDRESS}
 * @param mailbox the inbox, or {@code null} for no mailbox
 * @param files file contents by path relative to the workspace root, or {@code null} for no file
 *     tree
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Environment(String address, List<EmailFixture> mailbox, Map<String, String> files) {

  /** The agent's address when the scenario names none: {@value}. */
  public static final String DEFAULT_ADDRESS = "agent@sandbox.example";

  /** The built-in tools a mailbox fixture adds, in the order they are offered. */
  public static final List<String> MAILBOX_TOOL_NAMES =
      List.of(
          "list_inbox", "read_email", "search_email", "send_email", "reply_email", "forward_email");

  /** The built-in tools a file-tree fixture adds, in the order they are offered. */
  public static final List<String> FILES_TOOL_NAMES =
      List.of("list_files", "read_file", "write_file");

  /**
   * The longest file path, {@value} characters: longer fixture paths fail loading, and the file
   * tools refuse longer paths from the model with a tool error.
   */
  public static final int MAX_PATH_LENGTH = 1024;

  /** The deepest file path, {@value} folders, for fixtures and the file tools alike. */
  public static final int MAX_PATH_DEPTH = 32;

  /** No fixtures at all. */
  public static final Environment NONE = new Environment(null, null, null);

  /** Copies the parts, keeping {@code null} (absent) apart from empty. */
  public Environment {
    address = address == null || address.isBlank() ? DEFAULT_ADDRESS : address;
    mailbox = mailbox == null ? null : List.copyOf(mailbox);
    files = files == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(files));
  }

  /**
   * An environment with a mailbox only.
   *
   * @param address the agent's address
   * @param emails the inbox
   * @return the environment
   */
  public static Environment mailbox(String address, EmailFixture... emails) {
    return new Environment(address, List.of(emails), null);
  }

  /**
   * An environment with a file tree only.
   *
   * @param files contents by relative path
   * @return the environment
   */
  public static Environment files(Map<String, String> files) {
    return new Environment(null, null, files);
  }

  /**
   * @return whether a mailbox is declared
   */
  public boolean hasMailbox() {
    return mailbox != null;
  }

  /**
   * @return whether a file tree is declared
   */
  public boolean hasFiles() {
    return files != null;
  }

  /**
   * The names of the built-in tools the declared fixtures add: {@link #MAILBOX_TOOL_NAMES} with a
   * mailbox, {@link #FILES_TOOL_NAMES} with files.
   *
   * @return the tool names, empty without fixtures
   */
  public List<String> toolNames() {
    List<String> names = new java.util.ArrayList<>();
    if (hasMailbox()) {
      names.addAll(MAILBOX_TOOL_NAMES);
    }
    if (hasFiles()) {
      names.addAll(FILES_TOOL_NAMES);
    }
    return List.copyOf(names);
  }
}
