package dev.alignunit.junit5.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.assertj.core.api.SoftAssertionError;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class ReportLinkedFailureTest {

  @Test
  void should_keep_the_errors_of_assertj_soft_assertion_error() {
    SoftAssertionError soft = new SoftAssertionError(List.of("first", "second"));

    AssertionError linked =
        ReportLinkedFailure.withReportLink(soft, "target/alignunit/index.html#e-1");

    assertThat(linked).isInstanceOf(SoftAssertionError.class);
    assertThat(((SoftAssertionError) linked).getErrors()).containsExactly("first", "second");
    assertThat(linked.getMessage())
        .isEqualTo(soft.getMessage() + "\nReport: target/alignunit/index.html#e-1");
  }

  @Test
  void should_keep_the_type_cause_stack_and_suppressed_of_a_plain_assertion_failed_error() {
    IllegalStateException cause = new IllegalStateException("boom");
    AssertionFailedError failure = new AssertionFailedError("run errored", cause);
    failure.addSuppressed(new RuntimeException("cleanup"));

    AssertionError linked = ReportLinkedFailure.withReportLink(failure, "r.html#e-2");

    assertThat(linked)
        .isExactlyInstanceOf(AssertionFailedError.class)
        .hasMessage("run errored\nReport: r.html#e-2")
        .hasCause(cause);
    assertThat(linked.getStackTrace()).isEqualTo(failure.getStackTrace());
    assertThat(linked.getSuppressed()).extracting(Throwable::getMessage).containsExactly("cleanup");
  }
}
