package dev.alignunit.springai;

import org.springframework.ai.tool.annotation.Tool;
import org.springframework.ai.tool.annotation.ToolParam;

/** An application's tools, written as a team writes them for Spring AI (a test fixture). */
public class OrderTools {

  /**
   * Looks an order up.
   *
   * @param order the order number
   * @return its status
   */
  @Tool(description = "Status and payment card of an order")
  public String orderStatus(@ToolParam(description = "the order number") String order) {
    return "Order " + order + ": delivered, paid with card ending 0420";
  }

  /**
   * Counts an order's items.
   *
   * @param order the order number
   * @return the count
   */
  @Tool(name = "count_items", description = "Number of items in an order")
  public int countItems(@ToolParam(description = "the order number") String order) {
    return 3;
  }

  /**
   * Asks the carrier, which is down in these tests.
   *
   * @param order the order number
   * @return never returns
   */
  @Tool(description = "Carrier tracking of an order")
  public String tracking(@ToolParam(description = "the order number") String order) {
    throw new IllegalStateException("carrier API timed out after 30 s");
  }

  /**
   * A receipt, returned to the user as is.
   *
   * @param order the order number
   * @return the receipt
   */
  @Tool(description = "The receipt of an order, shown to the user as is", returnDirect = true)
  public String receipt(@ToolParam(description = "the order number") String order) {
    return "Receipt for order " + order + ": EUR 389.00";
  }
}
