package dev.alignunit.examples.sdk;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import dev.alignunit.endpoint.EndpointSession;
import java.net.URI;

/** The official SDK clients pointed at a run's endpoint: base URL and key, nothing else changed. */
final class SdkClients {

  private SdkClients() {}

  static OpenAIClient openAi(EndpointSession session) {
    return openAi(session.openAiBaseUri(), session.apiKey());
  }

  static OpenAIClient openAi(URI baseUrl, String apiKey) {
    return OpenAIOkHttpClient.builder().baseUrl(baseUrl.toString()).apiKey(apiKey).build();
  }

  static AnthropicClient anthropic(EndpointSession session) {
    return anthropic(session.anthropicBaseUri(), session.apiKey());
  }

  static AnthropicClient anthropic(URI baseUrl, String apiKey) {
    return AnthropicOkHttpClient.builder().baseUrl(baseUrl.toString()).apiKey(apiKey).build();
  }
}
