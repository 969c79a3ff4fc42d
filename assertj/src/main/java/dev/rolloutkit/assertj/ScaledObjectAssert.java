package dev.rolloutkit.assertj;

import dev.rolloutkit.argo.v1alpha1.Rollout;
import dev.rolloutkit.keda.v1alpha1.ScaledObject;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a KEDA ScaledObject.
 *
 * <pre>{@code
 * assertThat(scaledObject).scalesToZeroWhenIdle().keepsAtLeast(2).whileActive().targets(rollout);
 * }</pre>
 */
public class ScaledObjectAssert extends AbstractAssert<ScaledObjectAssert, ScaledObject> {

  public ScaledObjectAssert(ScaledObject actual) {
    super(actual, ScaledObjectAssert.class);
  }

  private dev.rolloutkit.keda.v1alpha1.ScaledObjectSpec spec() {
    isNotNull();
    if (actual.getSpec() == null) {
      failWithMessage("Expected %s to have a spec but it has none", Describe.of(actual));
    }
    return actual.getSpec();
  }

  /**
   * Scales to zero when every trigger is idle: {@code idleReplicaCount: 0}, or no idle count and
   * {@code minReplicaCount: 0}.
   */
  public ScaledObjectAssert scalesToZeroWhenIdle() {
    var spec = spec();
    Integer idle = spec.getIdleReplicaCount();
    int min = spec.getMinReplicaCount() == null ? 0 : spec.getMinReplicaCount();
    if (!(Objects.equals(idle, 0) || (idle == null && min == 0))) {
      failWithMessage(
          "Expected %s to scale to zero when idle but spec.idleReplicaCount is %s and"
              + " spec.minReplicaCount is %d",
          Describe.of(actual), idle == null ? "not set" : idle, min);
    }
    return myself;
  }

  /** Expects a floor; say when with {@link FloorCheck#whileActive()}. */
  public FloorCheck keepsAtLeast(int replicas) {
    return new FloorCheck(this, replicas);
  }

  /** While any trigger is active, there are at least {@code replicas} ({@code minReplicaCount}). */
  public ScaledObjectAssert hasMinimumWhileActive(int replicas) {
    var spec = spec();
    int min = spec.getMinReplicaCount() == null ? 0 : spec.getMinReplicaCount();
    if (min < replicas) {
      failWithMessage(
          "Expected %s to keep at least %d replicas while active but spec.minReplicaCount is %d",
          Describe.of(actual), replicas, min);
    }
    return myself;
  }

  /**
   * Scales {@code rollout}: {@code scaleTargetRef} names it with apiVersion {@code
   * argoproj.io/v1alpha1} and kind {@code Rollout}.
   */
  public ScaledObjectAssert targets(Rollout rollout) {
    var ref = spec().getScaleTargetRef();
    String expected = "argoproj.io/v1alpha1 Rollout " + rollout.getMetadata().getName();
    String found =
        ref == null
            ? "not set"
            : ref.getApiVersion()
                + " "
                + (ref.getKind() == null ? "(kind not set: Deployment)" : ref.getKind())
                + " "
                + ref.getName();
    if (!expected.equals(found)) {
      failWithMessage(
          "Expected %s to scale %s but spec.scaleTargetRef is %s",
          Describe.of(actual), expected, found);
    }
    return myself;
  }

  /** The second half of {@code keepsAtLeast(…)}. */
  public static final class FloorCheck {
    private final ScaledObjectAssert owner;
    private final int replicas;

    FloorCheck(ScaledObjectAssert owner, int replicas) {
      this.owner = owner;
      this.replicas = replicas;
    }

    /** …while any trigger is active. */
    public ScaledObjectAssert whileActive() {
      return owner.hasMinimumWhileActive(replicas);
    }
  }
}
