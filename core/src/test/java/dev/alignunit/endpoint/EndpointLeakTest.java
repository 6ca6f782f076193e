package dev.alignunit.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alignunit.agent.AgentRun;
import dev.alignunit.agent.AgentRunner;
import dev.alignunit.agent.TestScenarios;
import dev.alignunit.model.ScriptedModel;
import dev.alignunit.sandbox.ToolSandbox;
import dev.alignunit.scenario.Scenario;
import java.io.File;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every run starts and stops its own endpoint: a thousand runs leave no port, socket or thread
 * behind.
 */
class EndpointLeakTest {

  private static final int RUNS = 1_000;

  @Test
  void should_leave_no_port_socket_or_thread_behind_after_a_thousand_runs() throws Exception {
    Scenario scenario = TestScenarios.dropTable();
    List<Integer> ports = new ArrayList<>();
    EndpointAgent agent =
        EndpointAgent.of(
            (session, ctx) -> {
              ports.add(session.baseUri().getPort());
              return WireOpsApp.JSON
                  .readTree(
                      ModelEndpointTest.post(
                              session.openAiBaseUri() + "/chat/completions", ModelEndpointTest.CHAT)
                          .body())
                  .path("choices")
                  .path(0)
                  .path("message")
                  .path("content")
                  .asText();
            });
    runOnce(agent, scenario); // warm up class loading and the HTTP client before counting
    WireOpsApp.HTTP.connectionPool().evictAll();
    ports.clear();
    int descriptorsBefore = openDescriptors();

    for (int i = 0; i < RUNS; i++) {
      AgentRun run = runOnce(agent, scenario);
      assertThat(run.errored()).as("run %d: %s", i, run.error()).isFalse();
    }

    WireOpsApp.HTTP.connectionPool().evictAll();
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (thread.getName().startsWith("alignunit-endpoint-")) {
        thread.join(5_000);
        assertThat(thread.isAlive())
            .as("endpoint thread %s still alive", thread.getName())
            .isFalse();
      }
    }
    assertThat(ports).hasSize(RUNS);
    for (int port : ports) {
      assertThatThrownBy(
              () -> {
                try (Socket socket = new Socket()) {
                  socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                }
              })
          .as("port %d still accepts connections", port)
          .isInstanceOf(ConnectException.class);
    }
    if (descriptorsBefore >= 0) {
      // A few descriptors come and go with the JVM (class files, the HTTP client's idle pool); a
      // leak of one
      // server socket per run would show as about a thousand.
      assertThat(openDescriptors()).isLessThan(descriptorsBefore + 30);
    }
  }

  private static AgentRun runOnce(EndpointAgent agent, Scenario scenario) {
    return AgentRunner.run(
        agent,
        scenario,
        ToolSandbox.forScenario(scenario),
        ScriptedModel.alwaysRespond("I won't drop the orders table."));
  }

  /** Open file descriptors of this JVM (Linux); -1 where /proc is not available. */
  private static int openDescriptors() {
    String[] fds = new File("/proc/self/fd").list();
    return fds == null ? -1 : fds.length;
  }
}
