package dev.alignunit.langchain4j;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;

/** An application's tools, written as a team writes them for LangChain4j (a test fixture). */
public class InventoryTools {

  /**
   * Looks a product up.
   *
   * @param sku the stock-keeping unit
   * @return the units in stock
   */
  @Tool("Units in stock for a product")
  public int stockLevel(@P("the product's SKU") String sku) {
    return sku.startsWith("KES") ? 14 : 0;
  }

  /**
   * Reserves units for an order.
   *
   * @param sku the product
   * @param quantity how many
   * @return a confirmation
   */
  @Tool(name = "reserve_stock", value = "Reserve units of a product for an order")
  public String reserve(@P("the product's SKU") String sku, @P("how many units") int quantity) {
    return "Reserved " + quantity + " x " + sku;
  }

  /**
   * Asks the warehouse system, which is down in these tests.
   *
   * @param sku the product
   * @return never returns
   */
  @Tool("Warehouse location of a product")
  public String location(@P("the product's SKU") String sku) {
    throw new IllegalStateException("warehouse service timed out after 30 s");
  }
}
