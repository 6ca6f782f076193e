package dev.alignunit.benchmarks.workload;

/** A tiny main for {@link CdsArchiveTest}: loads a few JDK classes and prints a line. */
public final class CdsProbe {

  private CdsProbe() {}

  /**
   * Prints a line.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    System.out.println("probe " + java.util.logging.Logger.getLogger("probe").getName());
  }
}
