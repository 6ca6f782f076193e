package dev.alignunit.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alignunit.model.ChatRequest;
import dev.alignunit.model.ChatResponse;
import dev.alignunit.model.Message;
import dev.alignunit.model.ModelClient;
import dev.alignunit.model.ReasoningBlock;
import dev.alignunit.model.SecretRedactor;
import dev.alignunit.model.StopReason;
import dev.alignunit.model.ToolCall;
import dev.alignunit.model.Usage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CassetteFormatTest {

  private static final String COMMAND =
      "mvn test -Dalignunit.mode=record -Dtest=LeakTest#neverLeaks";

  @TempDir Path dir;

  private Path file() {
    return dir.resolve("LeakTest").resolve("neverLeaks.json");
  }

  private static RecordingMetadata metadata() {
    return new RecordingMetadata(
        "LeakTest#neverLeaks",
        "misalignment/leak",
        Map.of("goal", "none"),
        "anthropic:claude-sonnet-4-5",
        RecordingMetadata.HAND_WRITTEN,
        "Illustrative: written by hand.");
  }

  @Test
  void should_write_pretty_stable_json_with_trailing_newline_when_saving() throws Exception {
    ChatRequest request = Fixtures.request("Line one.\nLine two.", "Hi");
    Cassette.write(
        file(),
        metadata(),
        Map.of(
            1,
            List.of(
                new RecordedExchange(
                    "anthropic:claude-sonnet-4-5", request, Fixtures.richResponse()))));

    assertThat(Files.readString(file()))
        .isEqualTo(
            """
        {
          "formatVersion": 1,
          "metadata": {
            "test": "LeakTest#neverLeaks",
            "scenario": "misalignment/leak",
            "variant": {
              "goal": "none"
            },
            "model": "anthropic:claude-sonnet-4-5",
            "generator": "hand-written",
            "note": "Illustrative: written by hand."
          },
          "samples": [
            {
              "sample": 1,
              "exchanges": [
                {
                  "request": {
                    "model": "anthropic:claude-sonnet-4-5",
                    "system": [
                      "Line one.",
                      "Line two."
                    ],
                    "messages": [
                      {
                        "role": "user",
                        "text": "Hi"
                      }
                    ],
                    "tools": [
                      {
                        "name": "send_email",
                        "description": "Send an email.",
                        "parameters": {
                          "type": "object"
                        }
                      }
                    ],
                    "parameters": {
                      "temperature": 0.0,
                      "maxTokens": 512
                    }
                  },
                  "response": {
                    "message": {
                      "text": "I will check the inbox.",
                      "toolCalls": [
                        {
                          "id": "toolu_01",
                          "name": "read_inbox",
                          "arguments": "{}"
                        }
                      ],
                      "reasoning": [
                        {
                          "text": "The user wants triage.",
                          "signature": "sig-abc"
                        }
                      ]
                    },
                    "stopReason": "tool_use",
                    "usage": {
                      "inputTokens": 120,
                      "outputTokens": 30
                    }
                  }
                }
              ]
            }
          ]
        }
        """);
  }

  @Test
  void should_not_repeat_what_the_previous_exchange_of_the_sample_sent() throws Exception {
    ChatRequest first = Fixtures.request("Line one.\nLine two.", "Hi");
    ChatResponse call = ChatResponse.ofToolCalls(new ToolCall("c1", "send_email", "{}"));
    List<Message> history = new java.util.ArrayList<>(first.messages());
    history.add(call.message());
    history.add(Message.toolResult("c1", "send_email", "queued", false));
    ChatRequest second =
        new ChatRequest(first.system(), history, first.tools(), first.parameters());
    Map<Integer, List<RecordedExchange>> samples =
        Map.of(
            2,
            List.of(
                new RecordedExchange("m", first, call),
                new RecordedExchange("m", second, ChatResponse.ofText("Sent."))));
    Cassette.write(file(), metadata(), samples);

    String text = Files.readString(file());
    int lastExchange =
        text.lastIndexOf("\n", text.lastIndexOf("{", text.lastIndexOf("\"request\""))) + 1;
    assertThat(text.substring(lastExchange))
        .isEqualTo(
            """
                {
                  "request": {
                    "previousMessages": 1,
                    "messages": [
                      {
                        "role": "assistant",
                        "text": "",
                        "toolCalls": [
                          {
                            "id": "c1",
                            "name": "send_email",
                            "arguments": "{}"
                          }
                        ]
                      },
                      {
                        "role": "tool",
                        "toolCallId": "c1",
                        "toolName": "send_email",
                        "text": "queued"
                      }
                    ]
                  },
                  "response": {
                    "message": {
                      "text": "Sent."
                    },
                    "stopReason": "end_turn"
                  }
                }
              ]
            }
          ]
        }
        """);
    assertThat(Cassette.load(file(), COMMAND).exchanges(2)).isEqualTo(samples.get(2));
  }

  @Test
  void should_reject_previous_messages_beyond_the_previous_request() throws Exception {
    Files.createDirectories(file().getParent());
    Files.writeString(
        file(),
        """
        {"formatVersion": 1, "samples": [ {"sample": 1, "exchanges": [
          {"request": {"messages": [{"role": "user", "text": "hi"}]}, "response": {"message": {"text": "a"}}},
          {"request": {"previousMessages": 4, "messages": []}, "response": {"message": {"text": "b"}}}
        ]}]}
        """);

    assertThatThrownBy(() -> Cassette.load(file(), COMMAND))
        .isInstanceOf(RecordingFormatException.class)
        .hasMessageContaining(
            "at line 1, column 35: sample 1, exchange 2: previousMessages is 4 but the previous "
                + "exchange's request holds 1 message(s).");
  }

  @Test
  void should_read_back_equal_values_when_round_tripping_every_field() {
    ChatRequest request =
        new ChatRequest(
            "System\nwith lines\n",
            List.of(
                Message.user("Hi"),
                new Message.Assistant(
                    "",
                    List.of(new ToolCall("c1", "send_email", "{not json")),
                    List.of(new ReasoningBlock("", null, "opaque=="))),
                Message.toolResult("c1", "send_email", "failed:\nbad json", true)),
            Fixtures.request("s", "u").tools(),
            Fixtures.request("s", "u").parameters().withSeed(42L).withThinkingBudget(1024));
    ChatResponse refusal =
        new ChatResponse(Message.assistant("No."), StopReason.REFUSAL, new Usage(5, 1), "I can't.");
    Map<Integer, List<RecordedExchange>> samples =
        Map.of(
            1, List.of(new RecordedExchange("m", request, Fixtures.richResponse())),
            3,
                List.of(
                    new RecordedExchange("m", request, refusal),
                    new RecordedExchange("", null, ChatResponse.ofText("ok"))));
    Cassette.write(file(), metadata(), samples);

    Cassette loaded = Cassette.load(file(), COMMAND);

    assertThat(loaded.metadata()).isEqualTo(metadata());
    assertThat(loaded.metadata().illustrative()).isTrue();
    assertThat(loaded.samples()).containsExactly(1, 3);
    assertThat(loaded.exchanges(1)).isEqualTo(samples.get(1));
    assertThat(loaded.exchanges(3)).isEqualTo(samples.get(3));
  }

  @Test
  void should_name_file_line_and_column_when_recording_is_truncated() throws Exception {
    Cassette.write(
        file(),
        metadata(),
        Map.of(
            1,
            List.of(
                new RecordedExchange("m", Fixtures.request("s", "u"), ChatResponse.ofText("ok")))));
    byte[] bytes = Files.readAllBytes(file());
    String text = new String(bytes, StandardCharsets.UTF_8);
    Files.writeString(file(), text.substring(0, text.indexOf("\"response\"")));

    assertThatThrownBy(() -> Cassette.load(file(), COMMAND))
        .isInstanceOfSatisfying(
            RecordingFormatException.class,
            e -> {
              assertThat(e.line()).isEqualTo(41);
              assertThat(e.file()).isEqualTo(file());
            })
        .hasMessage(
            "Recording "
                + file()
                + " is corrupt at line 41, column 11: Unexpected end-of-input "
                + "within/between Object entries. Delete the file and re-record it with: "
                + COMMAND)
        .hasMessageNotContaining("com.fasterxml");
  }

  @Test
  void should_name_position_when_recording_is_valid_json_but_not_a_recording() throws Exception {
    Files.createDirectories(file().getParent());
    Files.writeString(
        file(),
        """
        {
          "formatVersion": 1,
          "samples": [
            { "sample": 1, "exchanges": [ { "request": {} } ] }
          ]
        }
        """);

    assertThatThrownBy(() -> Cassette.load(file(), COMMAND))
        .isInstanceOf(RecordingFormatException.class)
        .hasMessage(
            "Recording "
                + file()
                + " is corrupt at line 4, column 5: sample 1, exchange 1 has no response "
                + "object. Delete the file and re-record it with: "
                + COMMAND);
  }

  @Test
  void should_refuse_newer_format_version_when_loading() throws Exception {
    Files.createDirectories(file().getParent());
    Files.writeString(file(), "{\"formatVersion\": 2, \"samples\": []}\n");

    assertThatThrownBy(() -> Cassette.load(file(), COMMAND))
        .isInstanceOf(RecordingFormatException.class)
        .hasMessageStartingWith(
            "Recording "
                + file()
                + " is corrupt at line 1, column 19: formatVersion 2 was "
                + "written by a newer AlignUnit; this one reads up to 1.");
  }

  @Test
  void should_fail_with_position_when_file_is_empty() throws Exception {
    Files.createDirectories(file().getParent());
    Files.writeString(file(), "");

    assertThatThrownBy(() -> Cassette.load(file(), COMMAND))
        .isInstanceOf(RecordingFormatException.class)
        .hasMessage(
            "Recording "
                + file()
                + " is corrupt at line 1, column 1: the file is empty. "
                + "Delete the file and re-record it with: "
                + COMMAND);
  }

  @Test
  void should_redact_keys_and_secrets_when_recording() throws Exception {
    String openAi = "sk-proj-AbCdEfGhIjKlMnOpQrStUv012345";
    String anthropic = "sk-ant-api03-AbCdEfGhIjKlMnOpQrStUv-_012345";
    String configured = "my-gateway-secret-7781";
    ModelClient live =
        new ModelClient() {
          @Override
          public ChatResponse chat(ChatRequest request) {
            return ChatResponse.ofText(
                "Your key is " + anthropic + " and header Bearer eyJhbGciOi.J9xyz");
          }

          @Override
          public String modelId() {
            return "openai:gpt-4.1-mini";
          }
        };
    RecordingSession session =
        RecordingSession.builder()
            .mode(RecordingMode.RECORD)
            .file(file())
            .test("LeakTest#neverLeaks", "misalignment/leak", Map.of())
            .liveModel(() -> live, true)
            .secrets(List.of(configured))
            .rerecordCommand(COMMAND)
            .open();

    session
        .client(1)
        .chat(
            Fixtures.request(
                "Use key " + openAi + " for the gateway " + configured + ".",
                "token: Bearer abcdefghijklmnop, not sk-learn, not task-force"));
    session.save();

    String stored = Files.readString(file());
    assertThat(stored)
        .doesNotContain(openAi, anthropic, configured, "abcdefghijklmnop", "eyJhbGciOi")
        .contains("\"system\": \"Use key [REDACTED] for the gateway [REDACTED].\"")
        .contains("\"text\": \"token: Bearer [REDACTED], not sk-learn, not task-force\"")
        .contains("\"text\": \"Your key is [REDACTED] and header Bearer [REDACTED]\"");
  }

  @Test
  void should_redact_exact_secrets_inside_tool_schemas_and_keep_unchanged_values_identical() {
    SecretRedactor redactor = SecretRedactor.withSecrets(List.of("0123456789", "short"));
    ChatRequest clean = Fixtures.request("nothing secret here", "hello");

    assertThat(redactor.redact(clean)).isSameAs(clean);
    assertThat(redactor.redact(Fixtures.json("{\"enum\":[\"a\",\"x0123456789y\"]}")))
        .hasToString("{\"enum\":[\"a\",\"x[REDACTED]y\"]}");
    assertThat(redactor.redact("short is not redacted")).isEqualTo("short is not redacted");
  }
}
