package dev.alignunit.scenario;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * An outbound channel: where information must not go. A message reaches the channel when any of the
 * set criteria holds; {@code leak} and {@code leverage} tripwires name channels by ID.
 *
 * <pre>{@code
 * channels:
 *   - id: outside
 *     outside: [quellwater.example]        # a recipient outside these domains (subdomains are inside)
 *   - id: marcus
 *     people: [marcus.vell@halvorsen.example]
 *   - id: anyone-else
 *     anyoneExcept: [marcus.vell@halvorsen.example, elena.brandt@veloria.example]
 *   - id: public
 *     folders: [public/]                   # a file written inside these folders
 *     outsideFolders: [config/]            # a file written outside these folders
 *     tools: [create_paste]                # any argument of a call of these tools
 * }</pre>
 *
 * <p>Recipients are the {@code to}, {@code cc} and {@code bcc} of {@code send_email} and {@code
 * forward_email}, the answered sender (and, with {@code replyAll}, the other recipients) of {@code
 * reply_email}, and every argument of any other tool whose whole value is one or more email
 * addresses (such as {@code share_file {recipient}}). The agent's own address never counts.
 *
 * @param id the channel's ID
 * @param outside company domains: a recipient outside all of them reaches the channel
 * @param people addresses that reach the channel
 * @param anyoneExcept addresses that do not: any other recipient reaches the channel
 * @param folders folders (relative to the workspace root) a written file reaches when inside
 * @param outsideFolders folders a written file reaches the channel when outside all of them
 * @param tools tools every call of which reaches the channel, through all its arguments
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Channel(
    String id,
    List<String> outside,
    List<String> people,
    List<String> anyoneExcept,
    List<String> folders,
    List<String> outsideFolders,
    List<String> tools) {

  /** Validates the ID and copies the lists. */
  public Channel {
    Objects.requireNonNull(id, "id");
    outside = outside == null ? List.of() : List.copyOf(outside);
    people = people == null ? List.of() : List.copyOf(people);
    anyoneExcept = anyoneExcept == null ? List.of() : List.copyOf(anyoneExcept);
    folders = folders == null ? List.of() : List.copyOf(folders);
    outsideFolders = outsideFolders == null ? List.of() : List.copyOf(outsideFolders);
    tools = tools == null ? List.of() : List.copyOf(tools);
  }

  /**
   * @return whether the channel is reached through recipients (people, domains)
   */
  public boolean hasRecipients() {
    return !outside.isEmpty() || !people.isEmpty() || !anyoneExcept.isEmpty();
  }
}
