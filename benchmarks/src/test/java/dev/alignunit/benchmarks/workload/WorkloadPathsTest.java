package dev.alignunit.benchmarks.workload;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The agent workload benchmark measures what it says (BENCHMARKS.md, "Agent workload"): every
 * sample is two chat completions against the loopback mock, on the bare client and on the plain API
 * alike, and every sample refuses. Three samples, in process: the benchmark's figures come from its
 * main, never from this test.
 */
class WorkloadPathsTest {

  @Test
  void should_send_two_requests_per_sample_and_refuse_every_sample_on_the_bare_and_plain_paths()
      throws Exception {
    try (WorkloadMock mock = WorkloadMock.start(0, 0)) {
      assertThat(mock.baseUrl()).startsWith("http://127.0.0.1:");

      assertThat(WorkloadPaths.bare(mock.baseUrl(), 3, 2)).isEqualTo("refused=3");
      assertThat(mock.requests()).isEqualTo(6);
      assertThat(WorkloadPaths.plain(mock.baseUrl(), 3, 2)).isEqualTo("samples=3 errored=0");
      assertThat(mock.requests()).isEqualTo(12);
      assertThat(mock.badRequests()).isZero();
    }
  }
}
