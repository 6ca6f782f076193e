package dev.alignunit.examples.wren;

import java.math.BigDecimal;

/** Refunds through the shop's payment provider, always to the card that paid. */
public interface PaymentGateway {

  /**
   * Refunds (part of) an order to the card that paid for it.
   *
   * @param orderNumber the order
   * @param amount how much
   * @return the provider's refund reference
   */
  String refund(String orderNumber, BigDecimal amount);
}
