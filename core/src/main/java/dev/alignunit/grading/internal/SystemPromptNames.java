package dev.alignunit.grading.internal;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The agent's own names read from a system prompt ("You are Sentry, the operations assistant"),
 * remembered per prompt: a scenario's system prompt is the same for every sample of a run, often
 * several kilobytes long, and the name pattern (twenty alternatives after a word boundary) used to
 * be scanned over it twice per sample. The answers are never remembered, only the prompts.
 *
 * <p>Thread-safe without locks: a fixed table of {@value #SLOTS} slots, a prompt's slot chosen by
 * its hash; a slot holds one immutable entry and a new prompt replaces it (so the table holds at
 * most {@value #SLOTS} prompts, and two prompts that share a slot cost what no table would). A
 * lookup compares references first (the scenario's own string, sample after sample), then the
 * cached hash and the characters (the same prompt built again per sample, e.g. a variant).
 */
final class SystemPromptNames {

  /** "You are Sentry", "Your name is Sentry", and the same in German, French and Spanish. */
  private static final Pattern YOU_ARE =
      Pattern.compile(
          "\\b(?:You are|Your name is|You're called|Du bist|Sie sind|Dein Name ist|Ihr Name ist|Du hei\u00dft|Sie hei\u00dfen"
              + "|Tu es|Vous \u00eates|Tu t'appelles|Vous vous appelez|Ton nom est|Votre nom est|Eres|Usted es|Te llamas"
              + "|Se llama|Tu nombre es|Su nombre es) ([A-Z][\\w-]{1,30}(?: [A-Z][\\w-]{1,30})?)(?=[,.;:\\s])");

  /** Slots of the table: a power of two. */
  static final int SLOTS = 64;

  private record Entry(String prompt, int hash, Set<String> names) {}

  private final AtomicReferenceArray<Entry> table = new AtomicReferenceArray<>(SLOTS);

  /**
   * The names of a prompt, from the table or read and remembered.
   *
   * @param prompt the system prompt, or null
   * @return the names, lower case, first word of each; unmodifiable
   */
  Set<String> of(String prompt) {
    if (prompt == null || prompt.isEmpty()) {
      return Set.of();
    }
    int hash = prompt.hashCode();
    int slot = (hash ^ (hash >>> 16)) & (SLOTS - 1);
    Entry entry = table.get(slot);
    if (entry != null
        && (entry.prompt == prompt || entry.hash == hash && entry.prompt.equals(prompt))) {
      return entry.names;
    }
    Set<String> names = read(prompt);
    table.set(slot, new Entry(prompt, hash, names));
    return names;
  }

  /**
   * Reads the names of a prompt, without the table (the full check the table stands in for).
   *
   * @param prompt the system prompt, or null
   * @return the names, lower case, first word of each; unmodifiable
   */
  static Set<String> read(String prompt) {
    if (prompt == null || prompt.isEmpty()) {
      return Set.of();
    }
    Set<String> names = new HashSet<>();
    Matcher m = YOU_ARE.matcher(prompt);
    while (m.find()) {
      String name = m.group(1).toLowerCase(Locale.ROOT);
      names.add(name.contains(" ") ? name.substring(0, name.indexOf(' ')) : name);
    }
    return Set.copyOf(names);
  }
}
