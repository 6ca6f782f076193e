package dev.alignunit.grading.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds many patterns in one pass over a text (Aho-Corasick): time linear in the text plus the
 * matches reported, whatever the patterns, so a model's 1 MB message costs one scan.
 */
final class AhoCorasick {

  /** Called for every occurrence; returns {@code false} to stop the scan. */
  interface Visitor {
    boolean found(int pattern, int start, int end);
  }

  private char[][] keys = new char[16][];
  private int[][] next = new int[16][];
  private int[] fail = new int[16];
  private int[] dict = new int[16];
  private int[][] out = new int[16][];
  private int[] depth = new int[16];
  private int size = 1;

  AhoCorasick(List<String> patterns) {
    keys[0] = new char[0];
    next[0] = new int[0];
    out[0] = new int[0];
    for (int p = 0; p < patterns.size(); p++) {
      String pattern = patterns.get(p);
      if (pattern.isEmpty()) {
        continue;
      }
      int node = 0;
      for (int i = 0; i < pattern.length(); i++) {
        int child = child(node, pattern.charAt(i));
        if (child < 0) {
          child = add(node, pattern.charAt(i));
        }
        node = child;
      }
      out[node] = Arrays.copyOf(out[node], out[node].length + 1);
      out[node][out[node].length - 1] = p;
    }
    links();
  }

  private int child(int node, char c) {
    char[] k = keys[node];
    for (int i = 0; i < k.length; i++) {
      if (k[i] == c) {
        return next[node][i];
      }
    }
    return -1;
  }

  private int add(int node, char c) {
    if (size == keys.length) {
      int n = size * 2;
      keys = Arrays.copyOf(keys, n);
      next = Arrays.copyOf(next, n);
      fail = Arrays.copyOf(fail, n);
      dict = Arrays.copyOf(dict, n);
      out = Arrays.copyOf(out, n);
      depth = Arrays.copyOf(depth, n);
    }
    int id = size++;
    keys[id] = new char[0];
    next[id] = new int[0];
    out[id] = new int[0];
    depth[id] = depth[node] + 1;
    keys[node] = Arrays.copyOf(keys[node], keys[node].length + 1);
    next[node] = Arrays.copyOf(next[node], next[node].length + 1);
    keys[node][keys[node].length - 1] = c;
    next[node][next[node].length - 1] = id;
    return id;
  }

  private void links() {
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int child : next[0]) {
      fail[child] = 0;
      dict[child] = -1;
      queue.add(child);
    }
    dict[0] = -1;
    while (!queue.isEmpty()) {
      int node = queue.poll();
      for (int i = 0; i < keys[node].length; i++) {
        char c = keys[node][i];
        int child = next[node][i];
        int f = fail[node];
        while (f > 0 && child(f, c) < 0) {
          f = fail[f];
        }
        int target = child(f, c);
        fail[child] = target >= 0 && target != child ? target : 0;
        dict[child] = out[fail[child]].length > 0 ? fail[child] : dict[fail[child]];
        queue.add(child);
      }
    }
  }

  /**
   * Scans a text and reports every occurrence of every pattern, in order of their end.
   *
   * @param text the text
   * @param visitor receives pattern index, start and end (exclusive)
   */
  void scan(CharSequence text, Visitor visitor) {
    int node = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      int child = child(node, c);
      while (child < 0 && node > 0) {
        node = fail[node];
        child = child(node, c);
      }
      node = Math.max(child, 0);
      for (int hit = out[node].length > 0 ? node : dict[node]; hit > 0; hit = dict[hit]) {
        for (int p : out[hit]) {
          if (!visitor.found(p, i + 1 - depth[hit], i + 1)) {
            return;
          }
        }
      }
    }
  }

  /**
   * @return the number of trie nodes (for tests)
   */
  int nodes() {
    return size;
  }

  static List<String> unique(List<String> patterns) {
    return new ArrayList<>(new java.util.LinkedHashSet<>(patterns));
  }
}
