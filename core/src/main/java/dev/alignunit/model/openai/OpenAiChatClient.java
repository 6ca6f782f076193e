package dev.alignunit.model.openai;

import dev.alignunit.model.ChatRequest;
import dev.alignunit.model.ChatResponse;
import dev.alignunit.model.ModelClient;
import dev.alignunit.model.SecretRedactor;
import dev.alignunit.model.internal.Endpoints;
import dev.alignunit.model.internal.HttpTransport;
import java.util.Objects;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import org.apiguardian.api.API;

/**
 * A {@link ModelClient} for the OpenAI Chat Completions API and OpenAI-compatible servers.
 *
 * <p>Wire format ({@code POST <base-url>/chat/completions}, {@code Authorization: Bearer}): the
 * system prompt becomes a {@code system} message; tools are sent as {@code {"type":"function",
 * "function":{name, description, parameters}}}; assistant tool calls go back with their {@code
 * arguments} string exactly as the model produced it; tool results are {@code tool} messages with
 * {@code tool_call_id} (the protocol has no error flag, so an error result is sent as its text).
 * {@code temperature} and {@code seed} are sent when set; the token limit is sent as {@code
 * max_completion_tokens}, or as the older {@code max_tokens} when the client was created with
 * {@code legacyMaxTokens} (for compatible servers that only know that one).
 *
 * <p>Answers: {@code choices[0].message} gives the text, the tool calls (arguments kept verbatim,
 * invalid JSON included; a missing call id becomes {@code call_<index>}) and, from compatible
 * servers that send it, {@code reasoning_content} / {@code reasoning} as a {@link
 * dev.alignunit.model.ReasoningBlock} (never sent back). A non-null {@code refusal} becomes {@link
 * ChatResponse#providerRefusal()} with stop reason {@code REFUSAL}; {@code finish_reason} maps
 * {@code stop}, {@code tool_calls}, {@code length}, {@code content_filter}; usage comes from {@code
 * prompt_tokens}/{@code completion_tokens}.
 *
 * <p>Create it with {@link dev.alignunit.model.ModelClients#create(String)}. Thread-safe.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class OpenAiChatClient implements ModelClient {

  private static final HttpTransport.Protocol<ChatResponse> PROTOCOL =
      new HttpTransport.Protocol<>(
          "a Chat Completions response",
          "Check that the base URL points at an OpenAI-compatible API.",
          OpenAiCodec::decode);

  private final String model;
  private final HttpUrl endpoint;
  private final Headers headers;
  private final boolean legacyMaxTokens;
  private final HttpTransport transport;

  /**
   * Creates the client; normally done by {@link dev.alignunit.model.ModelClients}.
   *
   * @param model the model name sent as {@code model}, such as {@code gpt-4.1-mini}
   * @param baseUrl the API base URL, such as {@code https://api.openai.com/v1}
   * @param apiKey the key sent as a bearer token; {@code null} or empty sends none
   * @param legacyMaxTokens send {@code max_tokens} instead of {@code max_completion_tokens}
   * @param transport the provider's shared transport (internal type)
   */
  public OpenAiChatClient(
      String model,
      String baseUrl,
      String apiKey,
      boolean legacyMaxTokens,
      HttpTransport transport) {
    this.model = Objects.requireNonNull(model, "model");
    this.endpoint = endpoint(baseUrl);
    this.legacyMaxTokens = legacyMaxTokens;
    this.transport = Objects.requireNonNull(transport, "transport");
    Headers.Builder builder = new Headers.Builder().add("Accept", "application/json");
    if (apiKey != null && !apiKey.isEmpty()) {
      builder.add("Authorization", "Bearer " + apiKey);
    }
    this.headers = builder.build();
  }

  static HttpUrl endpoint(String baseUrl) {
    return Endpoints.of(baseUrl, "/chat/completions", "https://api.openai.com/v1");
  }

  @Override
  public ChatResponse chat(ChatRequest request) {
    Objects.requireNonNull(request, "request");
    String json = OpenAiCodec.encode(model, request, legacyMaxTokens);
    return transport.postJson(endpoint, headers, json, PROTOCOL).value();
  }

  @Override
  public String modelId() {
    return "openai:" + model;
  }

  /**
   * The endpoint requests go to.
   *
   * @return the {@code .../chat/completions} URL
   */
  public HttpUrl endpoint() {
    return endpoint;
  }

  @Override
  public String toString() {
    return "OpenAiChatClient["
        + modelId()
        + " at "
        + SecretRedactor.defaults().redact(endpoint.toString())
        + "]";
  }
}
