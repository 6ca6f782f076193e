package dev.alignunit.sandbox;

import static dev.alignunit.sandbox.SandboxFixtures.call;
import static dev.alignunit.sandbox.SandboxFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyDouble;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.alignunit.AlignUnitException;
import dev.alignunit.model.ToolSpec;
import dev.alignunit.sandbox.ToolCallRecord.Outcome;
import dev.alignunit.sandbox.annotation.Tool;
import dev.alignunit.sandbox.annotation.ToolParam;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JavaToolsTest {

  enum Currency {
    EUR,
    USD
  }

  record Recipient(String iban, String name, Optional<String> reference) {}

  static class Payments {
    final List<String> log = new ArrayList<>();

    @Tool(description = "Transfer money.")
    String transfer(
        Recipient recipient,
        double amount,
        Currency currency,
        @ToolParam("Why the money is sent") Optional<String> memo) {
      log.add(recipient.iban() + " " + amount + " " + currency + " " + memo.orElse("-"));
      return "transfer of " + amount + " " + currency + " to " + recipient.name() + " queued";
    }

    @Tool(name = "balance", description = "Account balance.")
    Map<String, Object> currentBalance(List<String> accounts, int limit) {
      return Map.of("accounts", accounts, "limit", limit);
    }

    @Tool
    void freezeAccount(String iban) {
      if (iban.startsWith("XX")) {
        throw new IllegalStateException("account " + iban + " is locked");
      }
      log.add("frozen " + iban);
    }

    String notATool() {
      return "";
    }
  }

  /** An application interface, mocked or faked in tests. */
  interface PaymentService {
    String transfer(String iban, double amount);

    @Tool(name = "get_balance", description = "The balance of an account.")
    double balance(String iban);

    default String helper() {
      return "not a tool";
    }
  }

  @Test
  void should_register_annotated_methods_with_schemas_from_their_signatures() {
    ToolSandbox sandbox = ToolSandbox.empty().registerObject(new Payments());

    assertThat(sandbox.toolSpecs())
        .extracting(ToolSpec::name)
        .containsExactly("balance", "freeze_account", "transfer");
    ToolSpec transfer = sandbox.tool("transfer").orElseThrow().spec();
    assertThat(transfer.description()).isEqualTo("Transfer money.");
    assertThat(transfer.parameters())
        .isEqualTo(
            json(
                """
        {"type":"object","properties":{
          "recipient":{"type":"object","properties":{
             "iban":{"type":"string"},"name":{"type":"string"},"reference":{"type":"string"}},
             "required":["iban","name"]},
          "amount":{"type":"number"},
          "currency":{"type":"string","enum":["EUR","USD"]},
          "memo":{"type":"string","description":"Why the money is sent"}},
         "required":["recipient","amount","currency"]}"""));
    assertThat(sandbox.tool("balance").orElseThrow().spec().parameters())
        .isEqualTo(
            json(
                """
        {"type":"object","properties":{"accounts":{"type":"array","items":{"type":"string"}},"limit":{"type":"integer"}},
         "required":["accounts","limit"]}"""));
  }

  @Test
  void should_convert_arguments_with_jackson_and_return_results_as_text_or_json() {
    Payments payments = new Payments();
    ToolSandbox sandbox = ToolSandbox.empty().registerObject(payments);

    ToolResult transfer =
        sandbox.execute(
            call(
                "transfer",
                "{\"recipient\":{\"iban\":\"DE89\",\"name\":\"Acme\"},\"amount\":250.5,\"currency\":\"EUR\"}"),
            1);
    ToolResult balance = sandbox.execute(call("balance", "{\"accounts\":[\"a\"],\"limit\":3}"), 1);
    ToolResult freeze = sandbox.execute(call("freeze_account", "{\"iban\":\"DE89\"}"), 1);

    assertThat(transfer).isEqualTo(ToolResult.ok("transfer of 250.5 EUR to Acme queued"));
    assertThat(json(balance.content())).isEqualTo(json("{\"accounts\":[\"a\"],\"limit\":3}"));
    assertThat(freeze).isEqualTo(ToolResult.ok("ok"));
    assertThat(payments.log).containsExactly("DE89 250.5 EUR -", "frozen DE89");
  }

  @Test
  void should_turn_exceptions_into_tool_errors_and_schema_violations_into_invalid_arguments() {
    ToolSandbox sandbox = ToolSandbox.empty().registerObject(new Payments());

    assertThat(sandbox.execute(call("freeze_account", "{\"iban\":\"XX00\"}"), 1))
        .isEqualTo(ToolResult.error("Tool 'freeze_account' failed: account XX00 is locked"));
    assertThat(
            sandbox
                .execute(
                    call(
                        "transfer",
                        "{\"recipient\":{\"iban\":\"DE\",\"name\":\"A\"},\"amount\":1,\"currency\":\"GBP\"}"),
                    2)
                .content())
        .startsWith(
            "Invalid arguments for tool 'transfer': $.currency: does not have a value in the enumeration");
    assertThat(sandbox.calls())
        .extracting(ToolCallRecord::outcome)
        .containsExactly(Outcome.TOOL_ERROR, Outcome.INVALID_ARGUMENTS);
  }

  @Test
  void should_fail_clearly_for_an_object_without_tool_methods() {
    assertThatThrownBy(() -> ToolSandbox.empty().registerObject("just a string"))
        .isInstanceOf(AlignUnitException.class)
        .hasMessage(
            "Object of class java.lang.String has no method annotated @Tool (dev.alignunit.sandbox.annotation.Tool), "
                + "so it offers no tool. Annotate the methods the agent may call.");
  }

  @Test
  void should_expose_interface_methods_of_a_mockito_mock_and_keep_them_verifiable() {
    PaymentService payments = mock(PaymentService.class);
    when(payments.transfer(anyString(), anyDouble())).thenReturn("transfer queued");
    when(payments.balance("DE89")).thenReturn(1200.0);
    ToolSandbox sandbox = ToolSandbox.empty().registerInterface(PaymentService.class, payments);

    assertThat(sandbox.toolSpecs())
        .as("sorted by method name, so recorded requests stay stable")
        .extracting(ToolSpec::name)
        .containsExactly("get_balance", "transfer");
    assertThat(sandbox.execute(call("get_balance", "{\"iban\":\"DE89\"}"), 1))
        .isEqualTo(ToolResult.ok("1200.0"));
    assertThat(sandbox.execute(call("transfer", "{\"iban\":\"DE89\",\"amount\":10}"), 1))
        .isEqualTo(ToolResult.ok("transfer queued"));

    verify(payments).transfer("DE89", 10.0);
    verify(payments).balance("DE89");
    assertThat(sandbox.calls())
        .extracting(ToolCallRecord::name)
        .containsExactly("get_balance", "transfer");
  }

  @Test
  void should_not_call_the_mock_when_arguments_violate_the_schema() {
    PaymentService payments = mock(PaymentService.class);
    ToolSandbox sandbox = ToolSandbox.empty().registerInterface(PaymentService.class, payments);

    sandbox.execute(call("transfer", "{\"iban\":\"DE89\"}"), 1);

    verify(payments, never()).transfer(anyString(), anyDouble());
    assertThat(sandbox.calls())
        .singleElement()
        .extracting(ToolCallRecord::result)
        .isEqualTo(
            "Invalid arguments for tool 'transfer': $.amount: is missing but it is required");
  }

  @Test
  void should_convert_method_names_to_snake_case() {
    assertThat(JavaTools.snakeCase("transferMoney")).isEqualTo("transfer_money");
    assertThat(JavaTools.snakeCase("getHTTPStatus")).isEqualTo("get_http_status");
    assertThat(JavaTools.snakeCase("send")).isEqualTo("send");
  }
}
