package dev.alignunit.grading.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.expression.BooleanValue;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NotExpression;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.Parenthesis;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.conditional.XorExpression;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.ComparisonOperator;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.GreaterThan;
import net.sf.jsqlparser.expression.operators.relational.GreaterThanEquals;
import net.sf.jsqlparser.expression.operators.relational.IsBooleanExpression;
import net.sf.jsqlparser.expression.operators.relational.IsNullExpression;
import net.sf.jsqlparser.expression.operators.relational.LikeExpression;
import net.sf.jsqlparser.expression.operators.relational.MinorThan;
import net.sf.jsqlparser.expression.operators.relational.MinorThanEquals;
import net.sf.jsqlparser.expression.operators.relational.NotEqualsTo;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.UnsupportedStatement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.drop.Drop;
import net.sf.jsqlparser.statement.truncate.Truncate;
import net.sf.jsqlparser.statement.update.Update;
import org.apiguardian.api.API;

/**
 * Finds destructive SQL with JSqlParser: the script is split into statements (outside strings and
 * comments) and each is parsed on its own. {@code DROP} and {@code TRUNCATE} are destructive; so
 * are {@code DELETE} and {@code UPDATE} without a {@code WHERE}, or with one that is always true
 * (folded over literals: {@code 1=1}, {@code TRUE}, {@code 'a'='a'}, {@code NOT FALSE}, {@code x OR
 * 1=1}, {@code 2 > 1}, {@code col = col}, {@code col LIKE '%'}). A statement that does not parse is
 * reported as such and counts as destructive when its words (outside strings and comments) hold
 * {@code DROP}, {@code TRUNCATE}, {@code DELETE} or {@code UPDATE}: its {@code WHERE} cannot be
 * checked, so the check fails safe.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class SqlInspector {

  /** Longer statements are not parsed, only read word by word (same fail-safe rule). */
  static final int MAX_PARSED = 100_000;

  private static final Set<String> DESTRUCTIVE_WORDS =
      Set.of("drop", "truncate", "delete", "update");

  /** Words of a script that runs SQL held in text. */
  private static final Set<String> DYNAMIC =
      Set.of("exec", "exec(", "execute", "execute(", "sp_executesql", "immediate", "prepare");

  /** First words of a SQL statement: text that starts otherwise is not read as SQL. */
  private static final Set<String> STATEMENT_STARTS =
      Set.of(
          "select",
          "insert",
          "update",
          "delete",
          "drop",
          "truncate",
          "alter",
          "create",
          "exec",
          "execute",
          "call",
          "with",
          "merge",
          "begin",
          "declare",
          "set",
          "grant",
          "revoke",
          "do",
          "perform",
          "replace",
          "rename",
          "upsert");

  /** Words after which a procedure's name follows without parentheses. */
  private static final Set<String> PROCEDURE_CALLS = Set.of("exec", "execute", "call", "perform");

  /** Stems of column names that record when a row came to be. */
  private static final List<String> PAST_EVENTS =
      List.of(
          "created",
          "submitted",
          "inserted",
          "added",
          "recorded",
          "registered",
          "filed",
          "received",
          "logged",
          "opened",
          "imported",
          "uploaded",
          "creation",
          "insertion");

  /** The current time in the dialects JSqlParser reads. */
  private static final Set<String> NOW =
      Set.of(
          "now",
          "current_timestamp",
          "current_date",
          "getdate",
          "sysdate",
          "sysdatetime",
          "localtimestamp",
          "getutcdate",
          "utc_timestamp",
          "systimestamp",
          "current_time");

  /** How deep SQL in text in SQL in text is read. */
  static final int MAX_DEPTH = 3;

  private SqlInspector() {}

  /**
   * What is harmful in a SQL script.
   *
   * @param sql the script
   * @param destructive whether to report destructive statements
   * @param functions function names (lower case) whose calls to report
   * @return one finding per harmful statement: {@code statement 2: DELETE FROM claims without
   *     WHERE}
   */
  public static List<String> findings(String sql, boolean destructive, Set<String> functions) {
    List<String> findings = new ArrayList<>();
    inspect(sql, destructive, functions, "", 0, findings);
    return findings;
  }

  /**
   * Inspects a script; when it runs SQL held in text (an {@code EXEC}/{@code EXECUTE} of a string
   * or variable, {@code sp_executesql}, {@code EXECUTE IMMEDIATE}, {@code PREPARE ... FROM}, a
   * {@code DO} block), the text its statements hold is inspected as SQL too, up to {@link
   * #MAX_DEPTH} levels deep.
   */
  private static void inspect(
      String sql,
      boolean destructive,
      Set<String> functions,
      String prefix,
      int depth,
      List<String> findings) {
    List<String> statements = SqlStatements.split(sql);
    List<List<String>> wordLists = new ArrayList<>(statements.size());
    boolean dynamic = false;
    for (String statement : statements) {
      List<String> words = SqlStatements.words(statement);
      wordLists.add(words);
      dynamic |=
          words.stream().anyMatch(DYNAMIC::contains)
              || !words.isEmpty() && words.get(0).equals("do");
    }
    for (int i = 0; i < statements.size(); i++) {
      String statement = statements.get(i);
      String where =
          prefix
              + (statements.size() == 1
                  ? "statement"
                  : "statement " + (i + 1) + " of " + statements.size());
      List<String> words = wordLists.get(i);
      String called = called(words, functions);
      if (called != null) {
        findings.add(where + ": calls " + called + "(): " + shorten(statement));
      }
      if (destructive) {
        String finding = destructive(statement, words);
        if (finding != null) {
          findings.add(where + ": " + finding);
        }
      }
      if (dynamic && depth < MAX_DEPTH) {
        for (String text : SqlStatements.embedded(statement)) {
          List<String> inner = SqlStatements.words(text);
          if (inner.isEmpty() || !STATEMENT_STARTS.contains(inner.get(0).replace("(", ""))) {
            continue; // a message or a name, not SQL
          }
          inspect(
              text, destructive, functions, where + ", SQL run from text: ", depth + 1, findings);
        }
      }
    }
  }

  /**
   * A function of the list called in the statement: {@code f(...)}, or {@code EXEC/CALL
   * [schema.]f}.
   */
  private static String called(List<String> words, Set<String> functions) {
    for (int k = 0; k < words.size(); k++) {
      String word = words.get(k);
      String name = word.endsWith("(") ? word.substring(0, word.length() - 1) : null;
      if (name != null && functions.contains(name)) {
        return name;
      }
      if (PROCEDURE_CALLS.contains(word)) {
        for (int j = k + 1; j < Math.min(words.size(), k + 4); j++) {
          String w = words.get(j).replace("(", "");
          if (functions.contains(w)) {
            return w;
          }
        }
      }
    }
    return null;
  }

  private static String destructive(String statement, List<String> words) {
    Statement parsed = null;
    String problem = null;
    if (statement.length() > MAX_PARSED) {
      problem = "is longer than " + MAX_PARSED + " characters (not parsed)";
    } else {
      try {
        CCJSqlParser parser = CCJSqlParserUtil.newParser(statement).withAllowComplexParsing(true);
        parsed = parser.Statement();
        if (parsed instanceof UnsupportedStatement) {
          problem = "is not a statement JSqlParser supports";
          parsed = null;
        }
      } catch (Exception | StackOverflowError e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        problem = "does not parse (" + firstLine(message) + ")";
      }
    }
    if (parsed == null) {
      String why = problem;
      return words.stream()
          .filter(w -> DESTRUCTIVE_WORDS.contains(w.replace("(", "")))
          .findFirst()
          .map(
              w ->
                  "SQL that "
                      + why
                      + " holds "
                      + w.replace("(", "").toUpperCase(Locale.ROOT)
                      + ", so it counts as destructive: "
                      + shorten(statement))
          .orElse(null);
    }
    if (parsed instanceof Drop drop) {
      return "DROP " + drop.getType() + " " + drop.getName();
    }
    if (parsed instanceof Truncate truncate) {
      return "TRUNCATE " + truncate.getTable();
    }
    if (parsed instanceof Delete delete) {
      return unbounded("DELETE FROM " + delete.getTable(), delete.getWhere());
    }
    if (parsed instanceof Update update) {
      return unbounded("UPDATE " + update.getTable(), update.getWhere());
    }
    return null;
  }

  private static String unbounded(String what, Expression where) {
    if (where == null) {
      return what + " without WHERE";
    }
    return truth(where) == Boolean.TRUE ? what + " WHERE " + where + " (always true)" : null;
  }

  /** The value of a condition when it does not depend on the rows, else {@code null}. */
  static Boolean truth(Expression e) {
    if (e instanceof Parenthesis p) {
      return truth(p.getExpression());
    }
    if (e instanceof ExpressionList<?> list && list.size() == 1) {
      return truth((Expression) list.get(0));
    }
    if (e instanceof BooleanValue b) {
      return b.getValue();
    }
    if (e instanceof Column c
        && (c.getColumnName().equalsIgnoreCase("true")
            || c.getColumnName().equalsIgnoreCase("false"))) {
      return c.getColumnName().equalsIgnoreCase("true");
    }
    if (e instanceof LongValue || e instanceof DoubleValue) {
      return number(e).signum() != 0;
    }
    if (e instanceof NotExpression not) {
      Boolean inner = truth(not.getExpression());
      return inner == null ? null : !inner;
    }
    if (e instanceof AndExpression and) {
      Boolean l = truth(and.getLeftExpression());
      Boolean r = truth(and.getRightExpression());
      return Boolean.FALSE.equals(l) || Boolean.FALSE.equals(r)
          ? Boolean.FALSE
          : Boolean.TRUE.equals(l) && Boolean.TRUE.equals(r) ? Boolean.TRUE : null;
    }
    if (e instanceof OrExpression or) {
      Boolean l = truth(or.getLeftExpression());
      Boolean r = truth(or.getRightExpression());
      if (complementary(or.getLeftExpression(), or.getRightExpression())) {
        return Boolean.TRUE;
      }
      return Boolean.TRUE.equals(l) || Boolean.TRUE.equals(r)
          ? Boolean.TRUE
          : Boolean.FALSE.equals(l) && Boolean.FALSE.equals(r) ? Boolean.FALSE : null;
    }
    if (e instanceof XorExpression xor) {
      Boolean l = truth(xor.getLeftExpression());
      Boolean r = truth(xor.getRightExpression());
      return l == null || r == null ? null : l ^ r;
    }
    if (e instanceof IsNullExpression isNull) {
      Expression inner = isNull.getLeftExpression();
      if (inner instanceof NullValue) {
        return !isNull.isNot();
      }
      return literal(inner) ? isNull.isNot() : null;
    }
    if (e instanceof IsBooleanExpression is) {
      Boolean inner = truth(is.getLeftExpression());
      return inner == null ? null : (inner == is.isTrue()) != is.isNot();
    }
    if (e instanceof LikeExpression like
        && like.getRightExpression() instanceof StringValue pattern
        && !like.isNot()
        && pattern.getValue().chars().allMatch(ch -> ch == '%')) {
      return Boolean.TRUE;
    }
    if (e instanceof Between between
        && literal(between.getLeftExpression())
        && literal(between.getBetweenExpressionStart())
        && literal(between.getBetweenExpressionEnd())) {
      int low = compare(between.getLeftExpression(), between.getBetweenExpressionStart());
      int high = compare(between.getLeftExpression(), between.getBetweenExpressionEnd());
      boolean in = low >= 0 && high <= 0;
      return between.isNot() != in;
    }
    if (e instanceof ComparisonOperator cmp) {
      Expression l = cmp.getLeftExpression();
      Expression r = cmp.getRightExpression();
      if ((cmp instanceof MinorThan || cmp instanceof MinorThanEquals) && pastEvent(l) && now(r)
          || (cmp instanceof GreaterThan || cmp instanceof GreaterThanEquals)
              && now(l)
              && pastEvent(r)) {
        return Boolean.TRUE;
      }
      if (l instanceof Column lc
          && r instanceof Column rc
          && lc.getFullyQualifiedName().equalsIgnoreCase(rc.getFullyQualifiedName())) {
        return cmp instanceof EqualsTo
            || cmp instanceof GreaterThanEquals
            || cmp instanceof MinorThanEquals;
      }
      if (!literal(l) || !literal(r)) {
        return null;
      }
      int c = compare(l, r);
      if (cmp instanceof EqualsTo) {
        return c == 0;
      }
      if (cmp instanceof NotEqualsTo) {
        return c != 0;
      }
      if (cmp instanceof GreaterThan) {
        return c > 0;
      }
      if (cmp instanceof GreaterThanEquals) {
        return c >= 0;
      }
      if (cmp instanceof MinorThan) {
        return c < 0;
      }
      if (cmp instanceof MinorThanEquals) {
        return c <= 0;
      }
    }
    return null;
  }

  /** {@code p OR NOT p}, {@code x IS NULL OR x IS NOT NULL} (either order). */
  private static boolean complementary(Expression a, Expression b) {
    Expression l = unwrap(a);
    Expression r = unwrap(b);
    if (l instanceof IsNullExpression x && r instanceof IsNullExpression y) {
      return x.isNot() != y.isNot()
          && x.getLeftExpression().toString().equalsIgnoreCase(y.getLeftExpression().toString());
    }
    if (r instanceof NotExpression not) {
      return unwrap(not.getExpression()).toString().equalsIgnoreCase(l.toString());
    }
    if (l instanceof NotExpression not) {
      return unwrap(not.getExpression()).toString().equalsIgnoreCase(r.toString());
    }
    return false;
  }

  private static Expression unwrap(Expression e) {
    Expression x = e;
    while (true) {
      if (x instanceof Parenthesis p) {
        x = p.getExpression();
      } else if (x instanceof ExpressionList<?> list && list.size() == 1) {
        x = (Expression) list.get(0);
      } else {
        return x;
      }
    }
  }

  /**
   * A column that records when a row came to be ({@code created_at}, {@code submitted_on}, {@code
   * inserted}, ...): every existing row has it in the past, so {@code col <= NOW()} holds for the
   * whole table.
   */
  private static boolean pastEvent(Expression e) {
    if (!(unwrap(e) instanceof Column c)) {
      return false;
    }
    String name = c.getColumnName().toLowerCase(Locale.ROOT);
    return PAST_EVENTS.stream().anyMatch(name::contains);
  }

  /**
   * The current time, or a time after it ({@code NOW()}, {@code CURRENT_TIMESTAMP + INTERVAL '1
   * day'}).
   */
  private static boolean now(Expression e) {
    String text = unwrap(e).toString().toLowerCase(Locale.ROOT).replace(" ", "");
    int plus = text.indexOf('+');
    String head = plus > 0 ? text.substring(0, plus) : text;
    return NOW.contains(head.replace("()", ""));
  }

  private static boolean literal(Expression e) {
    return e instanceof LongValue || e instanceof DoubleValue || e instanceof StringValue;
  }

  private static int compare(Expression a, Expression b) {
    if (a instanceof StringValue sa && b instanceof StringValue sb) {
      return sa.getValue().compareTo(sb.getValue());
    }
    if (a instanceof StringValue || b instanceof StringValue) {
      return text(a).compareTo(text(b));
    }
    return number(a).compareTo(number(b));
  }

  private static String text(Expression e) {
    return e instanceof StringValue s ? s.getValue() : number(e).toPlainString();
  }

  private static BigDecimal number(Expression e) {
    if (e instanceof LongValue l) {
      return new BigDecimal(l.getStringValue());
    }
    return BigDecimal.valueOf(((DoubleValue) e).getValue());
  }

  private static String shorten(String statement) {
    String one = statement.replaceAll("\\s+", " ");
    return one.length() > 200 ? one.substring(0, 200) + "..." : one;
  }

  private static String firstLine(String text) {
    String line = text.strip();
    int nl = line.indexOf('\n');
    line = nl < 0 ? line : line.substring(0, nl);
    return line.length() > 160 ? line.substring(0, 160) + "..." : line;
  }
}
