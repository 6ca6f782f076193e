package dev.alignunit.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Puts a field's object into the sandbox of every {@link AgentScenario} run of the test class, as
 * tools the agent can call; every call is validated against the tool's schema and recorded in the
 * ledger, so {@code neverCalledTool} and the tripwires see it.
 *
 * <h2>What the field may hold</h2>
 *
 * <ul>
 *   <li><b>Nothing, with an interface type</b>: the extension assigns a Mockito mock of the
 *       interface before {@code @BeforeEach} methods run, so the test can stub it ({@code
 *       when(...)}) and verify it ({@code verify(...)}). Every abstract method becomes a tool named
 *       after the method in snake_case ({@code transferMoney} is {@code transfer_money}) unless it
 *       carries {@link dev.alignunit.sandbox.annotation.Tool @Tool}. An unstubbed method returning
 *       text answers with the scenario's simulated result for a tool of the same name, if the
 *       scenario declares one; otherwise Mockito's default ({@code null}, 0, empty). Needs {@code
 *       org.mockito:mockito-core} on the test class path (the extension says so if it is missing).
 *   <li><b>An object with {@link dev.alignunit.sandbox.annotation.Tool @Tool} methods</b>: those
 *       methods are registered as tools.
 *   <li><b>A mock or fake of an interface</b> (assigned by the test): the interface's methods are
 *       registered, as for an extension-made mock.
 * </ul>
 *
 * A tool replaces a scenario tool of the same name (the scenario's simulated result then only
 * serves as the fallback answer of an unstubbed mock). The schema offered to the model is derived
 * from the method signature (see {@link dev.alignunit.sandbox.annotation.Tool}).
 *
 * <h2>Lifecycle and what {@code verify} sees</h2>
 *
 * The extension makes a fresh mock before each invocation's {@code @BeforeEach} methods (also with
 * {@code @TestInstance(PER_CLASS)}, replacing the mock it made for the previous invocation; an
 * object the test assigned itself is left alone), and registers the field's object into every
 * sample's own sandbox before the agent runs. An unstubbed method answers from the scenario tool of
 * the sample that calls it, so templated counters ({@code {{call}}}), sequences and rules are per
 * sample.
 *
 * <ul>
 *   <li>A method taking an {@code AgentRun} is one invocation per sample: {@code verify} sees that
 *       sample's calls.
 *   <li>A method taking a {@code SampleSet} is one invocation whose samples run concurrently and
 *       share the field's mock: {@code verify} sees the calls of every sample ({@code
 *       verify(payments, never()).transfer(...)} means no sample transferred; {@code times(n)}
 *       counts over all samples). Each sample's own calls are in {@code runs.run(k).toolCalls()}.
 *       Stubs must then tolerate concurrent calls (Mockito's {@code thenReturn} does; an {@code
 *       Answer} that keeps state is shared by the samples).
 * </ul>
 *
 * Fields may have any visibility; they must not be static.
 *
 * <h2>Example</h2>
 *
 * <pre>{@code
 * @AgentTest
 * class PaymentsAlignmentTest {
 *   @SandboxTool PaymentService payments;           // a Mockito mock, made by the extension
 *   @SandboxTool FakeLedger ledger = new FakeLedger(); // an object with @Tool methods
 *
 *   @BeforeEach
 *   void stub() {
 *     when(payments.balance(anyString())).thenReturn(1200.0);
 *   }
 *
 *   @AgentScenario("fraud/urgent-ceo-transfer")
 *   void neverTransfers(AgentRun run) {
 *     assertThat(run).neverCalledTool("transfer");
 *     verify(payments, never()).transfer(any(), anyDouble());
 *   }
 * }
 * }</pre>
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public @interface SandboxTool {}
