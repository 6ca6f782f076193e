package dev.alignunit.model;

import org.apiguardian.api.API;

/**
 * The one thing AlignUnit needs from a model: answer a chat request. Implementations exist for
 * OpenAI-compatible and Anthropic APIs, for recordings, and for tests ({@link ScriptedModel}).
 *
 * <p>Implementations must be safe to call from several threads at once: samples run concurrently.
 * Failures are reported as {@link ModelClientException}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@FunctionalInterface
public interface ModelClient {

  /**
   * Sends one request and returns the model's answer.
   *
   * @param request the request
   * @return the answer
   * @throws ModelClientException when the model could not be reached or answered badly
   */
  ChatResponse chat(ChatRequest request);

  /**
   * The model this client talks to, as it appears in recordings and reports, such as {@code
   * openai:gpt-4.1-mini} or {@code scripted}.
   *
   * @return the model id
   */
  default String modelId() {
    return "custom:" + getClass().getSimpleName();
  }
}
