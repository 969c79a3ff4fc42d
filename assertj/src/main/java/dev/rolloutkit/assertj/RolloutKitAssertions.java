package dev.rolloutkit.assertj;

import dev.rolloutkit.argo.v1alpha1.AnalysisTemplate;
import dev.rolloutkit.argo.v1alpha1.Rollout;
import dev.rolloutkit.keda.v1alpha1.ScaledObject;
import dev.rolloutkit.lint.LintResult;
import dev.rolloutkit.rules.ValidationReport;
import dev.rolloutkit.stack.CanaryStack;

/**
 * The entry point of rolloutkit's assertions (it does not extend AssertJ's {@code Assertions};
 * import both).
 *
 * <pre>{@code
 * import static dev.rolloutkit.assertj.RolloutKitAssertions.assertThat;
 *
 * assertThat(stack).passesAllRules();
 * assertThat(rollout).hasCanaryWeights(10, 30, 60, 100).pausesFor(2, MINUTES).afterWeight(10);
 * assertThat(template).rollsBackOnFailure(3);
 * assertThat(scaledObject).scalesToZeroWhenIdle().keepsAtLeast(2).whileActive();
 * assertThat(stack).virtualService().sendsToSubset("primary", "canary", 0);
 * assertThat(stack).ingress().hasHost("bankchurn.ml.example.com").sendsPathTo("/", "bankchurn-stable");
 * assertThat(Lint.files(Path.of("deploy"))).hasNoErrors();
 * assertThat(simulation.run()).promotesWithin(Duration.ofMinutes(12));
 * assertThat(GateQuality.exact(metric, 0.01)).falseRollbackProbability().isLessThan(0.01);
 * }</pre>
 */
public final class RolloutKitAssertions {

  private RolloutKitAssertions() {}

  public static RolloutAssert assertThat(Rollout actual) {
    return new RolloutAssert(actual);
  }

  public static AnalysisTemplateAssert assertThat(AnalysisTemplate actual) {
    return new AnalysisTemplateAssert(actual);
  }

  public static ScaledObjectAssert assertThat(ScaledObject actual) {
    return new ScaledObjectAssert(actual);
  }

  public static CanaryStackAssert assertThat(CanaryStack actual) {
    return new CanaryStackAssert(actual);
  }

  public static ValidationReportAssert assertThat(ValidationReport actual) {
    return new ValidationReportAssert(actual);
  }

  /** Assertions on what a simulated canary does. */
  public static SimulationAssert assertThat(
      dev.rolloutkit.simulation.RolloutSimulation.Report actual) {
    return new SimulationAssert(actual);
  }

  /** Assertions on a gate's quality. */
  public static GateQualityAssert assertThat(dev.rolloutkit.simulation.GateQuality.Result actual) {
    return new GateQualityAssert(actual);
  }

  /** Assertions on an analysis gate as stated. */
  public static AnalysisGateAssert assertThat(dev.rolloutkit.analysis.AnalysisGate actual) {
    return new AnalysisGateAssert(actual);
  }

  /** Assertions on a lint run's report. */
  public static ValidationReportAssert assertThat(LintResult actual) {
    return new ValidationReportAssert(actual == null ? null : actual.report());
  }

  /** A VirtualService of any Istio API version, built or read ({@code Manifest.object()}). */
  public static VirtualServiceAssert assertThatVirtualService(
      io.fabric8.kubernetes.api.model.HasMetadata actual) {
    return new VirtualServiceAssert(actual);
  }

  /** A DestinationRule of any Istio API version, built or read. */
  public static DestinationRuleAssert assertThatDestinationRule(
      io.fabric8.kubernetes.api.model.HasMetadata actual) {
    return new DestinationRuleAssert(actual);
  }

  public static IngressAssert assertThat(
      io.fabric8.kubernetes.api.model.networking.v1.Ingress actual) {
    return new IngressAssert(actual);
  }
}
