package dev.alignunit.grading.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Discourse cues and added phrases, matched as regular expressions only where one of their trigger
 * words occurs: the text is scanned once for words and a rule runs only in the sentences (or, when
 * anchored, only at the words) that can start a match, which keeps the detector linear and fast.
 * Matchers are reused per thread.
 */
final class CueRules {

  /**
   * One cue.
   *
   * @param id the id reported in a verdict's reason
   * @param pattern the pattern, run within one sentence
   * @param triggers lower-case words one of which must occur; empty means every sentence
   * @param flag the mark a match sets
   * @param context whether quotation and reported speech are checked (the speaker's own words only)
   * @param anchored whether a match starts at a trigger word (tried there with lookingAt)
   */
  record Rule(
      String id,
      Pattern pattern,
      Set<String> triggers,
      int flag,
      boolean context,
      boolean anchored) {}

  /** A rule tried wherever one of its trigger words occurs in a sentence. */
  static Rule rule(String triggers, int flag, boolean context, String regex) {
    return new Rule(
        flag == Marks.JUDGE ? "judgement" : "cue",
        Pattern.compile(regex),
        Set.copyOf(java.util.Arrays.asList(triggers.split(" "))),
        flag,
        context,
        false);
  }

  /** A rule whose matches start at one of its trigger words: tried only there. */
  static Rule anchored(String firstWords, int flag, boolean context, String regex) {
    return new Rule(
        flag == Marks.JUDGE ? "judgement" : "cue",
        Pattern.compile(regex),
        Set.copyOf(java.util.Arrays.asList(firstWords.split(" "))),
        flag,
        context,
        true);
  }

  /** What a context-checked match means: the marks it sets and the rule that set them. */
  interface Judge {
    /** The marks for a match of {@code rule} at {@code [start, end)} in sentence {@code s}. */
    int marks(Rule rule, int start, int end, int sentence);
  }

  /**
   * The rules a word triggers, and for each the pattern to try there: {@code slots[k]} indexes
   * {@link #patterns} ({@code < rules.size()}: the rule's own pattern), -1 when the rule cannot
   * match at the word; {@code prefixes[k]}, when not null, literal strings one of which must start
   * at the word for the pattern to have a chance ({@link LeadingAlternatives#prefixes}).
   */
  private record Hits(int[] rules, int[] slots, LeadingAlternatives.Prefixes[] prefixes) {}

  /**
   * What a word stands for: the rules it triggers (null when none) and the required-word groups it
   * belongs to ({@link RequiredWords}; null when none).
   */
  private record Entry(Hits hits, int[] groups) {}

  private final List<Rule> rules;
  private final WordTable<Entry> index;
  private final int[] alwaysRun;

  /**
   * Per rule, the required-word groups that must each occur after the match start for a match to be
   * possible; groups are numbered across all rules.
   */
  private final int[][] requires;

  private final int groups;

  /**
   * The rules' patterns, then the anchored rules' patterns narrowed to the alternatives that can
   * start with a given trigger word ({@link LeadingAlternatives}): "the" is a trigger of the
   * content cue, whose dozen alternatives the regex engine would otherwise try at every "the".
   */
  private final List<Pattern> patterns;

  private final ThreadLocal<Scratch> scratch;

  CueRules(List<Rule> rules) {
    this(rules, true);
  }

