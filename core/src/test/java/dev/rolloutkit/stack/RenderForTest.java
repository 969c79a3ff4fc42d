package dev.rolloutkit.stack;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Renders the test stacks in a separate JVM, to prove output does not depend on locale or time
 * zone.
 */
public final class RenderForTest {

  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    out.print(CanaryStackTest.mcpWithNginx().toYaml());
    out.print(CanaryStackTest.bankchurn().toYaml());
    out.flush();
  }

  static String inProcess() {
    return CanaryStackTest.mcpWithNginx().toYaml() + CanaryStackTest.bankchurn().toYaml();
  }

  private RenderForTest() {}
}
