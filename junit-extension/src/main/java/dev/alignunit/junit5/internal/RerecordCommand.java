package dev.alignunit.junit5.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.alignunit.config.ConfigurationKeys;
import dev.alignunit.model.ProviderSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The command that (re-)records one test, written to work when pasted into a shell anywhere: it
 * changes to the directory to run from (the root of the Maven reactor with {@code -pl <module> -am}
 * when the test's module is part of one, else the module), names the API key's environment variable
 * (the command stops with a message naming it when it is not set), the model (the configured one,
 * else the one the recording names) and a base URL other than the provider's default, and selects
 * the test by its fully-qualified name.
 *
 * <pre>
 * cd /work/shop &amp;&amp; : "${OPENAI_API_KEY:?set OPENAI_API_KEY to your OpenAI API key}" &amp;&amp; mvn -pl agent-tests -am test \
 *   -Dsurefire.failIfNoSpecifiedTests=false \
 *   -Dalignunit.mode=record -Dalignunit.model=openai:gpt-4.1-mini -Dtest='com.shop.SafetyTest#refuses'
 * </pre>
 */
final class RerecordCommand {

  private static final JsonFactory JSON = new JsonFactory();

  private RerecordCommand() {}

  /**
   * @param module the test's module directory (absolute)
   * @param testClass the test class
   * @param method the test method
   * @param modelKey {@code alignunit.model} or {@code alignunit.judge.model}
   * @param spec the configured model spec, {@code null} when none is configured
   * @param recording the recording file, read for its model when {@code spec} is {@code null}
   * @param providers the providers' configuration (key variables, base URLs)
   */
  static String of(
      Path module,
      Class<?> testClass,
      String method,
      String modelKey,
      String spec,
      Path recording,
      ProviderSettings providers) {
    String model =
        spec != null && !spec.equals("scripted")
            ? spec
            : recordedModel(recording)
                .filter(m -> m.startsWith("openai:") || m.startsWith("anthropic:"))
                .orElse("openai:<model>");
    boolean anthropic = model.startsWith("anthropic:");
    String keyEnv = anthropic ? providers.anthropicApiKeyEnv() : providers.openAiApiKeyEnv();
    List<String> args = new ArrayList<>();
    Optional<Path> root = reactorRoot(module);
    args.add("cd " + quote(root.orElse(module).toString()) + " &&");
    // Fails before Maven starts, naming the variable, when the key is not exported.
    args.add(
        ": \"${"
            + keyEnv
            + ":?set "
            + keyEnv
            + " to your "
            + (anthropic ? "Anthropic" : "OpenAI")
            + " API key}\" &&");
    args.add("mvn");
    if (root.isPresent()) {
      args.add(
          "-pl " + quote(root.get().relativize(module).toString().replace('\\', '/')) + " -am");
    }
    args.add("test");
    if (root.isPresent()) {
      args.add("-Dsurefire.failIfNoSpecifiedTests=false");
    }
    args.add("-D" + ConfigurationKeys.MODE + "=record");
    args.add("-D" + modelKey + "=" + quote(model));
    String baseUrl = anthropic ? providers.anthropicBaseUrl() : providers.openAiBaseUrl();
    var baseUrlKey =
        anthropic ? ConfigurationKeys.ANTHROPIC_BASE_URL : ConfigurationKeys.OPENAI_BASE_URL;
    if (baseUrl != null && !baseUrl.equals(baseUrlKey.defaultValue())) {
      args.add("-D" + baseUrlKey + "=" + quote(baseUrl));
    }
    args.add("-Dtest=" + quote(testClass.getName() + "#" + method));
    return String.join(" ", args);
  }

  /** The model named in a recording's metadata, read without reading the (possibly large) rest. */
  static Optional<String> recordedModel(Path recording) {
    if (recording == null || !Files.isRegularFile(recording)) {
      return Optional.empty();
    }
    try (JsonParser parser = JSON.createParser(recording.toFile())) {
      int depth = 0;
      boolean inMetadata = false;
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
          depth++;
        } else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
          depth--;
          if (inMetadata && depth == 1) {
            return Optional.empty();
          }
        } else if (token == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          if (depth == 1 && name.equals("metadata")) {
            inMetadata = true;
          } else if (depth == 1 && name.equals("samples")) {
            return Optional.empty();
          } else if (inMetadata && depth == 2 && name.equals("model")) {
            parser.nextToken();
            return Optional.ofNullable(parser.getValueAsString());
          }
        }
      }
    } catch (IOException e) {
      // A corrupt recording fails with its own message when it is opened.
    }
    return Optional.empty();
  }

  /** The topmost directory above the module whose pom.xml lists it (transitively) as a module. */
  static Optional<Path> reactorRoot(Path module) {
    Path root = null;
    Path child = module;
    for (Path dir = module.getParent(); dir != null; dir = dir.getParent()) {
      if (!listsModule(dir, child)) {
        break;
      }
      root = dir;
      child = dir;
    }
    return Optional.ofNullable(root);
  }

  private static boolean listsModule(Path dir, Path child) {
    Path pom = dir.resolve("pom.xml");
    if (!Files.isRegularFile(pom)) {
      return false;
    }
    try {
      String relative = dir.relativize(child).toString().replace('\\', '/');
      return Files.readString(pom)
          .matches("(?s).*<module>\\s*\\Q" + relative + "\\E/?\\s*</module>.*");
    } catch (IOException e) {
      return false;
    }
  }

  /** Quotes for POSIX shells when needed: single quotes, with {@code '} written as {@code '\''}. */
  static String quote(String value) {
    if (value.matches("[A-Za-z0-9_./:=,@+-]+")) {
      return value;
    }
    return "'" + value.replace("'", "'\\''") + "'";
  }
}
