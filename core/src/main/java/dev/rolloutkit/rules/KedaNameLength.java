package dev.rolloutkit.rules;

import static dev.rolloutkit.rules.KedaRules.*;

import dev.rolloutkit.keda.v1alpha1.ScaledObject;
import dev.rolloutkit.keda.v1alpha1.ScaledObjectSpec;

/** The ScaledObject's name fits the label and the derived HPA name. */
final class KedaNameLength extends ScaledObjectRule {

  KedaNameLength() {
    super(
        "KEDA-NAME-LENGTH",
        Severity.ERROR,
        "The ScaledObject's name fits the label and the derived HPA name",
        "KEDA's admission webhook rejects a name longer than 63 characters, or one whose HPA name"
            + " keda-hpa-<name> is (at most 54 characters without a custom HPA name). KEDA:"
            + " apis/keda/v1alpha1/scaledobject_webhook.go verifyName.");
  }

  @Override
  void check(ScaledObject so, ScaledObjectSpec spec, Findings f) {
    String name = so.getMetadata().getName();
    if (name == null) {
      return;
    }
    if (name.length() > 63) {
      f.add(
          so,
          "metadata.name",
          String.format(
              "scaledobject name %s is %d characters long; must be no more than %d characters"
                  + " because it is used as the %s label value",
              quote(name), name.length(), 63, quote("scaledobject.keda.sh/name")),
          "shorten the name");
    }
    var hpaConfig =
        spec.getAdvanced() == null ? null : spec.getAdvanced().getHorizontalPodAutoscalerConfig();
    String hpa =
        hpaConfig != null && hpaConfig.getName() != null ? hpaConfig.getName() : "keda-hpa-" + name;
    if (hpa.length() > 63) {
      f.add(
          so,
          "metadata.name",
          String.format(
              "HPA name %s derived from scaledobject is %d characters long; must be no more than %d"
                  + " characters; set spec.advanced.horizontalPodAutoscalerConfig.name to a shorter"
                  + " name or shorten the scaledobject name",
              quote(hpa), hpa.length(), 63),
          "shorten the name to at most 54 characters");
    }
  }
}
