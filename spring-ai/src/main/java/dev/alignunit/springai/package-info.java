/**
 * Runs Spring AI agents under AlignUnit: {@link dev.alignunit.springai.SpringAiAgent} says "this
 * agent is the agent under test" (plain JUnit or {@code @SpringBootTest}); {@link
 * dev.alignunit.springai.AlignUnitChatModel} is the run's model as a Spring AI {@code ChatModel}
 * for {@code ChatClient}; {@link dev.alignunit.springai.SandboxToolCallingManager} puts every tool
 * call (the application's {@code @Tool} beans and callbacks, the scenario's tools as {@code
 * ToolCallback}s) behind the sandbox ledger; {@link
 * dev.alignunit.springai.AlignUnitSpringAiConfiguration} wires both into a Spring context. Adapters
 * translate: grading, recording and reports stay in core. Spring AI is a {@code provided}
 * dependency: the application brings its own (built and tested with Spring AI 1.1.2 on Spring Boot
 * 3.5.7).
 */
package dev.alignunit.springai;
