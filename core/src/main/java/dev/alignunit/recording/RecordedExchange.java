package dev.alignunit.recording;

import dev.alignunit.model.ChatRequest;
import dev.alignunit.model.ChatResponse;
import java.util.Objects;

/**
 * One recorded model call: the normalised request and the response.
 *
 * @param model the model id the request was sent to
 * @param request the normalised request (redacted), or {@code null} in a hand-written recording
 *     that does not check requests
 * @param response the response (redacted)
 */
record RecordedExchange(String model, ChatRequest request, ChatResponse response) {

  /** Validates the fields. */
  public RecordedExchange {
    model = model == null ? "" : model;
    Objects.requireNonNull(response, "response");
  }
}
