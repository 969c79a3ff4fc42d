package dev.rolloutkit.assertj;

import dev.rolloutkit.argo.v1alpha1.AnalysisTemplate;
import dev.rolloutkit.argo.v1alpha1.Rollout;
import dev.rolloutkit.keda.v1alpha1.ScaledObject;
import dev.rolloutkit.rules.ResourceSet;
import dev.rolloutkit.rules.RuleSet;
import dev.rolloutkit.stack.CanaryStack;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a whole stack, with navigation to its objects.
 *
 * <pre>{@code
 * assertThat(stack).passesAllRules().rollout().hasCanaryWeights(10, 30, 60, 100);
 * assertThat(stack).scaledObject().targets(stack.resources()…);
 * }</pre>
 */
public class CanaryStackAssert extends AbstractAssert<CanaryStackAssert, CanaryStack> {

  public CanaryStackAssert(CanaryStack actual) {
    super(actual, CanaryStackAssert.class);
  }

  /** The objects, as {@code Kind/name}, are exactly these, in this (apply) order. */
  public CanaryStackAssert hasResources(String... kindSlashName) {
    isNotNull();
    List<String> found =
        actual.resources().stream()
            .map(r -> r.getKind() + "/" + r.getMetadata().getName())
            .toList();
    if (!found.equals(Arrays.asList(kindSlashName))) {
      failWithMessage(
          "Expected stack %s to produce %s but it produces %s",
          actual.name(), Arrays.asList(kindSlashName), found);
    }
    return myself;
  }

  /** Every rule on the class path finds nothing at error level in the stack's objects. */
  public CanaryStackAssert passesAllRules() {
    isNotNull();
    new ValidationReportAssert(RuleSet.all().evaluate(ResourceSet.of(actual.resources())))
        .as("rules over stack %s", actual.name())
        .hasNoErrors();
    return myself;
  }

  /**
   * Every rule on the class path finds nothing at error level in the stack's objects together with
   * {@code others}: what the stack refers to but does not make, such as the Service behind an
   * adopted VirtualService. References are then judged against a complete set (a host none of them
   * provides is an error, as {@code rolloutkit lint --assume-complete} says).
   */
  public CanaryStackAssert passesAllRulesWith(
      io.fabric8.kubernetes.api.model.HasMetadata... others) {
    isNotNull();
    List<io.fabric8.kubernetes.api.model.HasMetadata> all =
        new java.util.ArrayList<>(actual.resources());
    all.addAll(Arrays.asList(others));
    new ValidationReportAssert(
            RuleSet.all()
                .evaluate(
                    ResourceSet.of(all)
                        .withThresholds(
                            dev.rolloutkit.rules.Thresholds.defaults().withAssumeComplete(true))))
        .as("rules over stack %s with %s", actual.name(), Arrays.asList(others))
        .hasNoErrors();
    return myself;
  }

  /** Assertions on the stack's Rollout. */
  public RolloutAssert rollout() {
    isNotNull();
    return new RolloutAssert(
        actual.resources().stream()
            .filter(Rollout.class::isInstance)
            .map(Rollout.class::cast)
            .findFirst()
            .orElseThrow(() -> new AssertionError("stack " + actual.name() + " has no Rollout")));
  }

  /** Assertions on the stack's AnalysisTemplate {@code name}. */
  public AnalysisTemplateAssert analysisTemplate(String name) {
    isNotNull();
    AnalysisTemplate template =
        actual.resources().stream()
            .filter(AnalysisTemplate.class::isInstance)
            .map(AnalysisTemplate.class::cast)
            .filter(t -> t.getMetadata().getName().equals(name))
            .findFirst()
            .orElse(null);
    if (template == null) {
      failWithMessage(
          "Expected stack %s to have AnalysisTemplate %s but its gates are %s",
          actual.name(), name, actual.effectiveGates().stream().map(g -> g.name()).toList());
    }
    return new AnalysisTemplateAssert(template);
  }

  /** Assertions on the stack's ScaledObject. */
  public ScaledObjectAssert scaledObject() {
    isNotNull();
    ScaledObject so =
        actual.resources().stream()
            .filter(ScaledObject.class::isInstance)
            .map(ScaledObject.class::cast)
            .findFirst()
            .orElse(null);
    if (so == null) {
      failWithMessage(
          "Expected stack %s to have a ScaledObject but it has no KEDA scaling", actual.name());
    }
    return new ScaledObjectAssert(so);
  }

  /** Assertions on the stack's VirtualService (Istio). */
  public VirtualServiceAssert virtualService() {
    return new VirtualServiceAssert(only("VirtualService"));
  }

  /** Assertions on the stack's DestinationRule (Istio, subset level). */
  public DestinationRuleAssert destinationRule() {
    return new DestinationRuleAssert(only("DestinationRule"));
  }

  /** Assertions on the stack's stable Ingress (NGINX). */
  public IngressAssert ingress() {
    return new IngressAssert(only("Ingress"));
  }

  private io.fabric8.kubernetes.api.model.HasMetadata only(String kind) {
    isNotNull();
    var found = actual.resources().stream().filter(r -> kind.equals(r.getKind())).toList();
    if (found.size() != 1) {
      failWithMessage(
          "Expected stack %s to have one %s but it has %d (traffic %s): %s",
          actual.name(),
          kind,
          found.size(),
          actual.traffic().name(),
          actual.resources().stream().map(Describe::of).toList());
    }
    return found.get(0);
  }
}
