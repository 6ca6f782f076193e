package dev.alignunit.grading.internal;

import java.util.Arrays;

/**
 * The tokens of one sentence: words (with their lexicon features) and the punctuation that bounds
 * clauses. Reused from sentence to sentence of one response; not thread-safe.
 */
final class Tokens {

  static final byte WORD = 0;
  static final byte COMMA = 1;
  static final byte SEMI = 2;
  static final byte COLON = 3;
  static final byte QUOTE = 4;
  static final byte OPEN = 5;
  static final byte CLOSE = 6;
  static final byte DASH = 7;
  static final byte END = 8;

  String text = "";
  Lexicon lexicon;
  int n;
  int[] start = new int[32];
  int[] end = new int[32];
  byte[] kind = new byte[32];
  long[] feat = new long[32];

  /**
   * Per token, {@code String.hashCode()} of its text: {@link #is} compares it with the word's
   * (cached) hash before it reads any character, and most tokens differ there.
   */
  private int[] hash = new int[32];

  /** Per token: the start of its clause, one past its end, the last conditional word before it. */
  private int[] clauseFrom = new int[0];

  private int[] clauseTo = new int[0];
  private int[] lastConditional = new int[0];
  private boolean indexed;

  /** Tokenises {@code text[from, to)} with the lexicon's features. */
  Tokens of(String lower, int from, int to, Lexicon lex) {
    this.text = lower;
    this.lexicon = lex;
    n = 0;
    indexed = false;
    int i = from;
    while (i < to) {
      char c = lower.charAt(i);
      if (Text.isWordChar(c) && c != '\'') {
        int s = i;
        int hash = 0; // of the word, while reading it: the lexicon look-up need not read it again
        while (i < to
            && (Text.isWordChar(lower.charAt(i))
                || lower.charAt(i) == '-'
                    && i + 1 < to
                    && Character.isLetter(lower.charAt(i + 1))
                    && i > s)) {
          hash = WordTable.hashStep(hash, lower.charAt(i));
          i++;
        }
        int e = i;
        while (e > s + 1
            && lower.charAt(e - 1) == '\''
            && !(lower.charAt(e - 2) == 's' && e - s > 2)) {
          e--; // a closing single quote, not an apostrophe ("'no'"); "parents'" keeps it
        }
        int split = lex.elisionSplit(lower, s, e);
        if (split > s) {
          add(s, split, WORD);
          add(split, e, WORD);
        } else if (e == i) {
          add(s, e, WORD, lex.features(lower, s, e, hash), hash);
        } else {
          add(s, e, WORD);
        }
        continue;
      }
      byte k =
          switch (c) {
            case ',' -> COMMA;
            case ';' -> SEMI;
            case ':' -> COLON;
            case '"' -> QUOTE;
            case '(', '[' -> OPEN;
            case ')', ']' -> CLOSE;
            case '\u2013', '\u2014' -> DASH;
            case '-' ->
                i + 1 < to && lower.charAt(i + 1) == ' ' && i > from && lower.charAt(i - 1) == ' '
                    ? DASH
                    : -1;
            case '.', '!', '?' -> END;
            default -> -1;
          };
      if (k >= 0) {
        add(i, i + 1, k);
      }
      i++;
    }
    return this;
  }

  private void add(int s, int e, byte k) {
    int h = 0;
    for (int j = s; j < e; j++) {
      h = WordTable.hashStep(h, text.charAt(j));
    }
    add(s, e, k, k == WORD ? lexicon.features(text, s, e) : 0L, h);
  }

  private void add(int s, int e, byte k, long features, int textHash) {
    if (n == start.length) {
      int size = n * 2;
      start = Arrays.copyOf(start, size);
      end = Arrays.copyOf(end, size);
      kind = Arrays.copyOf(kind, size);
      feat = Arrays.copyOf(feat, size);
      hash = Arrays.copyOf(hash, size);
    }
    start[n] = s;
    end[n] = e;
    kind[n] = k;
    feat[n] = features;
    hash[n] = textHash;
    n++;
  }

  boolean isWord(int i) {
    return i >= 0 && i < n && kind[i] == WORD;
  }

  /** Whether token {@code i} is a word with any of the features. */
  boolean has(int i, long features) {
    return i >= 0 && i < n && (feat[i] & features) != 0;
  }

  /** Whether token {@code i} is exactly {@code word}. */
  boolean is(int i, String word) {
    // The hashes are compared before startsWith: nearly every token differs there, and the grammar
    // asks this of nearly every token, several times.
    return i >= 0
        && i < n
        && hash[i] == word.hashCode()
        && end[i] - start[i] == word.length()
        && text.startsWith(word, start[i]);
  }

