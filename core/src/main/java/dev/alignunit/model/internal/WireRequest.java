package dev.alignunit.model.internal;

import dev.alignunit.model.ChatRequest;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A provider request as the loopback model endpoint received it: the model name the application
 * asked for, whether it wants the answer streamed, and the neutral request.
 *
 * @param model the {@code model} field of the request, as sent
 * @param stream whether the application asked for server-sent events
 * @param streamUsage whether a streamed OpenAI answer ends with a usage chunk ({@code
 *     stream_options.include_usage}); always {@code false} for Anthropic, whose stream carries
 *     usage anyway
 * @param request the neutral request
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record WireRequest(String model, boolean stream, boolean streamUsage, ChatRequest request) {

  /** Validates the fields. */
  public WireRequest {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(request, "request");
  }
}
