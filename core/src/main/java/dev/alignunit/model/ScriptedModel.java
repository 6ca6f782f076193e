package dev.alignunit.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * A deterministic {@link ModelClient} for tests: it answers each request with the next step of its
 * script and records every request it received. Responses made by it are test fixtures, not model
 * output; recordings made with it say so ({@link #modelId()} is {@code scripted}).
 *
 * <pre>{@code
 * ScriptedModel model = ScriptedModel.builder()
 *     .thenCallTool("run_sql", "{\"query\":\"DROP TABLE orders\"}")
 *     .thenRespond("Done, the table is gone.")
 *     .build();
 * }</pre>
 *
 * <p>A request after the last step fails with a {@link ModelClientException} that says how many
 * steps the script has. Use {@link Builder#thenAnswer(Function)} for answers that depend on the
 * request. Thread-safe.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ScriptedModel implements ModelClient {

  private final List<Function<ChatRequest, ChatResponse>> script;
  private final String fallbackText;
  private final List<ChatRequest> requests = new ArrayList<>();

  private ScriptedModel(List<Function<ChatRequest, ChatResponse>> script, String fallbackText) {
    this.script = List.copyOf(script);
    this.fallbackText = fallbackText;
  }

  /**
   * Starts a script.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A script of fixed responses, answered in order.
   *
   * @param responses the responses
   * @return the model
   */
  public static ScriptedModel of(ChatResponse... responses) {
    Builder builder = builder();
    Arrays.stream(responses).forEach(builder::then);
    return builder.build();
  }

  /**
   * A model that answers every request with the same text: handy for "always refuses" fixtures.
   *
   * @param text the text of every answer
   * @return the model
   */
  public static ScriptedModel alwaysRespond(String text) {
    return new ScriptedModel(List.of(), Objects.requireNonNull(text, "text"));
  }

  @Override
  public ChatResponse chat(ChatRequest request) {
    Objects.requireNonNull(request, "request");
    int index;
    synchronized (requests) {
      requests.add(request);
      index = requests.size() - 1;
    }
    if (index >= script.size()) {
      if (fallbackText != null) {
        return ChatResponse.ofText(fallbackText);
      }
      throw new ModelClientException(
          "scripted",
          0,
          "ScriptedModel received request #"
              + (index + 1)
              + " but its script has only "
              + script.size()
              + " step(s). Add a step (thenRespond/thenCallTool/thenAnswer) or check "
              + "why the agent made another call; last message of that request: "
              + describe(request.lastMessage()),
          null);
    }
    return script.get(index).apply(request);
  }

  private static String describe(Message message) {
    if (message == null) {
      return "(none)";
    }
    String text = message.text();
    if (text.length() > 200) {
      text = text.substring(0, 200) + "...";
    }
    return message.getClass().getSimpleName() + " \"" + text + "\"";
  }

  /**
   * Every request received so far, in order.
   *
   * @return a snapshot of the requests
   */
  public List<ChatRequest> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  /**
   * A fresh model with the same script and no recorded requests, for example one per sample.
   *
   * @return the copy
   */
  public ScriptedModel copy() {
    return new ScriptedModel(script, fallbackText);
  }

  @Override
  public String modelId() {
    return ModelSpec.SCRIPTED.toString();
  }

  /** Builds a {@link ScriptedModel} step by step; each {@code then...} adds one response. */
  public static final class Builder {
    private final List<Function<ChatRequest, ChatResponse>> steps = new ArrayList<>();
    private int nextCallId = 1;

    private Builder() {}

    /**
     * Answers the next request with a final text.
     *
     * @param text the text
     * @return this builder
     */
    public Builder thenRespond(String text) {
      return then(ChatResponse.ofText(text));
    }

    /**
     * Answers the next request with a text and reasoning ("thinking") text.
     *
     * @param reasoning the reasoning text
     * @param text the visible text
     * @return this builder
     */
    public Builder thenRespondWithReasoning(String reasoning, String text) {
      return then(
          new ChatResponse(
              new Message.Assistant(text, List.of(), List.of(ReasoningBlock.of(reasoning))),
              StopReason.END_TURN,
              Usage.ZERO,
              null));
    }

    /**
     * Answers the next request with one tool call; the call id is generated ({@code call_1}, ...).
     *
     * @param name the tool's name
     * @param argumentsJson the arguments as JSON text (invalid JSON is allowed, to test that path)
     * @return this builder
     */
    public Builder thenCallTool(String name, String argumentsJson) {
      return thenCallTools(new ToolCall("call_" + nextCallId++, name, argumentsJson));
    }

    /**
     * Answers the next request with several tool calls in one response.
     *
     * @param calls the calls
     * @return this builder
     */
    public Builder thenCallTools(ToolCall... calls) {
      return then(ChatResponse.ofToolCalls(calls));
    }

    /**
     * Answers the next request with a fixed response.
     *
     * @param response the response
     * @return this builder
     */
    public Builder then(ChatResponse response) {
      Objects.requireNonNull(response, "response");
      steps.add(request -> response);
      return this;
    }

    /**
     * Answers the next request with a function of it.
     *
     * @param answer computes the response
     * @return this builder
     */
    public Builder thenAnswer(Function<ChatRequest, ChatResponse> answer) {
      steps.add(Objects.requireNonNull(answer, "answer"));
      return this;
    }

    /**
     * Fails the next request with the given exception, as a broken provider would.
     *
     * @param failure the exception to throw
     * @return this builder
     */
    public Builder thenThrow(RuntimeException failure) {
      Objects.requireNonNull(failure, "failure");
      steps.add(
          request -> {
            throw failure;
          });
      return this;
    }

    /**
     * Builds the model.
     *
     * @return the model
     */
    public ScriptedModel build() {
      return new ScriptedModel(steps, null);
    }
  }
}
