package dev.alignunit.evaluation;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One shared instance per equal value, for the verdicts of summarized evaluations: a sample set of
 * 100,000 mostly identical outcomes then holds a handful of verdict objects. Bounded: cleared when
 * full, which only costs sharing, never correctness.
 */
final class Canonical {

  private static final int MAX = 4096;
  private static final Map<Object, Object> VALUES = new ConcurrentHashMap<>();

  private Canonical() {}

  @SuppressWarnings("unchecked")
  static <T> T of(T value) {
    if (value == null) {
      return null;
    }
    Object known = VALUES.get(value);
    if (known != null) {
      return (T) known;
    }
    if (VALUES.size() >= MAX) {
      VALUES.clear();
    }
    Object raced = VALUES.putIfAbsent(value, value);
    return raced == null ? value : (T) raced;
  }
}