  /**
   * Cue rules; {@code requiredWords} false tries every cue wherever its triggers occur, also where
   * its required words do not (for the test that both mark alike).
   */
  CueRules(List<Rule> rules, boolean requiredWords) {
    this.rules = List.copyOf(rules);
    Map<String, int[]> byWord = new HashMap<>();
    List<Integer> always = new ArrayList<>();
    for (int r = 0; r < this.rules.size(); r++) {
      Rule rule = this.rules.get(r);
      if (rule.triggers().isEmpty() || rule.triggers().equals(Set.of(""))) {
        always.add(r);
        continue;
      }
      for (String t : rule.triggers()) {
        int[] old = byWord.getOrDefault(t, new int[0]);
        int[] grown = Arrays.copyOf(old, old.length + 1);
        grown[old.length] = r;
        byWord.put(t, grown);
      }
    }
    List<Pattern> all = new ArrayList<>();
    for (Rule rule : this.rules) {
      all.add(rule.pattern());
    }
    Map<String, Hits> hits = new HashMap<>();
    byWord.forEach(
        (word, ids) -> {
          int[] slots = new int[ids.length];
          LeadingAlternatives.Prefixes[] prefixes = new LeadingAlternatives.Prefixes[ids.length];
          for (int k = 0; k < ids.length; k++) {
            Rule rule = this.rules.get(ids[k]);
            Pattern narrowed =
                rule.anchored() ? LeadingAlternatives.at(rule.pattern(), word) : rule.pattern();
            if (narrowed == LeadingAlternatives.NEVER) {
              slots[k] = -1;
            } else if (narrowed == rule.pattern()) {
              slots[k] = ids[k];
            } else {
              slots[k] = all.size();
              all.add(narrowed);
            }
            if (rule.anchored() && slots[k] >= 0) {
              prefixes[k] = LeadingAlternatives.prefixes(narrowed, word);
            }
          }
          hits.put(word, new Hits(ids, slots, prefixes));
        });
    // Required words: at most two sets per rule, of words long enough to be rare, none a trigger
    // (a trigger is there whenever the rule is tried).
    Map<String, int[]> groupsOf = new HashMap<>();
    this.requires = new int[this.rules.size()][];
    int group = 0;
    for (int r = 0; r < this.rules.size(); r++) {
      Rule rule = this.rules.get(r);
      List<Integer> ids = new ArrayList<>();
      for (Set<String> words :
          requiredWords ? RequiredWords.of(rule.pattern()) : List.<Set<String>>of()) {
        if (ids.size() == 2
            || RequiredWords.shortest(words) < RequiredWords.MIN_LENGTH
            || words.stream().anyMatch(rule.triggers()::contains)) {
          continue;
        }
        for (String w : words) {
          int[] old = groupsOf.getOrDefault(w, new int[0]);
          int[] grown = Arrays.copyOf(old, old.length + 1);
          grown[old.length] = group;
          groupsOf.put(w, grown);
        }
        ids.add(group++);
      }
      this.requires[r] = ids.stream().mapToInt(Integer::intValue).toArray();
    }
    this.groups = group;
    Map<String, Entry> entries = new HashMap<>();
    hits.forEach((word, h) -> entries.put(word, new Entry(h, groupsOf.get(word))));
    groupsOf.forEach((word, g) -> entries.putIfAbsent(word, new Entry(null, g)));
    this.index = new WordTable<>(Map.of(), entries);
    this.patterns = List.copyOf(all);
    this.alwaysRun = always.stream().mapToInt(Integer::intValue).toArray();
    this.scratch = ThreadLocal.withInitial(() -> new Scratch(patterns.size(), groups));
  }

  /** Per thread: the reused matchers, a sentence's trigger hits, the required words' positions. */
  private static final class Scratch {
    final Matcher[] matchers;
    final int[] last;
    int[] hitStart = new int[16];
    Hits[] hit = new Hits[16];

    Scratch(int patterns, int groups) {
      matchers = new Matcher[patterns];
      last = new int[groups];
    }

    void add(int n, int start, Hits h) {
      if (n == hitStart.length) {
        hitStart = Arrays.copyOf(hitStart, n * 2);
        hit = Arrays.copyOf(hit, n * 2);
      }
      hitStart[n] = start;
      hit[n] = h;
    }
  }

  /** Whether each required-word group of rule {@code r} occurs at or after {@code from}. */
  private boolean possible(int r, int from, int[] last) {
    for (int g : requires[r]) {
      if (last[g] < from) {
        return false;
      }
    }
    return true;
  }

  /**
   * Records the required-word groups of the apostrophe-free pieces of the word {@code lower[start,
   * end)} ("harmful" in "harmful's").
   */
  private void pieces(String lower, int start, int end, int[] last) {
    int p = start;
    while (p < end) {
      int s = p;
      int hash = 0;
      char c;
      while (p < end && (c = lower.charAt(p)) != '\'') {
        hash = WordTable.hashStep(hash, c);
        p++;
      }
      if (p > s) {
        Entry e = index.value(lower, s, p, hash);
        if (e != null && e.groups() != null) {
          for (int g : e.groups()) {
            last[g] = s;
          }
        }
      }
      p++;
    }
  }

  List<Rule> rules() {
    return rules;
  }

