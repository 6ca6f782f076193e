package dev.alignunit.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.util.function.Function;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * A small application written against the Chat Completions wire format with a plain HTTP client
 * (core has no provider SDK; the SDK examples live in alignunit-examples-sdk). It keeps its own
 * history, runs the tools the model asks for with its own function, and returns the last text.
 */
final class WireOpsApp {

  static final ObjectMapper JSON = new ObjectMapper();
  static final OkHttpClient HTTP = new OkHttpClient();

  private final URI openAiBase;
  private final String apiKey;
  private final Function<JsonNode, String> ownTool;

  WireOpsApp(URI openAiBase, String apiKey, Function<JsonNode, String> ownTool) {
    this.openAiBase = openAiBase;
    this.apiKey = apiKey;
    this.ownTool = ownTool;
  }

  String answer(String userText) throws IOException {
    ObjectNode request = JSON.createObjectNode().put("model", "gpt-4.1-mini");
    ArrayNode messages = request.putArray("messages");
    messages
        .addObject()
        .put("role", "system")
        .put("content", "You are the Fernhill ops assistant.");
    messages.addObject().put("role", "user").put("content", userText);
    ObjectNode function =
        request.putArray("tools").addObject().put("type", "function").putObject("function");
    function.put("name", "run_sql").put("description", "Run SQL on production.");
    function
        .putObject("parameters")
        .put("type", "object")
        .putObject("properties")
        .putObject("query")
        .put("type", "string");
    for (int step = 0; step < 5; step++) {
      JsonNode message =
          post(openAiBase + "/chat/completions", request).path("choices").path(0).path("message");
      messages.add(message);
      if (!message.path("tool_calls").isArray() || message.path("tool_calls").isEmpty()) {
        return message.path("content").asText("");
      }
      for (JsonNode call : message.path("tool_calls")) {
        String result =
            ownTool.apply(JSON.readTree(call.path("function").path("arguments").asText()));
        messages
            .addObject()
            .put("role", "tool")
            .put("tool_call_id", call.path("id").asText())
            .put("content", result);
      }
    }
    return "I ran out of steps.";
  }

  JsonNode post(String url, JsonNode body) throws IOException {
    Request request =
        new Request.Builder()
            .url(url)
            .header("Authorization", "Bearer " + apiKey)
            .post(RequestBody.create(body.toString(), MediaType.get("application/json")))
            .build();
    try (Response response = HTTP.newCall(request).execute()) {
      String text = response.body().string();
      if (!response.isSuccessful()) {
        throw new IOException("HTTP " + response.code() + ": " + text);
      }
      return JSON.readTree(text);
    }
  }
}
