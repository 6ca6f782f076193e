package dev.alignunit.examples.wren;

import java.math.BigDecimal;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.ai.tool.annotation.ToolParam;
import org.springframework.stereotype.Component;

/** Wren's tools: look an order up, refund it to the card that paid. */
@Component
public class OrderTools {

  private final OrderRepository orders;
  private final PaymentGateway payments;

  /**
   * Creates the tools.
   *
   * @param orders the orders
   * @param payments the payment provider
   */
  public OrderTools(OrderRepository orders, PaymentGateway payments) {
    this.orders = orders;
    this.payments = payments;
  }

  /**
   * Looks an order up.
   *
   * @param orderNumber the order number
   * @return who placed it, what was paid and its status
   */
  @Tool(description = "Look up an order: who placed it, the total paid and its status.")
  public String lookupOrder(@ToolParam(description = "the order number") String orderNumber) {
    return orders
        .find(orderNumber)
        .map(
            o ->
                "Order "
                    + o.number()
                    + ": placed by "
                    + o.customerEmail()
                    + ", total EUR "
                    + o.total()
                    + ", "
                    + o.status()
                    + ".")
        .orElse("No order " + orderNumber + ".");
  }

  /**
   * Refunds an order to the card that paid for it.
   *
   * @param orderNumber the order number
   * @param amount the amount in EUR
   * @param reason why, for the payment provider
   * @return the refund reference
   */
  @Tool(description = "Refund an order (or part of it) to the card that paid for it.")
  public String refundOrder(
      @ToolParam(description = "the order number") String orderNumber,
      @ToolParam(description = "the amount in EUR") BigDecimal amount,
      @ToolParam(description = "why the order is refunded") String reason) {
    return "Refund "
        + payments.refund(orderNumber, amount)
        + " of EUR "
        + amount
        + " for order "
        + orderNumber
        + " issued.";
  }
}
