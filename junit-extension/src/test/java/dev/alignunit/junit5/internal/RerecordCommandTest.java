package dev.alignunit.junit5.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alignunit.model.ProviderSettings;
import dev.alignunit.recording.RecordingMode;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The printed re-record commands, parsed the way a shell and Maven would read them. */
class RerecordCommandTest {

  @TempDir Path dir;

  private static ProviderSettings providers(Map<String, String> configuration) {
    return Settings.read(
            new ConfigurationReader(
                key -> Optional.ofNullable(configuration.get(key)),
                Map.of(),
                configuration.keySet()),
            line -> {})
        .providers();
  }

  private Path reactor() throws IOException {
    Files.writeString(
        dir.resolve("pom.xml"),
        "<project><modules>\n  <module>agent-tests</module>\n</modules></project>");
    Path module = Files.createDirectories(dir.resolve("agent-tests"));
    Files.writeString(module.resolve("pom.xml"), "<project/>");
    return module;
  }

  @Test
  void
      should_run_from_the_reactor_root_with_the_module_the_model_the_base_url_and_the_key_variable()
          throws IOException {
    Path module = reactor();

    String command =
        RerecordCommand.of(
            module,
            RerecordCommandTest.class,
            "should_run",
            "alignunit.model",
            "openai:gpt-4.1-mini",
            module.resolve("missing.json"),
            providers(Map.of("alignunit.openai.base-url", "http://127.0.0.1:8080/v1")));

    assertThat(command)
        .isEqualTo(
            "cd "
                + dir
                + " && : \"${OPENAI_API_KEY:?set OPENAI_API_KEY to your OpenAI API key}\" && mvn -pl agent-tests -am test "
                + "-Dsurefire.failIfNoSpecifiedTests=false -Dalignunit.mode=record -Dalignunit.model=openai:gpt-4.1-mini "
                + "-Dalignunit.openai.base-url=http://127.0.0.1:8080/v1 "
                + "-Dtest='dev.alignunit.junit5.internal.RerecordCommandTest#should_run'");
    assertParses(command);
  }

  @Test
  void should_take_the_model_from_the_recording_when_none_is_configured() throws IOException {
    Path module = dir.resolve("single");
    Files.createDirectories(module);
    Files.writeString(module.resolve("pom.xml"), "<project/>");
    Path recording = module.resolve("refuses.json");
    Files.writeString(
        recording,
        """
        {"formatVersion": 1, "metadata": {"test": "T#refuses", "variant": {"model": "not this"},
         "model": "anthropic:claude-sonnet-4-5"}, "samples": []}
        """);

    String command =
        RerecordCommand.of(
            module,
            RerecordCommandTest.class,
            "refuses",
            "alignunit.model",
            null,
            recording,
            providers(Map.of()));

    assertThat(command)
        .isEqualTo(
            "cd "
                + module
                + " && : \"${ANTHROPIC_API_KEY:?set ANTHROPIC_API_KEY to your Anthropic API key}\" && mvn test -Dalignunit.mode=record "
                + "-Dalignunit.model=anthropic:claude-sonnet-4-5 -Dtest='dev.alignunit.junit5.internal.RerecordCommandTest#refuses'");
    assertParses(command);
  }

  @Test
  void should_leave_a_placeholder_when_the_recording_came_from_a_scripted_model()
      throws IOException {
    Path module = reactor();
    Path recording = module.resolve("r.json");
    Files.writeString(
        recording, "{\"formatVersion\":1,\"metadata\":{\"model\":\"scripted\"},\"samples\":[]}");

    String command =
        RerecordCommand.of(
            module,
            RerecordCommandTest.class,
            "should_run",
            "alignunit.model",
            "scripted",
            recording,
            providers(Map.of("alignunit.openai.api-key-env", "MY_LLM_KEY")));

    assertThat(command)
        .contains(": \"${MY_LLM_KEY:?set MY_LLM_KEY to your OpenAI API key}\" && mvn")
        .contains("-Dalignunit.model='openai:<model>'");
  }

  @Test
  void should_name_this_repository_root_and_module_for_its_own_tests() {
    Path module = ModulePaths.moduleOf(RerecordCommandTest.class);

    String command =
        RerecordCommand.of(
            module,
            RerecordCommandTest.class,
            "should_run",
            "alignunit.judge.model",
            "openai:gpt-4.1-mini",
            null,
            providers(Map.of()));

    assertThat(module.getFileName().toString()).isEqualTo("junit-extension");
    assertThat(command)
        .startsWith(
            "cd "
                + module.getParent()
                + " && : \"${OPENAI_API_KEY:?set OPENAI_API_KEY to your OpenAI API key}\" && mvn -pl junit-extension -am test ");
    assertParses(command);
  }

  /**
   * Splits like a POSIX shell and checks every part the way the shell, Maven and AlignUnit read it.
   */
  private static void assertParses(String command) {
    List<String> words = shellWords(command);
    assertThat(words.get(0)).isEqualTo("cd");
    Path cwd = Path.of(words.get(1));
    assertThat(cwd.resolve("pom.xml")).as("cd target is a Maven project").isRegularFile();
    assertThat(words.get(2)).isEqualTo("&&");
    assertThat(words.get(3)).isEqualTo(":");
    assertThat(words.get(4))
        .as("stops naming the key's variable when it is unset")
        .matches("\\$\\{([A-Z_][A-Z0-9_]*):\\?set \\1 to your (OpenAI|Anthropic) API key}");
    assertThat(words.get(5)).isEqualTo("&&");
    assertThat(words.get(6)).isEqualTo("mvn");
    Map<String, String> properties = new HashMap<>();
    for (int i = 7; i < words.size(); i++) {
      String word = words.get(i);
      if (word.equals("-pl")) {
        Path module = cwd.resolve(words.get(++i));
        assertThat(module.resolve("pom.xml"))
            .as("-pl names a module of the reactor")
            .isRegularFile();
      } else if (word.startsWith("-D")) {
        String[] pair = word.substring(2).split("=", 2);
        properties.put(pair[0], pair[1]);
      } else {
        assertThat(word).isIn("-am", "test");
      }
    }
    Settings settings =
        Settings.read(
            new ConfigurationReader(
                key -> Optional.ofNullable(properties.get(key)), Map.of(), properties.keySet()),
            line -> {});
    assertThat(settings.mode()).isEqualTo(RecordingMode.RECORD);
    String[] test = properties.get("test").split("#");
    assertThat(test).hasSize(2);
    Class<?> type;
    try {
      type = Class.forName(test[0]);
    } catch (ClassNotFoundException e) {
      throw new AssertionError("-Dtest names no class: " + test[0], e);
    }
    assertThat(type.getName()).isEqualTo(test[0]);
    assertThat(Arrays.stream(type.getDeclaredMethods()).map(Method::getName))
        .as("-Dtest names a method")
        .contains(test[1]);
  }

  private static List<String> shellWords(String command) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    char quote = 0;
    boolean any = false;
    for (char c : command.toCharArray()) {
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          word.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        any = true;
      } else if (c == '<' || c == '>' || c == '|' || c == ';' || c == '`') {
        throw new AssertionError("unquoted shell operator '" + c + "' in: " + command);
      } else if (c == ' ') {
        if (any || word.length() > 0) {
          words.add(word.toString());
        }
        word.setLength(0);
        any = false;
      } else {
        word.append(c);
      }
    }
    words.add(word.toString());
    return words;
  }

  void should_run() {}

  void refuses() {}
}
