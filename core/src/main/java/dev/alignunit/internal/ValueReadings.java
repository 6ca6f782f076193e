package dev.alignunit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * What a tool argument means when it is read as a boolean, a number or a member of an enum, however
 * the model wrote it: {@code "n"}, {@code "aus"}, {@code "désactivé"}, {@code 0} and {@code "off"}
 * are {@code false}; {@code "86,400"}, {@code "EUR 86.400,00"}, {@code "86 400"} and {@code
 * "eighty-six thousand four hundred"} are 86400; {@code "Maintenance-Bypass"} and {@code
 * "MAINTENANCE_BYPASS"} are the member {@code maintenance-bypass}. Used by argument matchers so
 * that a tripwire compares values by meaning, not by spelling.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ValueReadings {

  /** Spellings of true, folded, in the languages the pack is tested in. */
  private static final Set<String> TRUE =
      Set.of(
          "true",
          "yes",
          "y",
          "on",
          "1",
          "enabled",
          "enable",
          "active",
          "activated",
          "activate",
          "ja",
          "j",
          "an",
          "ein",
          "aktiv",
          "aktiviert",
          "eingeschaltet",
          "wahr",
          "oui",
          "vrai",
          "actif",
          "activee",
          "si",
          "verdadero",
          "activado",
          "activo",
          "encendido",
          "aan",
          "waar",
          "ingeschakeld",
          "pa",
          "sann",
          "aktiverad",
          "aktivert",
          "kylla",
          "tosi",
          "sim",
          "vero",
          "attivo",
          "attivato",
          "acceso");

  /** Spellings of false, folded. */
  private static final Set<String> FALSE =
      Set.of(
          "false",
          "no",
          "n",
          "off",
          "0",
          "disabled",
          "disable",
          "inactive",
          "deactivated",
          "deactivate",
          "nein",
          "aus",
          "inaktiv",
          "deaktiviert",
          "ausgeschaltet",
          "falsch",
          "non",
          "faux",
          "desactive",
          "desactivee",
          "inactif",
          "falso",
          "desactivado",
          "inactivo",
          "apagado",
          "nee",
          "uit",
          "onwaar",
          "uitgeschakeld",
          "nej",
          "av",
          "falsk",
          "avaktiverad",
          "deaktivert",
          "ei",
          "epatosi",
          "nao",
          "spento",
          "disattivato",
          "disattivo",
          "none");

  /** Currency signs and codes that may surround an amount. */
  private static final Set<String> CURRENCY =
      Set.of("eur", "euro", "euros", "usd", "dollar", "dollars", "gbp", "chf", "sek", "nok", "dkk");

  private ValueReadings() {}

  /**
   * The value as a boolean.
   *
   * @param value a JSON value
   * @return its meaning, or empty when it is not a boolean in any spelling known
   */
  public static Optional<Boolean> bool(JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return Optional.empty();
    }
    if (value.isBoolean()) {
      return Optional.of(value.booleanValue());
    }
    if (value.isNumber()) {
      BigDecimal d = value.decimalValue();
      return d.signum() == 0
          ? Optional.of(false)
          : d.compareTo(BigDecimal.ONE) == 0 ? Optional.of(true) : Optional.empty();
    }
    if (!value.isTextual() || value.asText().length() > 40) {
      return Optional.empty();
    }
    String word = Folding.fold(value.asText()).replaceAll("[^\\p{L}\\p{N}]+", "");
    if (TRUE.contains(word)) {
      return Optional.of(true);
    }
    return FALSE.contains(word) ? Optional.of(false) : Optional.empty();
  }

  /**
   * Every value the argument may mean as a number: a JSON number; a text of digits with any
   * grouping and decimal separators and an optional currency ({@code €86,400}, {@code 86.400,00
   * EUR}); or a number in words.
   *
   * @param value a JSON value
   * @return the readings, the most likely first; empty when it is not a number
   */
  public static Set<BigDecimal> numbers(JsonNode value) {
    Set<BigDecimal> readings = new LinkedHashSet<>();
    if (value == null || value.isNull() || value.isMissingNode()) {
      return readings;
    }
    if (value.isNumber()) {
      readings.add(value.decimalValue().stripTrailingZeros());
      return readings;
    }
    if (!value.isTextual() || value.asText().length() > 200) {
      return readings;
    }
    List<Words.Word> words = new ArrayList<>(Words.of(value.asText()));
    words.removeIf(w -> CURRENCY.contains(w.text()));
    if (words.isEmpty()) {
      return readings;
    }
    String text = value.asText();
    String rest = text.substring(words.get(0).start(), words.get(words.size() - 1).end());
    if (words.stream().allMatch(Words.Word::digits)) {
      List<String> groups = new ArrayList<>();
      List<Character> seps = new ArrayList<>();
      for (int i = 0; i < words.size(); i++) {
        Words.Word w = words.get(i);
        if (i > 0) {
          String gap = w.gap().replace('\u00a0', ' ').replace('\u202f', ' ');
          if (gap.length() != 1 || ".,' ".indexOf(gap.charAt(0)) < 0) {
            return readings;
          }
          seps.add(gap.charAt(0));
        }
        groups.add(w.text());
      }
      readings.addAll(Numbers.readings(groups, seps));
      return readings;
    }
    if (words.stream().allMatch(Words.Word::letters) && rest.length() <= 120) {
      List<String> folded = words.stream().map(Words.Word::text).toList();
      NumberWords.Reading r = NumberWords.read(folded, 0);
      if (r != null && r.end() == folded.size()) {
        readings.add(r.value().stripTrailingZeros());
      }
    }
    return readings;
  }

  /**
   * The member of an enum that a value names: the member written with other case, separators or
   * accents ({@code Maintenance-Bypass}, {@code MAINTENANCE_BYPASS}, {@code maintenance bypass}),
   * else the only member that contains the value or that the value contains (at least four letters
   * or digits: {@code bypass}).
   *
   * @param value a JSON value
   * @param members the enum's members
   * @return the member, or empty when none or several fit
   */
  public static Optional<String> member(JsonNode value, List<String> members) {
    if (value == null || !value.isValueNode() || value.isNull()) {
      return Optional.empty();
    }
    String canon = canonical(value.asText());
    for (String m : members) {
      if (canonical(m).equals(canon)) {
        return Optional.of(m);
      }
    }
    if (canon.length() < 4) {
      return Optional.empty();
    }
    List<String> fitting =
        members.stream()
            .filter(
                m -> {
                  String c = canonical(m);
                  return c.length() >= 4 && (c.contains(canon) || canon.contains(c));
                })
            .toList();
    return fitting.size() == 1 ? Optional.of(fitting.get(0)) : Optional.empty();
  }

  private static String canonical(String text) {
    return Folding.fold(text).replaceAll("[^\\p{L}\\p{N}]+", "");
  }
}
