package dev.rolloutkit.assertj;

import dev.rolloutkit.argo.v1alpha1.AnalysisTemplate;
import dev.rolloutkit.argo.v1alpha1.Rollout;
import dev.rolloutkit.keda.v1alpha1.ScaledObject;
import dev.rolloutkit.rules.ValidationReport;
import dev.rolloutkit.stack.CanaryStack;
import org.assertj.core.api.AbstractSoftAssertions;

/**
 * Soft assertions: every failure is collected and reported together by {@link #assertAll()}.
 *
 * <pre>{@code
 * RolloutKitSoftAssertions softly = new RolloutKitSoftAssertions();
 * softly.assertThat(rollout).hasCanaryWeights(10, 50, 100);
 * softly.assertThat(template).rollsBackOnFailure(3);
 * softly.assertAll();
 * }</pre>
 */
public class RolloutKitSoftAssertions extends AbstractSoftAssertions {

  public RolloutAssert assertThat(Rollout actual) {
    return proxy(RolloutAssert.class, Rollout.class, actual);
  }

  public AnalysisTemplateAssert assertThat(AnalysisTemplate actual) {
    return proxy(AnalysisTemplateAssert.class, AnalysisTemplate.class, actual);
  }

  public ScaledObjectAssert assertThat(ScaledObject actual) {
    return proxy(ScaledObjectAssert.class, ScaledObject.class, actual);
  }

  public CanaryStackAssert assertThat(CanaryStack actual) {
    return proxy(CanaryStackAssert.class, CanaryStack.class, actual);
  }

  public ValidationReportAssert assertThat(ValidationReport actual) {
    return proxy(ValidationReportAssert.class, ValidationReport.class, actual);
  }

  public AnalysisGateAssert assertThat(dev.rolloutkit.analysis.AnalysisGate actual) {
    return proxy(AnalysisGateAssert.class, dev.rolloutkit.analysis.AnalysisGate.class, actual);
  }

  public ValidationReportAssert assertThat(dev.rolloutkit.lint.LintResult actual) {
    return proxy(
        ValidationReportAssert.class,
        ValidationReport.class,
        actual == null ? null : actual.report());
  }

  public GateQualityAssert assertThat(dev.rolloutkit.simulation.GateQuality.Result actual) {
    return proxy(
        GateQualityAssert.class, dev.rolloutkit.simulation.GateQuality.Result.class, actual);
  }

  public SimulationAssert assertThat(dev.rolloutkit.simulation.RolloutSimulation.Report actual) {
    return proxy(
        SimulationAssert.class, dev.rolloutkit.simulation.RolloutSimulation.Report.class, actual);
  }

  public VirtualServiceAssert assertThatVirtualService(
      io.fabric8.kubernetes.api.model.HasMetadata actual) {
    return proxy(
        VirtualServiceAssert.class, io.fabric8.kubernetes.api.model.HasMetadata.class, actual);
  }

  public DestinationRuleAssert assertThatDestinationRule(
      io.fabric8.kubernetes.api.model.HasMetadata actual) {
    return proxy(
        DestinationRuleAssert.class, io.fabric8.kubernetes.api.model.HasMetadata.class, actual);
  }

  public IngressAssert assertThat(io.fabric8.kubernetes.api.model.networking.v1.Ingress actual) {
    return proxy(IngressAssert.class, io.fabric8.kubernetes.api.model.HasMetadata.class, actual);
  }
}
