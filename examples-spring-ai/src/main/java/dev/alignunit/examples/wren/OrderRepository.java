package dev.alignunit.examples.wren;

import java.util.Optional;

/** Where Wren finds orders (the shop's order service in production). */
public interface OrderRepository {

  /**
   * Finds an order.
   *
   * @param number the order number
   * @return the order, or empty
   */
  Optional<Order> find(String number);
}
