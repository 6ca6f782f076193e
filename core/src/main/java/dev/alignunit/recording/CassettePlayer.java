package dev.alignunit.recording;

import dev.alignunit.model.ChatRequest;
import dev.alignunit.model.ChatResponse;
import dev.alignunit.model.Message;
import dev.alignunit.model.ModelClient;
import dev.alignunit.model.SecretRedactor;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Replays one sample of a {@link Cassette}: answers each request with the next recorded response,
 * and fails with a {@link RecordingMismatchException} naming the file, sample and exchange when the
 * agent asks for more, or (strict matching) for something else, than was recorded.
 */
final class CassettePlayer implements ModelClient {
  private final int sample;
  private final List<RecordedExchange> exchanges;
  private final MatchMode match;
  private final String modelId;
  private final Path file;
  private final SecretRedactor redactor;
  private final String rerecordCommand;
  private int next;

  CassettePlayer(
      Path file,
      int sample,
      List<RecordedExchange> exchanges,
      MatchMode match,
      String modelId,
      SecretRedactor redactor,
      String rerecordCommand) {
    this.file = file;
    this.sample = sample;
    this.exchanges = exchanges;
    this.match = match;
    this.modelId = modelId;
    this.redactor = redactor;
    this.rerecordCommand = rerecordCommand;
  }

  int sample() {
    return sample;
  }

  /**
   * @return how many exchanges the sample holds
   */
  int size() {
    return exchanges.size();
  }

  synchronized int used() {
    return next;
  }

  @Override
  public ChatResponse chat(ChatRequest request) {
    Objects.requireNonNull(request, "request");
    int position;
    synchronized (this) {
      position = next++;
    }
    if (position >= exchanges.size()) {
      throw new RecordingMismatchException(
          file,
          sample,
          position + 1,
          List.of("request " + (position + 1) + " was not recorded"),
          "Recording "
              + file
              + ", sample "
              + sample
              + " holds "
              + exchanges.size()
              + " exchange(s), but the agent made request "
              + (position + 1)
              + " (last message: "
              + describe(request.lastMessage())
              + "). The agent now makes more model calls than when it was "
              + "recorded. Re-record this test with: "
              + rerecordCommand);
    }
    RecordedExchange exchange = exchanges.get(position);
    if (match == MatchMode.STRICT && exchange.request() != null) {
      ChatRequest actual = redactor.redact(request);
      if (!exchange.request().equals(actual)) {
        List<String> differences = RequestDiff.between(exchange.request(), actual);
        throw new RecordingMismatchException(
            file,
            sample,
            position + 1,
            differences,
            "Recording "
                + file
                + ", sample "
                + sample
                + ", exchange "
                + (position + 1)
                + " does not match the request the agent sent now:\n  "
                + String.join("\n  ", differences)
                + "\nThe recording no longer tests the current agent. Re-record this test with: "
                + rerecordCommand);
      }
    }
    return exchange.response();
  }

  @Override
  public String modelId() {
    return modelId;
  }

  private static String describe(Message message) {
    if (message == null) {
      return "(none)";
    }
    String text = message.text();
    if (text.length() > 80) {
      text = text.substring(0, 80) + "...";
    }
    return message.getClass().getSimpleName() + " \"" + text.replace("\n", "\\n") + "\"";
  }
}
