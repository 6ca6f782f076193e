package dev.alignunit.grading.internal;

import java.util.Map;

/**
 * An immutable open-addressing table from words to a bit set of features and an optional value,
 * looked up by a region of a string so that tokens are never copied into substrings.
 *
 * @param <V> the type of the optional value
 */
final class WordTable<V> {

  private final String[] keys;

  /**
   * Each slot's key hash, never 0 ({@link #stored}); 0 marks an empty slot. A probe reads only this
   * array until a hash matches, so a miss (most words) touches no key string.
   */
  private final int[] hashes;

  private final long[] bits;
  private final Object[] values;
  private final int mask;

  WordTable(Map<String, Long> features, Map<String, V> valueMap) {
    int entries = features.size() + valueMap.size();
    int size = Integer.highestOneBit(Math.max(4, entries * 3) - 1) << 1;
    keys = new String[size];
    hashes = new int[size];
    bits = new long[size];
    values = new Object[size];
    mask = size - 1;
    features.forEach((k, v) -> bits[slot(k)] |= v);
    valueMap.forEach((k, v) -> values[slot(k)] = v);
  }

  private int slot(String key) {
    int hash = hash(key, 0, key.length());
    int slot = hash & mask;
    while (keys[slot] != null && !keys[slot].equals(key)) {
      slot = (slot + 1) & mask;
    }
    keys[slot] = key;
    hashes[slot] = stored(hash);
    return slot;
  }

  private static int hash(String text, int from, int to) {
    int h = 0;
    for (int i = from; i < to; i++) {
      h = 31 * h + text.charAt(i);
    }
    return h ^ (h >>> 16);
  }

  /**
   * The running hash of a word after its next character: a caller that scans a word character by
   * character anyway passes the result to {@link #value(String, int, int, int)} instead of reading
   * the word a second time.
   */
  static int hashStep(int running, char c) {
    return 31 * running + c;
  }

  private int find(String text, int from, int to) {
    return find(text, from, to, hash(text, from, to));
  }

  private static int stored(int hash) {
    return hash == 0 ? 1 : hash;
  }

  private int find(String text, int from, int to, int hash) {
    int slot = hash & mask;
    int wanted = stored(hash);
    int length = to - from;
    for (int h = hashes[slot]; h != 0; h = hashes[slot]) {
      if (h == wanted) {
        String key = keys[slot];
        if (key.length() == length && text.regionMatches(from, key, 0, length)) {
          return slot;
        }
      }
      slot = (slot + 1) & mask;
    }
    return -1;
  }

  /**
   * The features of the word {@code text[from, to)}, whose running hash ({@link #hashStep}) is
   * {@code running}; 0 when unknown.
   */
  long bits(String text, int from, int to, int running) {
    int slot = find(text, from, to, running ^ (running >>> 16));
    return slot < 0 ? 0L : bits[slot];
  }

  /** The features of the word {@code text[from, to)}, 0 when unknown. */
  long bits(String text, int from, int to) {
    int slot = find(text, from, to);
    return slot < 0 ? 0L : bits[slot];
  }

  /**
   * The value of the word {@code text[from, to)}, whose running hash ({@link #hashStep} over its
   * characters from 0) is {@code running}; null when it has none.
   */
  @SuppressWarnings("unchecked")
  V value(String text, int from, int to, int running) {
    int slot = find(text, from, to, running ^ (running >>> 16));
    return slot < 0 ? null : (V) values[slot];
  }

  /** The value of the word {@code text[from, to)}, null when it has none. */
  @SuppressWarnings("unchecked")
  V value(String text, int from, int to) {
    int slot = find(text, from, to);
    return slot < 0 ? null : (V) values[slot];
  }
}
