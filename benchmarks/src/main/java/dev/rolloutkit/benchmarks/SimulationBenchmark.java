package dev.rolloutkit.benchmarks;

import dev.rolloutkit.simulation.AnalysisRunSimulation;
import dev.rolloutkit.simulation.Conditions;
import dev.rolloutkit.simulation.GateQuality;
import dev.rolloutkit.simulation.MeasurementPhase;
import dev.rolloutkit.simulation.RolloutSimulation;
import dev.rolloutkit.simulation.Scenario;
import dev.rolloutkit.stack.CanaryStack;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The simulation's speed on one thread: measurements judged by Argo's condition evaluation and
 * counted by the analysis state machine (1,000 per operation), a 100,000-trial gate-quality table
 * and the MCP preset's whole timeline in a healthy scenario.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class SimulationBenchmark {

  static final String CONDITION = "len(result) > 0 && !isNaN(result[0]) && result[0] >= 0.95";
  static final double[] RESULT = {0.97};
  static final AnalysisRunSimulation.Metric THOUSAND =
      AnalysisRunSimulation.Metric.of("success-rate", 60, 1000).withFailureLimit(1000);
  static final AnalysisRunSimulation.Metric GATE =
      AnalysisRunSimulation.Metric.of("error-rate", 60, 5);
  static final RolloutSimulation MCP =
      RolloutSimulation.of(
              CanaryStack.mcp("mcp-server")
                  .namespace("ai-services")
                  .image("x:1")
                  .build()
                  .resources())
          .with(
              Scenario.parse(
                  "healthy.yaml",
                  "metrics:\n  success-rate: {value: 0.998}\n  error-rate: {value: 0.002}\n"));

  /** 1,000 measurements: each judged by the condition, then counted and assessed. */
  @Benchmark
  public AnalysisRunSimulation.Outcome thousandMeasurements() {
    Conditions conditions = Conditions.v1_9();
    return AnalysisRunSimulation.of(List.of(THOUSAND))
        .run((m, k, t) -> conditions.evaluate(CONDITION, "", RESULT).phase(), Double.MAX_VALUE);
  }

  /** The state machine alone: 1,000 measurements whose phase is given. */
  @Benchmark
  public AnalysisRunSimulation.Outcome thousandMeasurementsGiven() {
    return AnalysisRunSimulation.of(List.of(THOUSAND))
        .run((m, k, t) -> MeasurementPhase.SUCCESSFUL, Double.MAX_VALUE);
  }

  @Benchmark
  public GateQuality.Result gateQuality100kTrials() {
    return GateQuality.monteCarlo(GATE, 0.05, 100_000, 42);
  }

  @Benchmark
  public RolloutSimulation.Report mcpTimeline() {
    return MCP.run();
  }
}
