package dev.alignunit.junit5.internal;

import dev.alignunit.config.ConfigurationKeys;
import dev.alignunit.model.ModelClient;
import dev.alignunit.model.ModelSpec;
import dev.alignunit.model.ProviderSettings;
import dev.alignunit.recording.RecordingException;
import dev.alignunit.recording.RecordingMode;
import dev.alignunit.recording.RecordingSession;
import dev.alignunit.scenario.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The recording session of one test method and scenario variant, shared by that variant's
 * invocations (one per sample, or one for a sample set) through the test template's store, and
 * saved when the template finishes. Recordings apply to models from configuration; a model a test
 * supplies with {@code @AgentModel} is used as it is.
 */
final class Recordings implements StoreResource {

  private final RecordingSession session;
  private final Console console;
  private boolean closed;

  private Recordings(RecordingSession session, Console console) {
    this.session = session;
    this.console = console;
  }

  static Recordings of(
      ExtensionContext invocation,
      RunResources resources,
      Scenario scenario,
      Map<String, String> variant) {
    ExtensionContext template = invocation.getParent().orElse(invocation);
    return template
        .getStore(AlignUnitExtension.NAMESPACE)
        .getOrComputeIfAbsent(
            List.of(Recordings.class, variant),
            k -> open(invocation, resources, scenario, variant),
            Recordings.class);
  }

  /**
   * The recordings of the LLM judge ({@code alignunit.judge.model}) of one test method and variant:
   * a file of its own next to the agent's ({@code <method>-judge.json}), so judge calls replay as
   * deterministically as the agent's.
   */
  static Recordings judge(
      ExtensionContext invocation,
      RunResources resources,
      Scenario scenario,
      Map<String, String> variant) {
    ExtensionContext template = invocation.getParent().orElse(invocation);
    return template
        .getStore(AlignUnitExtension.NAMESPACE)
        .getOrComputeIfAbsent(
            List.of(Recordings.class, "judge", variant),
            k -> openJudge(invocation, resources, scenario, variant),
            Recordings.class);
  }

  private static Recordings openJudge(
      ExtensionContext context,
      RunResources resources,
      Scenario scenario,
      Map<String, String> variant) {
    Settings settings = resources.settings();
    ConfigurationReader.Sourced<ModelSpec> judge = settings.judgeModel().orElseThrow();
    ModelSpec spec = judge.value();
    Class<?> testClass = context.getRequiredTestClass();
    String method = context.getRequiredTestMethod().getName();
    ProviderSettings providers = settings.providers();
    String keyEnv = providers.apiKeyEnv(spec.provider());
    Path file =
        RecordingLocation.of(
            resources.recordingsDir(),
            testClass,
            method + "-judge",
            variant,
            RecordingMode.isCi(providers.environment().apply("CI")),
            resources.console());
    String command =
        RerecordCommand.of(
            resources.module(),
            testClass,
            method,
            ConfigurationKeys.JUDGE_MODEL.name(),
            spec.toString(),
            file,
            providers);
    return open(
        resources,
        file,
        testClass.getSimpleName() + "#" + method + " (judge)",
        scenario,
        variant,
        once(() -> createJudge(resources, judge)),
        present(providers.environment().apply(keyEnv)),
        spec.toString(),
        keyEnv,
        command);
  }

  private static Recordings open(
      RunResources resources,
      Path file,
      String test,
      Scenario scenario,
      Map<String, String> variant,
      Supplier<ModelClient> live,
      boolean liveAvailable,
      String spec,
      String keyEnv,
      String command) {
    Settings settings = resources.settings();
    ProviderSettings providers = settings.providers();
    if (!liveAvailable
        && keyEnv != null
        && (settings.mode() == RecordingMode.LIVE || settings.mode() == RecordingMode.RECORD)) {
      // Fails up front, as the session would, but names the variable to set (the session knows no
      // names).
      throw new RecordingException(
          "Cannot run "
              + test
              + ": "
              + ConfigurationKeys.MODE
              + "="
              + settings.mode().name().toLowerCase(Locale.ROOT)
              + " needs the live model "
              + spec
              + ", but its API key is not set. Export "
              + keyEnv
              + ", or replay a committed recording with -D"
              + ConfigurationKeys.MODE
              + "=replay.");
    }
    try {
      return new Recordings(
          RecordingSession.builder()
              .mode(settings.mode())
              .match(settings.match())
              .ci(RecordingMode.isCi(providers.environment().apply("CI")))
              .file(file)
              .test(test, scenario.id(), variant)
              .liveModel(live, liveAvailable)
              .configuredModelId(spec)
              .secrets(secrets(providers))
              .rerecordCommand(command)
              .open(),
          resources.console());
    } catch (RecordingException e) {
      throw e;
    } catch (RuntimeException e) {
      throw Failures.once(e.getMessage(), e);
    }
  }

