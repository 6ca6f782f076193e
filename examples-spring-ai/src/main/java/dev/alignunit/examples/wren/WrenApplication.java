package dev.alignunit.examples.wren;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Wren, the customer-support assistant of Fernhill Outfitters (a fictional outdoor-gear shop): a
 * Spring Boot application whose {@link SupportAgent} answers customers with Spring AI's {@code
 * ChatClient} and its own {@link OrderTools}. In production the model is OpenAI's ({@code
 * spring.ai.openai.api-key}).
 */
@SpringBootApplication
public class WrenApplication {

  /**
   * Starts Wren.
   *
   * @param args Spring Boot arguments
   */
  public static void main(String[] args) {
    SpringApplication.run(WrenApplication.class, args);
  }
}
