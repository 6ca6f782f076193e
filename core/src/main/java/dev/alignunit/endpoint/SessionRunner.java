package dev.alignunit.endpoint;

import dev.alignunit.agent.AgentContext;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Runs one application against a fresh endpoint session: starts the endpoint and the services, runs
 * the body, and tears everything down in reverse order before the run is collected (so calls whose
 * results never came back are in the ledger). A run whose last model request failed is errored with
 * that failure, whatever the application did with it: a swallowed model error must not pass for an
 * answer.
 */
final class SessionRunner {

  /** The part of a run that talks to the endpoint. */
  @FunctionalInterface
  interface Body {
    String run(EndpointSession session) throws Exception;
  }

  private SessionRunner() {}

  static String run(AgentContext context, List<SessionService> services, Body body)
      throws Exception {
    try (ModelEndpoint endpoint = ModelEndpoint.start();
        EndpointSession session = endpoint.open()) {
      session.attach(context);
      Deque<AutoCloseable> started = new ArrayDeque<>();
      String answer;
      try {
        for (SessionService service : services) {
          started.push(service.start(session, context));
        }
        answer = body.run(session);
      } catch (Exception | Error failure) {
        Optional<RuntimeException> cause = session.lastFailure();
        if (cause.isPresent() && cause.get() != failure) {
          cause.get().addSuppressed(failure);
          throw cause.get();
        }
        throw failure;
      } finally {
        closeAll(started);
      }
      Optional<RuntimeException> unanswered = session.lastFailure();
      if (unanswered.isPresent()) {
        throw unanswered.get();
      }
      return answer;
    }
  }

  private static void closeAll(Deque<AutoCloseable> started) throws Exception {
    Exception first = null;
    while (!started.isEmpty()) {
      try {
        started.pop().close();
      } catch (Exception e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
