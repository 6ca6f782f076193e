package dev.alignunit.endpoint;

import dev.alignunit.agent.Agent;
import dev.alignunit.agent.AgentContext;
import dev.alignunit.agent.AgentOutput;
import dev.alignunit.model.SecretRedactor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * An {@link Agent} that is a separate process: a command line, started once per run with the run's
 * model endpoint (and services such as the sandbox's MCP server) in its environment.
 *
 * <pre>{@code
 * @AgentUnderTest
 * Agent assistant = AgentProcess.command("python", "-m", "ops_assistant")
 *     .with(SandboxMcp.streamableHttp())       // ALIGNUNIT_MCP_URL
 *     .timeout(Duration.ofSeconds(60))
 *     .build();
 * }</pre>
 *
 * <p><b>Environment.</b> The process inherits this JVM's environment except variables that look
 * like credentials (names containing {@code API_KEY}, {@code TOKEN}, {@code SECRET}, {@code
 * PASSWORD}), so it can only reach the run's model. It gets {@link EndpointSession#environment()}:
 * {@code OPENAI_BASE_URL}, {@code OPENAI_API_KEY}, {@code ANTHROPIC_BASE_URL}, {@code
 * ANTHROPIC_API_KEY} (what the official SDKs read, so {@code OpenAIOkHttpClient.fromEnv()} works
 * unchanged), {@code ALIGNUNIT_MODEL_ENDPOINT} and {@code ALIGNUNIT_<SERVICE>_URL}; and {@code
 * ALIGNUNIT_SCENARIO}, {@code ALIGNUNIT_SAMPLE}, {@code ALIGNUNIT_SYSTEM_PROMPT} and {@code
 * ALIGNUNIT_ANSWER_FILE}, then what {@link Builder#environment} adds, where {@code ${NAME}} stands
 * for one of those run variables ({@code environment("OPS_TOOLS_URL", "${ALIGNUNIT_MCP_URL}")}).
 *
 * <p><b>Input and answer.</b> The scenario's last user message is written to standard input (or
 * what {@link Builder#input} makes), which is then closed. The final answer is standard output,
 * unless the process wrote a non-empty {@code ALIGNUNIT_ANSWER_FILE}: then that file's text.
 *
 * <p><b>Faults are errored runs, never verdicts.</b> A process that does not finish within the
 * timeout is killed with its descendants; a non-zero exit code, a timeout, or output beyond {@value
 * #MAX_OUTPUT_BYTES} bytes errors the run with an {@link AgentProcessException} that reports the
 * exit code and the end of standard error. A run whose last model request failed is errored with
 * that failure.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class AgentProcess implements Agent {

  /** The most standard output read, {@value} bytes; more errors the run. */
  public static final int MAX_OUTPUT_BYTES = 1024 * 1024;

  /** The timeout when none is set: 60 seconds. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Z0-9_]+)}");
  private static final Pattern CREDENTIAL =
      Pattern.compile("(?i).*(API_?KEY|TOKEN|SECRET|PASSWORD).*");
  private static final int STDERR_TAIL_BYTES = 4096;

  private final List<String> command;
  private final Map<String, String> environment;
  private final Path directory;
  private final Duration timeout;
  private final List<SessionService> services;
  private final Function<AgentContext, String> input;

  private AgentProcess(Builder b) {
    this.command = List.copyOf(b.command);
    this.environment = Map.copyOf(b.environment);
    this.directory = b.directory;
    this.timeout = b.timeout;
    this.services = List.copyOf(b.services);
    this.input = b.input;
  }

  /**
   * Starts describing the process.
   *
   * @param command the program and its arguments
   * @return a builder
   */
  public static Builder command(String... command) {
    return command(List.of(command));
  }

  /**
   * Starts describing the process.
   *
   * @param command the program and its arguments
   * @return a builder
   */
  public static Builder command(List<String> command) {
    if (command.isEmpty()) {
      throw new IllegalArgumentException(
          "The command line of an agent process must name a program.");
    }
    return new Builder(command);
  }

  /**
   * @return the command line
   */
  public List<String> commandLine() {
    return command;
  }

  /**
   * @return how long a run may take
   */
  public Duration timeout() {
    return timeout;
  }

  @Override
  public AgentOutput run(AgentContext context) throws Exception {
    return AgentOutput.of(
        SessionRunner.run(context, services, session -> launch(session, context)));
  }

  private String launch(EndpointSession session, AgentContext context)
      throws IOException, InterruptedException {
    Path answerFile = Files.createTempFile("alignunit-answer-", ".txt");
    try {
      ProcessBuilder builder = new ProcessBuilder(command);
      if (directory != null) {
        builder.directory(directory.toFile());
      }
      Map<String, String> run = new LinkedHashMap<>(session.environment());
      run.put("ALIGNUNIT_SCENARIO", context.scenario().id());
      run.put("ALIGNUNIT_SAMPLE", Integer.toString(context.sample()));
      run.put("ALIGNUNIT_SYSTEM_PROMPT", context.system());
      run.put("ALIGNUNIT_ANSWER_FILE", answerFile.toString());
      Map<String, String> own = new LinkedHashMap<>();
      environment.forEach((name, value) -> own.put(name, substitute(value, run)));
      run.putAll(own);
      Map<String, String> env = builder.environment();
      Map<String, String> child = childEnvironment(System.getenv(), run);
      env.clear();
      env.putAll(child);
      Process process = builder.start();
      Drain stdout = new Drain(process.getInputStream(), MAX_OUTPUT_BYTES, false);
      Drain stderr = new Drain(process.getErrorStream(), STDERR_TAIL_BYTES, true);
      try (OutputStream stdin = process.getOutputStream()) {
        stdin.write(
            Objects.requireNonNullElse(input.apply(context), "").getBytes(StandardCharsets.UTF_8));
      } catch (IOException closedEarly) {
        // the process does not read its input; that is its business
      }
      boolean finished;
      try {
        finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        kill(process);
        throw e;
      }
      if (!finished) {
        kill(process);
        throw new AgentProcessException(
            describe()
                + " did not finish within "
                + seconds(timeout)
                + " and was killed (with its child processes)."
                + stderr.tail(),
            -1,
            true);
      }
      stdout.join();
      stderr.join();
      if (process.exitValue() != 0) {
        throw new AgentProcessException(
            describe() + " exited with code " + process.exitValue() + "." + stderr.tail(),
            process.exitValue(),
            false);
      }
      if (stdout.overflowed()) {
        throw new AgentProcessException(
            describe()
                + " wrote more than "
                + MAX_OUTPUT_BYTES
                + " bytes to standard output; write the final answer to ALIGNUNIT_ANSWER_FILE instead.",
            0,
            false);
      }
      String answer = Files.readString(answerFile, StandardCharsets.UTF_8);
      return answer.isBlank() ? stdout.text().strip() : answer.strip();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw e;
    } finally {
      Files.deleteIfExists(answerFile);
    }
  }

  /**
   * Replaces {@code ${NAME}} with the run's variable NAME, so an application's own variable can
   * name a run URL.
   */
  static String substitute(String value, Map<String, String> run) {
    Matcher reference = REFERENCE.matcher(value);
    StringBuilder result = new StringBuilder();
    while (reference.find()) {
      String name = reference.group(1);
      if (!run.containsKey(name)) {
        throw new IllegalArgumentException(
            "Agent process variable value '"
                + value
                + "' refers to ${"
                + name
                + "}, which the run does not set. Run variables: "
                + String.join(", ", run.keySet())
                + ".");
      }
      reference.appendReplacement(result, Matcher.quoteReplacement(run.get(name)));
    }
    return reference.appendTail(result).toString();
  }

  /**
   * The process's environment: the inherited one without credentials (names containing {@code
   * API_KEY}, {@code TOKEN}, {@code SECRET}, {@code PASSWORD}) and without provider settings
   * ({@code OPENAI_*}, {@code ANTHROPIC_*}), then the run's variables.
   */
  static Map<String, String> childEnvironment(
      Map<String, String> inherited, Map<String, String> run) {
    Map<String, String> env = new LinkedHashMap<>();
    inherited.forEach(
        (name, value) -> {
          if (!CREDENTIAL.matcher(name).matches()
              && !name.startsWith("OPENAI_")
              && !name.startsWith("ANTHROPIC_")) {
            env.put(name, value);
          }
        });
    env.putAll(run);
    return env;
  }

  private static void kill(Process process) throws InterruptedException {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    process.waitFor(5, TimeUnit.SECONDS);
  }

  private String describe() {
    return "Agent process '"
        + String.join(" ", command.size() > 4 ? command.subList(0, 4) : command)
        + (command.size() > 4 ? " ..." : "")
        + "'";
  }

  private static String seconds(Duration duration) {
    return duration.toMillis() % 1000 == 0
        ? duration.toSeconds() + " s"
        : duration.toMillis() + " ms";
  }

  /** Reads a process stream on its own thread so the process never blocks on a full pipe. */
  private static final class Drain {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final Thread thread;
    private final int limit;
    private final boolean keepTail;
    private volatile boolean overflowed;

    Drain(InputStream in, int limit, boolean keepTail) {
      this.limit = limit;
      this.keepTail = keepTail;
      this.thread = new Thread(() -> pump(in), "alignunit-agent-process-output");
      thread.setDaemon(true);
      thread.start();
    }

    private void pump(InputStream in) {
      byte[] buffer = new byte[8192];
      try (in) {
        int n;
        while ((n = in.read(buffer)) != -1) {
          synchronized (bytes) {
            if (keepTail) {
              bytes.write(buffer, 0, n);
              if (bytes.size() > 2 * limit) {
                byte[] all = bytes.toByteArray();
                bytes.reset();
                bytes.write(all, all.length - limit, limit);
              }
            } else if (bytes.size() + n > limit) {
              overflowed = true; // keep draining, so the process never blocks on a full pipe
              bytes.write(buffer, 0, limit - bytes.size());
            } else {
              bytes.write(buffer, 0, n);
            }
          }
        }
      } catch (IOException e) {
        // the stream closed with the process
      }
    }

    void join() throws InterruptedException {
      thread.join(5000);
    }

    boolean overflowed() {
      return overflowed;
    }

    String text() {
      synchronized (bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
      }
    }

    String tail() {
      String all = text();
      String text =
          SecretRedactor.defaults()
              .redact(all.length() > limit ? all.substring(all.length() - limit) : all)
              .strip();
      return text.isEmpty()
          ? " It wrote nothing to standard error."
          : " End of its standard error:\n" + text;
    }
  }

  /** Describes an {@link AgentProcess}. */
  public static final class Builder {
    private final List<String> command;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final List<SessionService> services = new ArrayList<>();
    private Path directory;
    private Duration timeout = DEFAULT_TIMEOUT;
    private Function<AgentContext, String> input = AgentContext::lastUserText;

    private Builder(List<String> command) {
      this.command = List.copyOf(command);
    }

    /**
     * Sets an environment variable of the process (after AlignUnit's own, so it can override them).
     * {@code ${NAME}} in the value stands for the run's variable NAME, so an application that reads
     * its tools' URL from its own variable gets the run's: {@code environment("OPS_TOOLS_URL",
     * "${ALIGNUNIT_MCP_URL}")}. A reference to a variable the run does not set errors the run.
     *
     * @param name the name
     * @param value the value
     * @return this builder
     */
    public Builder environment(String name, String value) {
      environment.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * The working directory of the process; by default this JVM's.
     *
     * @param value the directory
     * @return this builder
     */
    public Builder workingDirectory(Path value) {
      this.directory = Objects.requireNonNull(value, "directory");
      return this;
    }

    /**
     * How long one run may take before the process is killed and the run errored (default {@link
     * #DEFAULT_TIMEOUT}).
     *
     * @param value the timeout, positive
     * @return this builder
     */
    public Builder timeout(Duration value) {
      if (value == null || value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(
            "The timeout of an agent process must be positive, was " + value);
      }
      this.timeout = value;
      return this;
    }

    /**
     * Starts a service for every run (such as {@code SandboxMcp.streamableHttp()}); its address is
     * in the process's environment.
     *
     * @param service the service
     * @return this builder
     */
    public Builder with(SessionService service) {
      services.add(Objects.requireNonNull(service, "service"));
      return this;
    }

    /**
     * What the process reads on standard input; by default the scenario's last user message.
     *
     * @param value makes the input from the run's context
     * @return this builder
     */
    public Builder input(Function<AgentContext, String> value) {
      this.input = Objects.requireNonNull(value, "input");
      return this;
    }

    /**
     * @return the agent
     */
    public AgentProcess build() {
      return new AgentProcess(this);
    }
  }
}
