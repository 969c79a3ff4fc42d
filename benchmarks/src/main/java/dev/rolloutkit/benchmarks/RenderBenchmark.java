package dev.rolloutkit.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Warm stacks per second on one thread for the MCP stack: the Jackson-maps floor, fabric8 builders
 * by hand, and rolloutkit (profile → typed objects → rules → YAML). The setup checks all three
 * produce the same data.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 10, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
@Threads(1)
public class RenderBenchmark {

  @Setup(Level.Trial)
  public void sameData() {
    McpStacks.sameData();
  }

  @Benchmark
  public String jacksonMapsFloor() {
    return McpStacks.jacksonMaps();
  }

  @Benchmark
  public String fabric8ByHand() {
    return McpStacks.fabric8ByHand();
  }

  @Benchmark
  public String rolloutkit() {
    return McpStacks.rolloutkit();
  }
}
