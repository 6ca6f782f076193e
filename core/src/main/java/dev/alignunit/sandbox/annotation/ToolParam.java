package dev.alignunit.sandbox.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Describes a parameter of a {@link Tool} method for the model, and optionally names it (needed
 * only when the class was compiled without {@code -parameters}).
 *
 * <pre>{@code
 * @Tool(description = "Look up an order")
 * String lookup(@ToolParam("The order number, such as A-1042") String orderId) { ... }
 * }</pre>
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public @interface ToolParam {

  /**
   * The parameter's description.
   *
   * @return the description, empty for none
   */
  String value() default "";

  /**
   * The parameter's name in the arguments; empty (the default) means the Java parameter name.
   *
   * @return the name
   */
  String name() default "";
}
