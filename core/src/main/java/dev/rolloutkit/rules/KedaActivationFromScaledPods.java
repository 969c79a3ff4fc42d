package dev.rolloutkit.rules;

import static dev.rolloutkit.rules.KedaRules.*;

import dev.rolloutkit.keda.v1alpha1.ScaledObject;
import dev.rolloutkit.keda.v1alpha1.ScaledObjectSpec;
import dev.rolloutkit.keda.v1alpha1.scaledobjectspec.Triggers;
import java.util.List;
import java.util.regex.Pattern;

/** A ScaledObject that scales to zero can be woken by something outside its pods. */
final class KedaActivationFromScaledPods extends ScaledObjectRule {

  /**
   * Metric families that come from outside the scaled pods: a mesh or ingress in front of them,
   * queues, exporters, Kubernetes and Argo.
   */
  private static final Pattern EXTERNAL =
      Pattern.compile(
          "\\b(istio_[a-z_]+|envoy_[a-z_]+|nginx_ingress_controller_[a-z_]+|traefik_[a-z_]+"
              + "|haproxy_[a-z_]+|kong_[a-z_]+|contour_[a-z_]+|gateway_[a-z_]+"
              + "|kafka_[a-z_]+|rabbitmq_[a-z_]+|aws_sqs_[a-z_]+|redis_[a-z_]+|nats_[a-z_]+"
              + "|kube_[a-z_]+|rollout_info[a-z_]*|probe_[a-z_]+)\\s*[{(\\[]?");

  KedaActivationFromScaledPods() {
    super(
        "KEDA-ACTIVATION-FROM-SCALED-PODS",
        Severity.WARNING,
        "A ScaledObject that scales to zero can be woken by something outside its pods",
        "At zero pods, the metrics the scaled pods export have no series: KEDA reads 0, no trigger"
            + " activates, and the workload never scales from zero. Activate on a metric from"
            + " outside the pods: the mesh's or ingress controller's request count for the"
            + " service (istio_requests_total with reporter=\"source\","
            + " nginx_ingress_controller_requests), a queue, or a cron. KEDA: pkg/scaling/"
            + "executor/scale_scaledobjects.go, docs concepts/scaling-deployments (activation).");
  }

  @Override
  void check(ScaledObject so, ScaledObjectSpec spec, Findings f) {
    List<Triggers> triggers = triggers(spec);
    if (!scalesToZero(spec) || triggers.isEmpty()) {
      return;
    }
    for (Triggers t : triggers) {
      String type = t.getType() == null ? "" : t.getType();
      if (!type.equals("prometheus") && !type.equals("cpu") && !type.equals("memory")) {
        return; // a queue, a cron, an external scaler: not the pods' own metrics
      }
      String query = t.getMetadata() == null ? "" : t.getMetadata().getOrDefault("query", "");
      if (type.equals("prometheus") && EXTERNAL.matcher(query).find()) {
        return;
      }
    }
    f.add(
        so,
        "spec.triggers",
        "every trigger reads metrics of the scaled pods themselves (or cpu/memory): at zero pods"
            + " they have no series, KEDA reads 0 and nothing wakes the workload",
        "add a trigger on a metric from outside the pods, e.g."
            + " sum(rate(istio_requests_total{reporter=\"source\","
            + " destination_service_name=…}[1m])) with activationThreshold 0");
  }
}