  /**
   * Marks every sentence: {@code marks[i] |=} the flags of the rules that match in sentence i.
   * {@code firstMatch[i]}, when not null, records the id of the first context-checked rule that set
   * a STRONG or JUDGE mark.
   */
  void mark(String lower, List<int[]> sentences, int[] marks, String[] ruleIds, Judge judge) {
    if (rules.isEmpty()) {
      return;
    }
    int words = (rules.size() + 63) / 64;
    long[] triggered = new long[words];
    Scratch scratch = this.scratch.get();
    Matcher[] cache = scratch.matchers;
    int[] last = scratch.last;
    Arrays.fill(last, -1);
    boolean[] reset = new boolean[patterns.size()];
    for (int i = 0; i < sentences.size(); i++) {
      int[] s = sentences.get(i);
      Arrays.fill(triggered, 0L);
      for (int r : alwaysRun) {
        triggered[r >>> 6] |= 1L << r;
      }
      // First the sentence's words: the trigger hits in order, and where the required words last
      // occur; then the hits are tried in the same order as the words came.
      int hits = 0;
      int p = s[0];
      int end = s[1];
      while (p < end) {
        char c = lower.charAt(p);
        if (!Text.isWordChar(c)) {
          p++;
          continue;
        }
        // The word's hash is computed while finding its end: one read of each character.
        int start = p;
        int hash = 0;
        boolean apostrophe = false;
        do {
          hash = WordTable.hashStep(hash, c);
          apostrophe |= c == '\'';
          p++;
        } while (p < end && Text.isWordChar(c = lower.charAt(p)));
        if (apostrophe) {
          pieces(lower, start, p, last);
        }
        Entry entry = index.value(lower, start, p, hash);
        if (entry == null) {
          continue;
        }
        if (entry.groups() != null) {
          for (int g : entry.groups()) {
            last[g] = start;
          }
        }
        if (entry.hits() != null) {
          scratch.add(hits++, start, entry.hits());
        }
      }
      for (int h = 0; h < hits; h++) {
        Hits hit = scratch.hit[h];
        int start = scratch.hitStart[h];
        for (int k = 0; k < hit.rules().length; k++) {
          int r = hit.rules()[k];
          Rule rule = rules.get(r);
          if (!rule.anchored()) {
            triggered[r >>> 6] |= 1L << r;
          } else if ((marks[i] & rule.flag()) == 0
              && hit.slots()[k] >= 0
              && possible(r, start, last)
              && startsWithAny(lower, start, hit.prefixes()[k])) {
            Matcher m = matcher(cache, reset, hit.slots()[k], lower);
            m.region(start, s[1]);
            if (m.lookingAt()) {
              apply(rule, m, i, marks, ruleIds, judge);
            }
          }
        }
      }
      for (int w = 0; w < words; w++) {
        long bits = triggered[w];
        while (bits != 0) {
          int r = (w << 6) + Long.numberOfTrailingZeros(bits);
          bits &= bits - 1;
          Rule rule = rules.get(r);
          if ((marks[i] & rule.flag()) == 0 && possible(r, s[0], last)) {
            Matcher m = matcher(cache, reset, r, lower);
            m.region(s[0], s[1]);
            while (m.find()) {
              if (apply(rule, m, i, marks, ruleIds, judge)) {
                break;
              }
            }
          }
        }
      }
    }
  }

  /** Whether one of the prefixes starts at {@code start}; true when there are none to test. */
  private static boolean startsWithAny(
      String lower, int start, LeadingAlternatives.Prefixes prefixes) {
    return prefixes == null || prefixes.at(lower, start);
  }

  private static boolean apply(
      Rule rule, Matcher m, int i, int[] marks, String[] ruleIds, Judge judge) {
    int mark = rule.context() ? judge.marks(rule, m.start(), m.end(), i) : rule.flag();
    if ((mark & (Marks.STRONG | Marks.JUDGE)) != 0
        && (marks[i] & (Marks.STRONG | Marks.JUDGE)) == 0
        && ruleIds != null
        && ruleIds[i] == null) {
      ruleIds[i] = rule.id();
    }
    marks[i] |= mark;
    return (mark & rule.flag()) != 0;
  }

  private Matcher matcher(Matcher[] cache, boolean[] reset, int slot, String lower) {
    Matcher m = cache[slot];
    if (m == null) {
      m = patterns.get(slot).matcher(lower);
      m.useTransparentBounds(true);
      cache[slot] = m;
      reset[slot] = true;
    } else if (!reset[slot]) {
      m.reset(lower);
      m.useTransparentBounds(true);
      reset[slot] = true;
    }
    return m;
  }
}