  // Fixed-arity forms of isAny: the grammar calls it for nearly every token, and a varargs call
  // allocates its array each time unless the JIT happens to inline the callee (the allocation
  // profile showed it was not: a fifth of all bytes allocated per response). Java picks these
  // over the varargs form at every call site with two to seven words.

  /** Whether token {@code i} is one of the two words. */
  boolean isAny(int i, String a, String b) {
    return is(i, a) || is(i, b);
  }

  /** Whether token {@code i} is one of the three words. */
  boolean isAny(int i, String a, String b, String c) {
    return is(i, a) || is(i, b) || is(i, c);
  }

  /** Whether token {@code i} is one of the four words. */
  boolean isAny(int i, String a, String b, String c, String d) {
    return is(i, a) || is(i, b) || is(i, c) || is(i, d);
  }

  /** Whether token {@code i} is one of the five words. */
  boolean isAny(int i, String a, String b, String c, String d, String e) {
    return is(i, a) || is(i, b) || is(i, c) || is(i, d) || is(i, e);
  }

  /** Whether token {@code i} is one of the six words. */
  boolean isAny(int i, String a, String b, String c, String d, String e, String f) {
    return is(i, a) || is(i, b) || is(i, c) || is(i, d) || is(i, e) || is(i, f);
  }

  /** Whether token {@code i} is one of the seven words. */
  boolean isAny(int i, String a, String b, String c, String d, String e, String f, String g) {
    return is(i, a) || is(i, b) || is(i, c) || is(i, d) || is(i, e) || is(i, f) || is(i, g);
  }

  /** Whether token {@code i} is one of the words. */
  boolean isAny(int i, String... words) {
    for (String w : words) {
      if (is(i, w)) {
        return true;
      }
    }
    return false;
  }

  /** Whether token {@code i} bounds a clause (punctuation other than an apostrophe). */
  boolean bound(int i) {
    return i < 0 || i >= n || kind[i] != WORD;
  }

  /** The first token index of the clause holding token {@code i}. */
  int clauseStart(int i) {
    if (i < 0 || i >= n) {
      int j = Math.min(i, n);
      while (j > 0 && kind[j - 1] == WORD) {
        j--;
      }
      return j;
    }
    index();
    return clauseFrom[i];
  }

  /** {@link #clauseStart}, or -1 when it lies more than {@code max} tokens back. */
  int clauseStartWithin(int i, int max) {
    int j = clauseStart(i);
    return i - j > max ? -1 : j;
  }

  /** {@link #clauseEnd}, but at most {@code max} tokens after {@code i}. */
  int clauseEndWithin(int i, int max) {
    return Math.min(clauseEnd(i), i + max);
  }

  /** One past the last token index of the clause holding token {@code i}. */
  int clauseEnd(int i) {
    if (i < 0 || i >= n) {
      return Math.max(i, n);
    }
    index();
    return clauseTo[i];
  }

  /** Whether a conditional word ("if", "wenn", "si") opens the clause before token {@code i}. */
  boolean conditional(int i) {
    if (i <= 0 || i > n) {
      return false;
    }
    index();
    int k = i == n ? lastConditionalAtOrBefore(n - 1) : lastConditional[i];
    return k >= 0 && k >= clauseStart(i);
  }

  private int lastConditionalAtOrBefore(int i) {
    return has(i, Lexicon.COND) ? i : lastConditional[i];
  }

  /**
   * Clause bounds and conditional positions for every token, once per sentence, so that the
   * grammar's look-ups stay constant-time and a sentence without punctuation stays linear.
   */
  private void index() {
    if (indexed) {
      return;
    }
    if (clauseFrom.length < n) {
      clauseFrom = new int[start.length];
      clauseTo = new int[start.length];
      lastConditional = new int[start.length];
    }
    for (int i = 0; i < n; i++) {
      clauseFrom[i] = i > 0 && kind[i - 1] == WORD ? clauseFrom[i - 1] : i;
      lastConditional[i] = i == 0 ? -1 : has(i - 1, Lexicon.COND) ? i - 1 : lastConditional[i - 1];
    }
    for (int i = n - 1; i >= 0; i--) {
      clauseTo[i] = kind[i] != WORD ? i : i + 1 < n ? clauseTo[i + 1] : n;
    }
    indexed = true;
  }

  String word(int i) {
    return text.substring(start[i], end[i]);
  }

  boolean endsWith(int i, String suffix) {
    return isWord(i)
        && end[i] - start[i] > suffix.length()
        && text.startsWith(suffix, end[i] - suffix.length());
  }

  boolean startsWith(int i, String prefix) {
    return isWord(i) && end[i] - start[i] > prefix.length() && text.startsWith(prefix, start[i]);
  }

  int length(int i) {
    return end[i] - start[i];
  }
}
