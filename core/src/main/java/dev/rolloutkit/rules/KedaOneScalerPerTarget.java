package dev.rolloutkit.rules;

import static dev.rolloutkit.rules.KedaRules.*;

import dev.rolloutkit.keda.v1alpha1.ScaledObject;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/** One ScaledObject and no other HPA per workload, and one ScaledObject per HPA name. */
final class KedaOneScalerPerTarget extends AbstractRule {

  KedaOneScalerPerTarget() {
    super(
        "KEDA-ONE-SCALER-PER-TARGET",
        Severity.ERROR,
        "One ScaledObject and no other HPA per workload, and one ScaledObject per HPA name",
        "KEDA's admission webhook rejects a second autoscaler on one workload, since two fight over"
            + " its replicas. An HPA owned by the ScaledObject, or annotated"
            + " validations.keda.sh/hpa-ownership: \"false\", is left alone; one the ScaledObject"
            + " takes over with scaledobject.keda.sh/transfer-hpa-ownership must be named in"
            + " advanced.horizontalPodAutoscalerConfig.name. KEDA:"
            + " apis/keda/v1alpha1/scaledobject_webhook.go verifyScaledObjects, verifyHpas.");
  }

  @Override
  protected void visit(ResourceSet resources, Findings f) {
    Map<String, String> owner = new HashMap<>();
    Map<String, String> hpaOwner = new HashMap<>();
    for (ScaledObject so : resources.ofType(ScaledObject.class)) {
      String target = target(so);
      String ns = ResourceSet.namespaceOf(so);
      if (target != null) {
        String first = owner.putIfAbsent(ns + "/" + target, so.getMetadata().getName());
        if (first != null) {
          f.add(
              so,
              "spec.scaleTargetRef",
              "the workload '"
                  + so.getSpec().getScaleTargetRef().getName()
                  + "' of type '"
                  + gvk(so)
                  + "' is already managed by the ScaledObject '"
                  + first
                  + "'",
              "keep one ScaledObject per workload; combine the triggers");
          continue;
        }
      }
      if (so.getSpec() != null) {
        String hpaName = hpaName(so);
        String first = hpaOwner.putIfAbsent(ns + "/" + hpaName, so.getMetadata().getName());
        if (first != null) {
          f.add(
              so,
              "spec.advanced.horizontalPodAutoscalerConfig.name",
              "the HPA '" + hpaName + "' is already managed by the ScaledObject '" + first + "'",
              "give each ScaledObject its own HPA name");
        }
      }
    }
    // every HPA version KEDA's webhook lists (it reads autoscaling/v2, which serves v1 and v2beta2)
    for (HasMetadata hpa : resources.all()) {
      if (!"HorizontalPodAutoscaler".equals(hpa.getKind())
          || hpa.getApiVersion() == null
          || !hpa.getApiVersion().startsWith("autoscaling/")) {
        continue;
      }
      com.fasterxml.jackson.databind.JsonNode target =
          resources.tree(hpa).path("spec").path("scaleTargetRef");
      var annotations = hpa.getMetadata().getAnnotations();
      if (!target.isObject()
          || annotations != null
              && "false".equals(annotations.get("validations.keda.sh/hpa-ownership"))) {
        continue;
      }
      var ref =
          new io.fabric8.kubernetes.api.model.autoscaling.v2.CrossVersionObjectReference(
              target.path("apiVersion").asText(null),
              target.path("kind").asText(null),
              target.path("name").asText(null));
      for (ScaledObject so : resources.ofType(ScaledObject.class)) {
        var sref = so.getSpec() == null ? null : so.getSpec().getScaleTargetRef();
        if (sref == null
            || !Objects.equals(sref.getName(), ref.getName())
            || !gvk(so).equals(gvk(ref.getApiVersion(), ref.getKind()))
            || !ResourceSet.namespaceOf(so).equals(ResourceSet.namespaceOf(hpa))) {
          continue;
        }
        boolean owned =
            Canaries.orEmpty(hpa.getMetadata().getOwnerReferences()).stream()
                .anyMatch(
                    o ->
                        "ScaledObject".equals(o.getKind())
                            && Objects.equals(o.getName(), so.getMetadata().getName()));
        if (owned) {
          continue;
        }
        var soAnnotations = so.getMetadata().getAnnotations();
        if (soAnnotations != null
            && "true".equals(soAnnotations.get("scaledobject.keda.sh/transfer-hpa-ownership"))) {
          if (!hpa.getMetadata().getName().equals(customHpaName(so))) {
            f.add(
                so,
                "spec.advanced.horizontalPodAutoscalerConfig.name",
                "the existing hpa '"
                    + hpa.getMetadata().getName()
                    + "' for workload '"
                    + ref.getName()
                    + "' of type '"
                    + gvk(so)
                    + "' must be specified by name in advanced settings to enable ownership"
                    + " transfer",
                "set spec.advanced.horizontalPodAutoscalerConfig.name: "
                    + hpa.getMetadata().getName());
          }
        } else {
          f.add(
              so,
              "spec.scaleTargetRef",
              "the workload '"
                  + ref.getName()
                  + "' of type '"
                  + gvk(so)
                  + "' is already managed by the hpa '"
                  + hpa.getMetadata().getName()
                  + "'",
              "remove the HPA (KEDA creates its own), or take it over with annotation"
                  + " scaledobject.keda.sh/transfer-hpa-ownership: \"true\" and its name in"
                  + " advanced.horizontalPodAutoscalerConfig.name");
        }
      }
    }
  }
}
