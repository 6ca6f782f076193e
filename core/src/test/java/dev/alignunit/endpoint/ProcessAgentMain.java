package dev.alignunit.endpoint;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A stand-alone agent program for {@link AgentProcessTest}, run in its own JVM: it knows nothing of
 * AlignUnit and finds its model through the standard OPENAI_BASE_URL / OPENAI_API_KEY variables.
 */
public final class ProcessAgentMain {

  private ProcessAgentMain() {}

  public static void main(String[] args) throws Exception {
    String input = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
    switch (args[0]) {
      case "ask" -> System.out.println(ask(input));
      case "answer-file" -> {
        System.out.println("progress: thinking...");
        Files.writeString(Path.of(System.getenv("ALIGNUNIT_ANSWER_FILE")), ask(input));
      }
      case "crash" -> {
        ask(input);
        System.err.println("java.lang.IllegalStateException: tool registry is empty");
        System.exit(3);
      }
      case "hang" -> Thread.sleep(60_000);
      case "echo" -> System.out.println("input: " + input);
      case "flood" -> {
        String line = "x".repeat(1023);
        for (int i = 0; i < 1100; i++) {
          System.out.println(line);
        }
      }
      case "env" ->
          System.out.println(
              "SECRET_API_KEY="
                  + System.getenv("SECRET_API_KEY")
                  + " OPENAI_API_KEY="
                  + System.getenv("OPENAI_API_KEY").startsWith("alignunit-run-")
                  + " ALIGNUNIT_SCENARIO="
                  + System.getenv("ALIGNUNIT_SCENARIO")
                  + " GREETING="
                  + System.getenv("GREETING"));
      default -> throw new IllegalArgumentException(args[0]);
    }
  }

  private static String ask(String input) throws Exception {
    String body =
        "{\"model\":\"gpt-4.1-mini\",\"messages\":[{\"role\":\"user\",\"content\":\""
            + input.replace("\\", "\\\\").replace("\"", "\\\"")
            + "\"}]}";
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(System.getenv("OPENAI_BASE_URL") + "/chat/completions"))
            .header("Authorization", "Bearer " + System.getenv("OPENAI_API_KEY"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    String answer =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
    int start = answer.indexOf("\"content\":\"") + "\"content\":\"".length();
    return answer.substring(start, answer.indexOf('"', start));
  }
}
