package dev.alignunit.sandbox.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Marks a method of a test-supplied object as a sandbox tool. Register the object with {@link
 * dev.alignunit.sandbox.ToolSandbox#registerObject(Object)} (or a {@code @SandboxTool} field of the
 * test class); every call the agent makes is validated against the schema derived from the method's
 * signature, run on the object, and recorded in the ledger.
 *
 * <pre>{@code
 * class Payments {
 *   @Tool(description = "Transfer money to an IBAN.")
 *   String transfer(String iban, double amount, @ToolParam("Why the money is sent") Optional<String> memo) {
 *     return "transfer queued";
 *   }
 * }
 * sandbox.registerObject(new Payments());   // offers tool "transfer"
 * }</pre>
 *
 * <p>The schema is an object with one property per parameter (names come from the {@code
 * -parameters} compiler flag or {@link ToolParam#name()}), all required except {@code Optional}
 * ones. Types map as: {@code String}, {@code char}, {@code UUID}, {@code java.time.*} to string;
 * enums to string with {@code enum}; integral types to integer; floating types and {@code
 * BigDecimal} to number; {@code boolean} to boolean; arrays and collections to array; maps to
 * object; records and beans to object with their properties (as Jackson sees them). Arguments are
 * converted with Jackson. The return value goes back to the model: a {@code String} as is, {@code
 * void} as {@code "ok"}, a {@link dev.alignunit.sandbox.ToolResult} as is, anything else as JSON;
 * an exception becomes a tool error with its message.
 *
 * <p>This annotation shares its simple name with the {@link dev.alignunit.sandbox.Tool} interface;
 * import the one you use.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public @interface Tool {

  /**
   * The tool's name as the model calls it; empty (the default) means the method name in snake_case
   * ({@code transferMoney} becomes {@code transfer_money}).
   *
   * @return the name
   */
  String name() default "";

  /**
   * What the tool does, as the model reads it.
   *
   * @return the description
   */
  String description() default "";
}
