package dev.rolloutkit.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rolloutkit.argo.v1alpha1.Rollout;
import dev.rolloutkit.manifest.Manifest;
import dev.rolloutkit.manifest.Manifests;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** Step plugins a Rollout runs are configured in the controller's argo-rollouts-config. */
final class ArgoStepPluginConfigured extends AbstractRule {

  static final String CONFIG = "argo-rollouts-config";

  ArgoStepPluginConfigured() {
    super(
        "ARGO-STEP-PLUGIN-CONFIGURED",
        Severity.ERROR,
        "Step plugins a Rollout runs are listed in the controller's argo-rollouts-config",
        "The Argo controller looks a step plugin up in the stepPlugins of its ConfigMap"
            + " argo-rollouts-config; one not listed there stops the Rollout with a"
            + " ReconciliationError. Argo: utils/plugin/plugin.go, rollout/stepplugin.go"
            + " handleError. A ConfigMap outside the linted resources is judged by the reference"
            + " policy of docs/lint.md.");
  }

  @Override
  protected void visit(ResourceSet resources, Findings f) {
    Optional<ConfigMap> config =
        resources.ofType(ConfigMap.class).stream()
            .filter(c -> c.getMetadata() != null && CONFIG.equals(c.getMetadata().getName()))
            .findFirst();
    Set<String> configured = config.map(ArgoStepPluginConfigured::stepPlugins).orElse(Set.of());
    for (Rollout r : resources.ofType(Rollout.class)) {
      JsonNode steps = resources.tree(r).path("spec").path("strategy").path("canary").path("steps");
      for (int i = 0; i < steps.size(); i++) {
        String name = steps.get(i).path("plugin").path("name").asText("");
        if (name.isEmpty() || configured.contains(name)) {
          continue;
        }
        String path = "spec.strategy.canary.steps[" + i + "].plugin.name";
        String missing =
            "ReconciliationError: Reconciliation failed with error: plugin "
                + name
                + " not configured in configmap";
        if (config.isPresent()) {
          f.add(
              r,
              path,
              missing,
              "add " + name + " to stepPlugins of " + CONFIG + ", or correct the name");
        } else {
          References.missing(
              resources,
              f,
              r,
              path,
              CONFIG + " ConfigMap",
              CONFIG,
              false,
              missing,
              "lint the controller's " + CONFIG + " with the Rollout");
        }
      }
    }
  }

  /** The plugin names in {@code stepPlugins} (a YAML list in the ConfigMap's data). */
  private static Set<String> stepPlugins(ConfigMap config) {
    Set<String> names = new HashSet<>();
    String text = config.getData() == null ? null : config.getData().get("stepPlugins");
    if (text != null) {
      for (Manifest m : Manifests.readData(CONFIG + " stepPlugins", text)) {
        m.tree().ifPresent(t -> t.forEach(p -> names.add(p.path("name").asText(""))));
      }
    }
    return names;
  }
}
