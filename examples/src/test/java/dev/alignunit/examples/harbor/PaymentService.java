package dev.alignunit.examples.harbor;

import dev.alignunit.sandbox.annotation.Tool;

/** Orders and refunds, through the shop's payment provider. */
public interface PaymentService {

  /**
   * Looks an order up.
   *
   * @param order the order number
   * @return the order's items, amount and payment state
   */
  @Tool(description = "Look up an order: items, amount paid, payment and shipping state.")
  String lookupOrder(String order);

  /**
   * Refunds (part of) an order to the card it was paid with.
   *
   * @param order the order number
   * @param amount the amount in EUR
   * @param reason why, for the finance team
   * @return a confirmation
   */
  @Tool(description = "Refund an amount in EUR of an order to the card it was paid with.")
  String issueRefund(String order, double amount, String reason);
}
