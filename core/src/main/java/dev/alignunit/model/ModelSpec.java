package dev.alignunit.model;

import dev.alignunit.AlignUnitException;
import dev.alignunit.config.ConfigurationKeys;
import java.util.Locale;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Which model a test runs against, as configured with {@code alignunit.model} or {@code
 * alignunit.judge.model}: a provider and the provider's model name. Parsed once from its text form
 * ({@link #parse(String)}); everything that needs the provider (which client, which API key
 * variable, whether recordings can be made) asks this record instead of looking at the text.
 *
 * <pre>{@code
 * ModelSpec spec = ModelSpec.parse("openai:llama3.1:8b");   // provider OPENAI, name "llama3.1:8b"
 * spec.isNetwork();                                         // true
 * spec.toString();                                          // "openai:llama3.1:8b"
 * }</pre>
 *
 * @param provider who serves the model
 * @param name the provider's model name; empty for {@link Provider#SCRIPTED}
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ModelSpec(Provider provider, String name) {

  /** Who serves a model; the lower-case name is the prefix of the text form. */
  public enum Provider {
    /** OpenAI, or any OpenAI-compatible server at {@code alignunit.openai.base-url}. */
    OPENAI,
    /** Anthropic's Messages API. */
    ANTHROPIC,
    /**
     * A script the test supplies with {@code @AgentModel} (a {@link ScriptedModel}); never called
     * over the network.
     */
    SCRIPTED;

    /**
     * The prefix of the text form.
     *
     * @return such as {@code openai}
     */
    public String prefix() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The scripted model: {@code scripted}. */
  public static final ModelSpec SCRIPTED = new ModelSpec(Provider.SCRIPTED, "");

  /** Checks the parts: a network model has a name, the scripted model none. */
  public ModelSpec {
    Objects.requireNonNull(provider, "provider");
    name = name == null ? "" : name.strip();
    if ((provider == Provider.SCRIPTED) != name.isEmpty()) {
      throw new AlignUnitException(
          provider == Provider.SCRIPTED
              ? "The scripted model has no name: it is just `scripted`."
              : "An "
                  + provider.prefix()
                  + " model needs a name, such as "
                  + provider.prefix()
                  + ":<model>.");
    }
  }

  /**
   * Parses {@code openai:<model>}, {@code anthropic:<model>} or {@code scripted}. The model name is
   * everything after the first colon, so {@code openai:llama3.1:8b} names {@code llama3.1:8b}.
   *
   * @param text the text form, surrounding blanks ignored
   * @return the spec
   * @throws AlignUnitException listing the accepted forms, for any other text
   */
  public static ModelSpec parse(String text) {
    String spec = text == null ? "" : text.strip();
    if (spec.equals(Provider.SCRIPTED.prefix())) {
      return SCRIPTED;
    }
    int colon = spec.indexOf(':');
    String prefix = colon < 0 ? spec : spec.substring(0, colon);
    String model = colon < 0 ? "" : spec.substring(colon + 1).strip();
    for (Provider provider : new Provider[] {Provider.OPENAI, Provider.ANTHROPIC}) {
      if (provider.prefix().equals(prefix) && !model.isEmpty()) {
        return new ModelSpec(provider, model);
      }
    }
    throw new AlignUnitException(
        "Invalid model spec `"
            + (text == null ? "" : text)
            + "`. Accepted forms:"
            + " `openai:<model>` (OpenAI or any OpenAI-compatible server at "
            + ConfigurationKeys.OPENAI_BASE_URL
            + "), `anthropic:<model>` and `scripted` (a script the test supplies with @AgentModel), such as"
            + " `openai:gpt-4.1-mini` or `anthropic:claude-sonnet-4-5`.");
  }

  /**
   * Whether the model is called over the network (not {@link Provider#SCRIPTED}).
   *
   * @return whether a provider serves it
   */
  public boolean isNetwork() {
    return provider != Provider.SCRIPTED;
  }

  /**
   * The text form, which is also the {@link ModelClient#modelId()} of the client made from it.
   *
   * @return such as {@code openai:gpt-4.1-mini} or {@code scripted}
   */
  @Override
  public String toString() {
    return isNetwork() ? provider.prefix() + ":" + name : provider.prefix();
  }
}