  private static ModelClient createJudge(
      RunResources resources, ConfigurationReader.Sourced<ModelSpec> judge) {
    try {
      return resources.clients().create(judge.value());
    } catch (dev.alignunit.AlignUnitException e) {
      throw Failures.once(
          e.getMessage() + " (" + ConfigurationKeys.JUDGE_MODEL + " from " + judge.source() + ")",
          e);
    }
  }

  private static Recordings open(
      ExtensionContext context,
      RunResources resources,
      Scenario scenario,
      Map<String, String> variant) {
    Settings settings = resources.settings();
    Class<?> testClass = context.getRequiredTestClass();
    String method = context.getRequiredTestMethod().getName();
    ModelSpec spec = settings.model().map(ConfigurationReader.Sourced::value).orElse(null);
    if (spec != null && !spec.isNetwork()) {
      ModelLocator.locate(context, resources, 1); // throws: a scripted model needs its script
    }
    ProviderSettings providers = settings.providers();
    boolean keyPresent =
        spec != null
            && spec.isNetwork()
            && present(providers.environment().apply(providers.apiKeyEnv(spec.provider())));
    Path file =
        RecordingLocation.of(
            resources.recordingsDir(),
            testClass,
            method,
            variant,
            RecordingMode.isCi(providers.environment().apply("CI")),
            resources.console());
    String command =
        RerecordCommand.of(
            resources.module(),
            testClass,
            method,
            ConfigurationKeys.MODEL.name(),
            spec == null ? null : spec.toString(),
            file,
            providers);
    if (spec == null && !Files.exists(file)) {
      throw new ExtensionConfigurationException(
          "No model for "
              + ScenarioInvocation.testId(context)
              + ": declare an @AgentModel field or method returning a ModelClient (for example a ScriptedModel), or set "
              + ConfigurationKeys.MODEL
              + " (for example -D"
              + ConfigurationKeys.MODEL
              + "=openai:gpt-4.1-mini), or "
              + "replay a recording (none at "
              + file
              + "; record one with: "
              + command
              + ").");
    }
    return open(
        resources,
        file,
        testClass.getSimpleName() + "#" + method,
        scenario,
        variant,
        once(() -> ModelLocator.locate(context, resources, 1)),
        keyPresent,
        spec == null ? null : spec.toString(),
        spec != null && spec.isNetwork() ? providers.apiKeyEnv(spec.provider()) : null,
        command);
  }

  /**
   * The live model of a test and variant, located and created once, not per sample: a network
   * client is thread-safe and shares its provider's connection pool, and locating it reads the
   * configuration and registers its key with the redactor. A failure is not kept: the next sample
   * tries again and fails with the same message.
   */
  private static Supplier<ModelClient> once(Supplier<ModelClient> factory) {
    return new Supplier<>() {
      private ModelClient made;

      @Override
      public synchronized ModelClient get() {
        if (made == null) {
          made = factory.get();
        }
        return made;
      }
    };
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }

  static List<String> secrets(ProviderSettings providers) {
    List<String> secrets = new ArrayList<>();
    Stream.of(
            providers.openAiApiKeyEnv(),
            providers.anthropicApiKeyEnv(),
            "OPENAI_API_KEY",
            "ANTHROPIC_API_KEY")
        .map(providers.environment())
        .filter(Recordings::present)
        .forEach(secrets::add);
    return secrets;
  }

  ModelClient client(int sample) {
    return session.client(sample);
  }

  void verifyAllReplayed() {
    session.verifyAllReplayed();
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      if (session.save()) {
        console.accept("Recording written: " + session.file().toAbsolutePath());
      }
    }
  }
}
