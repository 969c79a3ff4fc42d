package dev.rolloutkit.benchmarks;

/**
 * The cold-start floor: a process that prints the MCP stack's YAML from plain maps with Jackson,
 * and nothing else.
 */
public final class FloorMain {

  private FloorMain() {}

  public static void main(String[] args) {
    System.out.print(McpStacks.jacksonMaps());
  }
}
