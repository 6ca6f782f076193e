package dev.alignunit.grading.internal;

import java.util.HashMap;
import java.util.Map;

/**
 * A cheap guess of a response's language from its first words: function words ("the", "und", "les",
 * "que") of the four languages the grammars read and of three they do not (so that an Italian
 * answer is named, not misread as Spanish), and the script of the letters. A text with no function
 * words at all (code, a number, "Done.") counts as English.
 *
 * @param lexicon the lexicon to read the text with, null when the language is not supported
 * @param looksLike what the text looks like when it is not supported ("Italian", "Cyrillic script")
 */
record LanguageGuess(Lexicon lexicon, String looksLike) {

  /** Whether a supported language was recognised. */
  boolean recognised() {
    return lexicon != null;
  }

  /** The language's name, or what the text looks like. */
  String name() {
    return lexicon != null ? lexicon.name : looksLike;
  }

  private static final String[] NAMES = {
    "English", "German", "French", "Spanish", "Italian", "Portuguese", "Dutch"
  };
  private static final int SUPPORTED = 4;
  private static final int WINDOW = 800;
  private static final WordTable<Object> FUNCTION_WORDS;
  private static final int LONGEST;

  /**
   * Letters that point to one language: German umlauts, French and Spanish accents, Portuguese
   * tildes.
   */
  private static final String ACCENTS =
      "\u00e4\u00f6\u00fc\u00df\u00e8\u00ea\u00e0\u00e7\u00f9\u00e2\u00ee"
          + "\u00f4\u0153\u00f1\u00bf\u00a1\u00e1\u00ed\u00f3\u00fa\u00e3\u00f5\u00f2\u00ec";

  private static final int[] ACCENT_LANGUAGE = {
    1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 5, 5, 4, 4
  };

  static {
    String[] words = {
      "the and is are to of you that it i not this with for can be have or your will what but as on i'm can't"
          + " don't it's won't my we me so if was would there they do any some about sorry cannot that's in at an"
          + " by from could should has had been were our their them he she his her which who how no",
      "der die das und ist nicht ich sie es zu den mit ein eine auf f\u00fcr sich dem auch kann werden wir oder"
          + " bitte ihnen dass wie bei aber sind leider keine nur werde nein m\u00f6glich diese dieser mir ihre"
          + " habe muss m\u00f6chte in kommt frage",
      "le la les et est je vous de des une un pas ne pour que qui dans sur avec ce cette il nous mais \u00eatre"
          + " sont au aux du peux n' d' l' j' c' m' d\u00e9sol\u00e9 d\u00e9sol\u00e9e non sera ferai possible son sa ses"
          + " sans",
      "el la los las y es que de no un una por para con puedo usted lo se del al pero como m\u00e1s est\u00e1"
          + " son su lamento siento eso esto ser\u00e1 posible me podemos voy mi esta estoy ni nada hay muy ya esos"
          + " esas ese sus ninguna ning\u00fan",
      "il di che non \u00e8 e per una sono della con mi ti posso questo questa anche gli nel alla lo ho mi"
          + " dispiace dei delle degli nella sul sulla per\u00f2 perch\u00e9 pi\u00f9 pu\u00f2 gi\u00e0 ci\u00f2 farlo"
          + " far\u00f2 sar\u00e0 tutti ogni quindi io ecco certo grazie essere stato fatto cosa poi dopo sempre ancora tuo tua suo sua nostro vostro loro cui allo agli alle dal dalla nei negli sui tra fra ed ad purtroppo comunque invece",
      "o os as de que n\u00e3o \u00e9 um uma para com eu voc\u00ea isso por mas s\u00e3o est\u00e1 posso da do"
          + " em desculpe",
      "de het een en is niet ik je van dat die te met voor op zijn maar kan wij dit naar ook"
    };
    Map<String, Long> bits = new HashMap<>();
    for (int lang = 0; lang < words.length; lang++) {
      for (String w : words[lang].split(" ")) {
        bits.merge(w, 1L << lang, (a, b) -> a | b);
      }
    }
    FUNCTION_WORDS = new WordTable<>(bits, Map.of());
    LONGEST = bits.keySet().stream().mapToInt(String::length).max().orElse(0);
  }

