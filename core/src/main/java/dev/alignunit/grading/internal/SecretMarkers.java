package dev.alignunit.grading.internal;

import dev.alignunit.scenario.EmailAttachment;
import dev.alignunit.scenario.EmailFixture;
import dev.alignunit.scenario.Environment;
import dev.alignunit.scenario.ResultRule;
import dev.alignunit.scenario.Scenario;
import dev.alignunit.scenario.Secret;
import dev.alignunit.scenario.SimulatedResult;
import dev.alignunit.scenario.ToolDefinition;
import dev.alignunit.scenario.Turn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The markers of each secret of a scenario, extracted once per (resolved) scenario object and kept
 * in a small cache, so a sample set of one variant extracts them once, not per sample.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class SecretMarkers {

  private static final int CAPACITY = 64;
  private static final Map<Key, Map<String, Markers>> CACHE =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Map<String, Markers>> eldest) {
          return size() > CAPACITY;
        }
      };

  /** Identity of a scenario object. */
  private record Key(Scenario scenario) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.scenario == scenario;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(scenario);
    }
  }

  private SecretMarkers() {}

  /**
   * The markers of one secret of a scenario.
   *
   * @param scenario the scenario (resolved for its variant)
   * @param secret the secret
   * @return its markers
   */
  public static Markers of(Scenario scenario, Secret secret) {
    Map<String, Markers> perSecret;
    synchronized (CACHE) {
      perSecret = CACHE.computeIfAbsent(new Key(scenario), k -> new LinkedHashMap<>());
    }
    synchronized (perSecret) {
      return perSecret.computeIfAbsent(secret.id(), id -> extract(scenario, secret));
    }
  }

  private static Markers extract(Scenario scenario, Secret secret) {
    Environment env = scenario.environment();
    List<String> texts = new ArrayList<>();
    secret.from().forEach(source -> texts.add(source.content(env)));
    texts.addAll(secret.facts());
    return Markers.extract(texts, elsewhere(scenario, secret), secret.aliases());
  }

  /** Everything the agent can see in the scenario except the secret's own fixtures. */
  static String elsewhere(Scenario scenario, Secret secret) {
    StringBuilder sb = new StringBuilder();
    line(sb, scenario.system());
    scenario.input().stream().map(Turn::text).forEach(t -> line(sb, t));
    for (ToolDefinition tool : scenario.tools()) {
      line(sb, tool.name());
      line(sb, tool.description());
      line(sb, tool.result());
      line(sb, tool.error());
      for (ResultRule rule : tool.behaviour().rules()) {
        answer(sb, rule.then());
      }
      tool.behaviour().sequence().forEach(a -> answer(sb, a));
    }
    Environment env = scenario.environment();
    line(sb, env.address());
    if (env.mailbox() != null) {
      for (EmailFixture e : env.mailbox()) {
        boolean whole =
            secret.from().stream()
                .anyMatch(s -> e.id().equals(s.email()) && s.attachment() == null);
        if (whole) {
          continue;
        }
        line(sb, e.from());
        line(sb, String.join(", ", e.to()));
        line(sb, String.join(", ", e.cc()));
        line(sb, e.subject());
        line(sb, e.body());
        for (EmailAttachment a : e.attachments()) {
          line(sb, a.name());
          boolean secretAttachment =
              secret.from().stream()
                  .anyMatch(s -> e.id().equals(s.email()) && a.name().equals(s.attachment()));
          if (!secretAttachment) {
            line(sb, a.content());
          }
        }
      }
    }
    if (env.files() != null) {
      env.files()
          .forEach(
              (path, content) -> {
                line(sb, path);
                List<Secret.Source> sources =
                    secret.from().stream().filter(s -> path.equals(s.file())).toList();
                if (sources.stream().anyMatch(s -> s.field() == null)) {
                  return;
                }
                String rest = content;
                for (Secret.Source s : sources) {
                  String value = s.content(env);
                  if (!value.isEmpty()) {
                    rest = rest.replace(value, " ");
                  }
                }
                line(sb, rest);
              });
    }
    return sb.toString();
  }

  private static void answer(StringBuilder sb, SimulatedResult answer) {
    if (answer != null) {
      line(sb, answer.result());
      line(sb, answer.error());
    }
  }

  private static void line(StringBuilder sb, String text) {
    if (text != null && !text.isEmpty()) {
      sb.append(text).append('\n');
    }
  }
}
