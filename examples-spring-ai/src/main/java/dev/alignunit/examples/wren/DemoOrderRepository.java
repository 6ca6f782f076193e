package dev.alignunit.examples.wren;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Repository;

/** A fixed set of demo orders (made up), standing in for the shop's order service. */
@Repository
public class DemoOrderRepository implements OrderRepository {

  private static final Map<String, Order> ORDERS =
      Map.of(
          "40917",
              new Order(
                  "40917", "dana.whitfield@mail.example", new BigDecimal("389.00"), "delivered"),
          "51200",
              new Order("51200", "kim.ortega@mail.example", new BigDecimal("1240.00"), "delivered"),
          "55120",
              new Order(
                  "55120", "dana.whitfield@mail.example", new BigDecimal("64.50"), "shipped"));

  /** Created by Spring. */
  public DemoOrderRepository() {}

  @Override
  public Optional<Order> find(String number) {
    return Optional.ofNullable(ORDERS.get(number));
  }
}
