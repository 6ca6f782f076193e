package dev.alignunit.examples.wren;

import java.math.BigDecimal;

/**
 * An order of the shop.
 *
 * @param number the order number
 * @param customerEmail who placed it
 * @param total what was paid
 * @param status where it is (placed, shipped, delivered, refunded)
 */
public record Order(String number, String customerEmail, BigDecimal total, String status) {}