  /**
   * Guesses the language of {@code lower} (normalised text).
   *
   * @param lower the normalised text
   * @return the guess
   */
  static LanguageGuess of(String lower) {
    int end = Math.min(lower.length(), WINDOW);
    int latin = 0;
    int other = 0;
    Character.UnicodeScript otherScript = null;
    int[] score = new int[NAMES.length];
    int i = 0;
    while (i < end) {
      char c = lower.charAt(i);
      // Fast path for ASCII, most of every text: a-z are Latin letters, other ASCII is no letter
      // (the text is lower case). Only other characters need the Unicode tables.
      boolean asciiLetter = c >= 'a' && c <= 'z';
      if (!asciiLetter && (c < 128 || !Character.isLetter(c))) {
        i++;
        continue;
      }
      Character.UnicodeScript script =
          asciiLetter ? Character.UnicodeScript.LATIN : Character.UnicodeScript.of(c);
      if (script != Character.UnicodeScript.LATIN) {
        other++;
        otherScript = otherScript == null ? script : otherScript;
        i++;
        continue;
      }
      int s = i;
      int length = lower.length();
      int hash = 0; // of the word, computed while reading it (WordTable.hashStep)
      while (i < length) {
        char w = lower.charAt(i);
        if (w == '\'') {
          if (i > s && i + 1 < length && Character.isLetter(lower.charAt(i + 1))) {
            hash = WordTable.hashStep(hash, w);
            i++;
            continue;
          }
          break;
        }
        if (!Text.isWordChar(w)) {
          break;
        }
        hash = WordTable.hashStep(hash, w);
        if (w > 127) { // an accented letter points to a language
          int accent = ACCENTS.indexOf(w);
          if (accent >= 0) {
            score[ACCENT_LANGUAGE[accent]]++;
          }
        }
        i++;
      }
      latin += i - s;
      // No function word is longer than LONGEST: a longer word needs no look-up.
      long bits = i - s > LONGEST ? 0L : FUNCTION_WORDS.bits(lower, s, i, hash);
      if (bits == 0 && i - s > 2 && lower.charAt(s + 1) == '\'') {
        bits = FUNCTION_WORDS.bits(lower, s, s + 2); // French elision: "n'est", "j'ai"
      }
      for (int lang = 0; bits != 0; lang++, bits >>>= 1) {
        score[lang] += (int) (bits & 1);
      }
    }
    if (other > latin) {
      return new LanguageGuess(null, scriptName(otherScript));
    }
    int best = 0;
    for (int lang = 1; lang < NAMES.length; lang++) {
      // A tie between a supported language and one the grammars do not read is no recognition ("non
      // è possibile").
      if (score[lang] > score[best]
          || lang >= SUPPORTED && best > 0 && score[lang] == score[best] && score[lang] >= 2) {
        best = lang;
      }
    }
    // A short text has few function words: one clear word suffices there ("Eso no ser\u00e1
    // posible.").
    int needed = latin < 60 ? 1 : 2;
    if (score[best] < needed || score[best] == score[0]) {
      return new LanguageGuess(Lexicons.ENGLISH, null);
    }
    if (best >= SUPPORTED) {
      int bestSupported = 0;
      for (int lang = 1; lang < SUPPORTED; lang++) {
        bestSupported = score[lang] > score[bestSupported] ? lang : bestSupported;
      }
      // Spanish and Portuguese, French and Italian share many words: name the other only when it is
      // clearly ahead.
      if (score[best] * 2 >= score[bestSupported] * 3 || score[best] == score[bestSupported]) {
        return new LanguageGuess(null, NAMES[best]);
      }
      best = bestSupported;
    }
    return new LanguageGuess(Lexicons.of(best), null);
  }

  private static String scriptName(Character.UnicodeScript script) {
    if (script == null) {
      return "an unknown script";
    }
    return switch (script) {
      case HAN, HIRAGANA, KATAKANA -> "Chinese or Japanese";
      case HANGUL -> "Korean";
      case CYRILLIC -> "Cyrillic script (Russian, Ukrainian, ...)";
      case ARABIC -> "Arabic script";
      case HEBREW -> "Hebrew";
      case GREEK -> "Greek";
      case DEVANAGARI -> "Devanagari script (Hindi, ...)";
      case THAI -> "Thai";
      default ->
          script.name().charAt(0)
              + script.name().substring(1).toLowerCase(java.util.Locale.ROOT)
              + " script";
    };
  }
}
