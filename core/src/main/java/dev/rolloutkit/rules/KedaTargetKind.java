package dev.rolloutkit.rules;

import static dev.rolloutkit.rules.KedaRules.*;

import dev.rolloutkit.keda.v1alpha1.ScaledObject;
import dev.rolloutkit.keda.v1alpha1.ScaledObjectSpec;

/** scaleTargetRef names the kind when it names an apiVersion other than apps/v1. */
final class KedaTargetKind extends ScaledObjectRule {

  KedaTargetKind() {
    super(
        "KEDA-TARGET-KIND",
        Severity.ERROR,
        "scaleTargetRef names the kind when it names an apiVersion other than apps/v1",
        "Without kind KEDA assumes Deployment, so apiVersion argoproj.io/v1alpha1 alone targets the"
            + " non-existent argoproj.io/v1alpha1.Deployment instead of the Rollout (KEDA docs:"
            + " reference/scaledobject-spec, scaleTargetRef).");
  }

  @Override
  void check(ScaledObject so, ScaledObjectSpec spec, Findings f) {
    var ref = spec.getScaleTargetRef();
    if (ref != null
        && ref.getKind() == null
        && ref.getApiVersion() != null
        && !ref.getApiVersion().equals("apps/v1")) {
      f.add(
          so,
          "spec.scaleTargetRef.kind",
          "kind is omitted, so KEDA targets "
              + ref.getApiVersion()
              + ".Deployment "
              + ref.getName(),
          "add kind: Rollout (or the kind you mean)");
    }
  }
}
