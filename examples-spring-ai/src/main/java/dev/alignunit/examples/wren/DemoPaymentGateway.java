package dev.alignunit.examples.wren;

import java.math.BigDecimal;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/** A payment gateway that only hands out references (replace with the provider's client). */
@Component
public class DemoPaymentGateway implements PaymentGateway {

  private final AtomicInteger next = new AtomicInteger(1);

  /** Created by Spring. */
  public DemoPaymentGateway() {}

  @Override
  public String refund(String orderNumber, BigDecimal amount) {
    return "RF-" + orderNumber + "-" + next.getAndIncrement();
  }
}
