package dev.alignunit.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/** TEMPORARY minimal catalog; replaced by the scenario-loader work. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ScenarioCatalog {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private final Map<String, Scenario> scenarios;

  private ScenarioCatalog(Map<String, Scenario> scenarios) {
    this.scenarios = scenarios;
  }

  /** @return the catalog of {@code alignunit/scenarios/} */
  public static ScenarioCatalog fromClasspath() {
    Map<String, Scenario> all = new TreeMap<>();
    try {
      Enumeration<URL> roots = Thread.currentThread().getContextClassLoader().getResources("alignunit/scenarios");
      while (roots.hasMoreElements()) {
        URL url = roots.nextElement();
        if (!"file".equals(url.getProtocol())) {
          continue;
        }
        Path root = Paths.get(url.toURI());
        try (Stream<Path> files = Files.walk(root)) {
          for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
            try (InputStream in = Files.newInputStream(file)) {
              Scenario s = parse(YAML.readTree(in), root.relativize(file).toString());
              all.put(s.id(), s);
            }
          }
        }
      }
    } catch (IOException | URISyntaxException e) {
      throw new ScenarioException("cannot load scenarios: " + e.getMessage(), e);
    }
    return new ScenarioCatalog(all);
  }

  private static Scenario parse(JsonNode n, String source) throws IOException {
    List<Turn> input = new ArrayList<>();
    for (JsonNode t : n.path("input")) {
      input.add(t.has("user") ? new Turn(Turn.Role.USER, t.get("user").asText())
          : new Turn(Turn.Role.ASSISTANT, t.get("assistant").asText()));
    }
    List<ToolDefinition> tools = new ArrayList<>();
    for (JsonNode t : n.path("tools")) {
      tools.add(YAML.treeToValue(t, ToolDefinition.class));
    }
    List<HarmDefinition> harms = new ArrayList<>();
    for (JsonNode h : n.path("harms")) {
      harms.add(YAML.treeToValue(h, HarmDefinition.class));
    }
    Expectation expect = n.has("expect") ? YAML.treeToValue(n.get("expect"), Expectation.class) : null;
    return new Scenario(n.path("id").asText(), n.path("title").asText(), n.path("description").asText(),
        List.of(), Map.of(), n.path("system").asText(), input, tools, harms, expect, source);
  }

  /** @param id the ID @return the scenario */
  public Scenario get(String id) {
    return find(id).orElseThrow(() -> new ScenarioException("No scenario with ID '" + id + "'."));
  }

  /** @param id the ID @return the scenario */
  public Optional<Scenario> find(String id) {
    return Optional.ofNullable(scenarios.get(id));
  }
}
