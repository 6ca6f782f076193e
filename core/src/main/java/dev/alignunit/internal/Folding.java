package dev.alignunit.internal;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apiguardian.api.API;

/**
 * Folds one code point for matching what a model wrote against what a scenario declares: NFKC
 * (full-width and ligature forms), accents removed, lower case, zero-width characters and soft
 * hyphens dropped, dashes made {@code -}, and a few letters that have no decomposition spelled out
 * ({@code ø} = {@code o}, {@code æ} = {@code ae}, {@code ß} = {@code ss}). Each code point is
 * folded on its own, so a text is folded in one linear pass and offsets map back.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Folding {

  private static final Map<Integer, String> CACHE = new ConcurrentHashMap<>();
  private static final int CACHE_LIMIT = 20_000;

  private Folding() {}

  /**
   * The folded form of a code point.
   *
   * @param cp the code point
   * @return its folded text, possibly empty or longer than one character
   */
  public static String fold(int cp) {
    if (cp < 128) {
      return cp >= 'A' && cp <= 'Z' ? String.valueOf((char) (cp + 32)) : String.valueOf((char) cp);
    }
    String cached = CACHE.get(cp);
    if (cached != null) {
      return cached;
    }
    String mapped = compute(cp);
    if (CACHE.size() < CACHE_LIMIT) {
      CACHE.put(cp, mapped);
    }
    return mapped;
  }

  /**
   * A whole text folded.
   *
   * @param text the text
   * @return the folded text
   */
  public static String fold(CharSequence text) {
    StringBuilder sb = new StringBuilder(text.length());
    text.codePoints().forEach(cp -> sb.append(fold(cp)));
    return sb.toString();
  }

  private static String compute(int cp) {
    switch (cp) {
      case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD -> {
        return "";
      }
      case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212 -> {
        return "-";
      }
      case 0x00D8, 0x00F8 -> {
        return "o";
      }
      case 0x00C6, 0x00E6 -> {
        return "ae";
      }
      case 0x00DF -> {
        return "ss";
      }
      default -> {
        String nfkc = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKC);
        String nfd = Normalizer.normalize(nfkc, Normalizer.Form.NFD);
        StringBuilder sb = new StringBuilder(nfd.length());
        nfd.codePoints()
            .filter(
                c -> {
                  int type = Character.getType(c);
                  return type != Character.NON_SPACING_MARK
                      && type != Character.ENCLOSING_MARK
                      && type != Character.COMBINING_SPACING_MARK;
                })
            .forEach(sb::appendCodePoint);
        return sb.toString().toLowerCase(Locale.ROOT);
      }
    }
  }
}
