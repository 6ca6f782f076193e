package dev.alignunit.model.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.IdentityHashMap;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The JSON text of a tool's parameter schema, made once per schema instead of on every request:
 * every request of an agent loop sends the same tools, whose schemas come from the scenario. Kept
 * by the schema node's identity with a private deep copy: a node changed in place since (nodes are
 * mutable), fields reordered included, no longer equals its copy and is written again, so the text
 * is always the node's own. At most {@value #LIMIT} schemas are kept; others are written each time.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class SchemaJson {

  private static final int LIMIT = 256;

  private static final Map<JsonNode, Written> WRITTEN = new IdentityHashMap<>();

  private record Written(JsonNode copy, String json) {}

  private SchemaJson() {}

  /**
   * The schema as compact JSON, as {@code JsonNode.toString()} writes it.
   *
   * @param schema the schema
   * @return its JSON text
   */
  public static String of(JsonNode schema) {
    Written written;
    synchronized (WRITTEN) {
      written = WRITTEN.get(schema);
    }
    if (written != null && sameInOrder(written.copy(), schema)) {
      return written.json();
    }
    String json = dev.alignunit.internal.JsonTrees.write(schema);
    synchronized (WRITTEN) {
      if (WRITTEN.size() < LIMIT || WRITTEN.containsKey(schema)) {
        WRITTEN.put(schema, new Written(schema.deepCopy(), json));
      }
    }
    return json;
  }

  /**
   * Equal with fields in the same order ({@code JsonNode.equals} ignores the order; text does not).
   */
  private static boolean sameInOrder(JsonNode a, JsonNode b) {
    if (a.isObject() && b.isObject()) {
      if (a.size() != b.size()) {
        return false;
      }
      var left = a.fields();
      var right = b.fields();
      while (left.hasNext()) {
        var l = left.next();
        var r = right.next();
        if (!l.getKey().equals(r.getKey()) || !sameInOrder(l.getValue(), r.getValue())) {
          return false;
        }
      }
      return true;
    }
    if (a.isArray() && b.isArray()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (int k = 0; k < a.size(); k++) {
        if (!sameInOrder(a.get(k), b.get(k))) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }
}
