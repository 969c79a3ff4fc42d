package dev.rolloutkit.istio.rules;

import dev.rolloutkit.istio.internal.IstioObjects;
import dev.rolloutkit.rules.AbstractRule;
import dev.rolloutkit.rules.ResourceSet;
import dev.rolloutkit.rules.Severity;
import io.fabric8.istio.api.api.networking.v1alpha3.DestinationRule;
import io.fabric8.istio.api.api.networking.v1alpha3.VirtualService;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.function.BiConsumer;

/** Base of the Istio rules: iteration over VirtualServices and DestinationRules of any version. */
abstract class IstioRule extends AbstractRule {

  IstioRule(String id, Severity severity, String title, String rationale) {
    super(id, severity, title, rationale);
  }

  static void eachVirtualService(
      ResourceSet resources, BiConsumer<HasMetadata, VirtualService> action) {
    for (HasMetadata r : resources.all()) {
      IstioObjects.virtualServiceSpec(r).ifPresent(spec -> action.accept(r, spec));
    }
  }

  static void eachDestinationRule(
      ResourceSet resources, BiConsumer<HasMetadata, DestinationRule> action) {
    for (HasMetadata r : resources.all()) {
      IstioObjects.destinationRuleSpec(r).ifPresent(spec -> action.accept(r, spec));
    }
  }
}
