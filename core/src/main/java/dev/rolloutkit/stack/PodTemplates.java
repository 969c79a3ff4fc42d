package dev.rolloutkit.stack;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The stack's pod: the user's {@link CanaryStack#pod()} (a copy) with what rolloutkit owns put in —
 * the labels, the app container's name, image and ports — and the first-class knobs applied; and
 * every problem with what the user supplied, as Kubernetes' validation would name it.
 */
final class PodTemplates {

  private PodTemplates() {}

  /** The app container: the one named after the stack. */
  static Container appContainer(PodSpec spec, String name) {
    if (spec == null || spec.getContainers() == null) {
      return null;
    }
    return spec.getContainers().stream()
        .filter(c -> name.equals(c.getName()))
        .findFirst()
        .orElse(null);
  }

  static PodTemplateSpec merged(
      CanaryStack stack, List<io.fabric8.kubernetes.api.model.ContainerPort> ports) {
    PodTemplateSpec template =
        stack.pod().map(p -> new PodTemplateSpecBuilder(p).build()).orElseGet(PodTemplateSpec::new);
    ObjectMeta meta = template.getMetadata() == null ? new ObjectMeta() : template.getMetadata();
    Map<String, String> labels = new TreeMap<>();
    if (meta.getLabels() != null) {
      labels.putAll(meta.getLabels());
    }
    labels.putAll(stack.objectLabels());
    meta.setLabels(labels);
    if (meta.getAnnotations() != null && meta.getAnnotations().isEmpty()) {
      meta.setAnnotations(null);
    }
    template.setMetadata(meta);
    PodSpec spec = template.getSpec() == null ? new PodSpec() : template.getSpec();
    List<Container> containers =
        spec.getContainers() == null ? new ArrayList<>() : new ArrayList<>(spec.getContainers());
    Container app = appContainer(spec, stack.name());
    if (app == null) {
      app = new Container();
      app.setName(stack.name());
      containers.add(0, app);
    }
    app.setImage(stack.image().orElseThrow());
    app.setPorts(ports);
    final Container container = app;
    // copies, as of the pod: editing the objects given later does not change a built stack
    stack
        .containerResources()
        .ifPresent(
            r ->
                container.setResources(
                    new io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder(r).build()));
    stack
        .readinessProbe()
        .ifPresent(
            p ->
                container.setReadinessProbe(
                    new io.fabric8.kubernetes.api.model.ProbeBuilder(p).build()));
    stack
        .startupProbe()
        .ifPresent(
            p ->
                container.setStartupProbe(
                    new io.fabric8.kubernetes.api.model.ProbeBuilder(p).build()));
    spec.setContainers(containers);
    template.setSpec(spec);
    return template;
  }

  /** What is wrong with the user's pod and knobs, field by field. */
  static void check(CanaryStack stack, List<String> problems) {
    stack
        .pod()
        .ifPresent(
            pod -> {
              ObjectMeta meta = pod.getMetadata();
              if (meta != null && meta.getLabels() != null) {
                stack
                    .objectLabels()
                    .forEach(
                        (k, v) -> {
                          String theirs = meta.getLabels().get(k);
                          if (theirs != null && !theirs.equals(v)) {
                            problems.add(
                                "pod.metadata.labels."
                                    + k
                                    + ": rolloutkit owns this label (the selector and the stack's"
                                    + " labels) and sets it to '"
                                    + v
                                    + "', got '"
                                    + theirs
                                    + "'");
                          }
                        });
              }
              if (meta != null && (meta.getName() != null || meta.getNamespace() != null)) {
                problems.add(
                    "pod.metadata: a pod template has no name or namespace (the Rollout names its"
                        + " pods)");
              }
              Container app = appContainer(pod.getSpec(), stack.name());
              if (app != null) {
                String where = "pod.spec.containers[name=" + stack.name() + "]";
                if (app.getImage() != null
                    && stack.image().isPresent()
                    && !app.getImage().equals(stack.image().get())) {
                  problems.add(
                      where
                          + ".image: the stack's image is '"
                          + stack.image().get()
                          + "', the pod says '"
                          + app.getImage()
                          + "'; give the image once, with image(…)");
                }
                if (app.getPorts() != null && !app.getPorts().isEmpty()) {
                  problems.add(
                      where
                          + ".ports: the app container's ports come from ports(…), which the"
                          + " Services and the traffic router use too");
                }
                if (app.getResources() != null && stack.containerResources().isPresent()) {
                  problems.add(
                      where + ".resources: given twice, in the pod and with containerResources(…)");
                }
                if (app.getReadinessProbe() != null && stack.readinessProbe().isPresent()) {
                  problems.add(
                      where
                          + ".readinessProbe: given twice, in the pod and with readinessProbe(…)");
                }
                if (app.getStartupProbe() != null && stack.startupProbe().isPresent()) {
                  problems.add(
                      where + ".startupProbe: given twice, in the pod and with startupProbe(…)");
                }
              }
              if (pod.getSpec() != null && pod.getSpec().getContainers() != null) {
                Set<String> names = new java.util.HashSet<>();
                List<Container> all = pod.getSpec().getContainers();
                for (int i = 0; i < all.size(); i++) {
                  Container c = all.get(i);
                  String where = "pod.spec.containers[" + i + "]";
                  if (c.getName() == null || c.getName().isBlank()) {
                    problems.add(where + ".name: Required value");
                  } else if (!names.add(c.getName())) {
                    problems.add(where + ".name: Duplicate value: \"" + c.getName() + "\"");
                  }
                  if (!stack.name().equals(c.getName())
                      && (c.getImage() == null || c.getImage().isBlank())) {
                    problems.add(where + ".image: Required value");
                  }
                  resources(where + ".resources", c.getResources(), problems);
                  probe(where + ".readinessProbe", c.getReadinessProbe(), stack, false, problems);
                  probe(where + ".startupProbe", c.getStartupProbe(), stack, true, problems);
                  probe(where + ".livenessProbe", c.getLivenessProbe(), stack, false, problems);
                }
              }
            });
    stack.containerResources().ifPresent(r -> resources("containerResources", r, problems));
    stack.readinessProbe().ifPresent(p -> probe("readinessProbe", p, stack, false, problems));
    stack.startupProbe().ifPresent(p -> probe("startupProbe", p, stack, true, problems));
    stack
        .minAvailable()
        .ifPresent(
            m -> {
              int replicas = stack.scaling().map(s -> s.minReplicaCount()).orElse(stack.replicas());
              if (m.getIntVal() != null) {
                if (m.getIntVal() < 0) {
                  problems.add("minAvailable: must be 0 or more, got " + m.getIntVal());
                } else if (m.getIntVal() >= replicas) {
                  problems.add(
                      "minAvailable: "
                          + m.getIntVal()
                          + " of "
                          + replicas
                          + " replicas lets no pod be evicted: node drains would hang; at most "
                          + (replicas - 1));
                }
              } else if (m.getStrVal() == null || !m.getStrVal().matches("(100|[1-9]?[0-9])%")) {
                problems.add(
                    "minAvailable: expected a number of pods or a percentage such as 50%, got '"
                        + m.getStrVal()
                        + "'");
              } else if (m.getStrVal().equals("100%")) {
                problems.add("minAvailable: 100% lets no pod be evicted: node drains would hang");
              }
            });
  }

  private static void resources(String where, ResourceRequirements r, List<String> problems) {
    if (r == null) {
      return;
    }
    Map<String, BigDecimal> requests = quantities(where + ".requests", r.getRequests(), problems);
    Map<String, BigDecimal> limits = quantities(where + ".limits", r.getLimits(), problems);
    requests.forEach(
        (name, amount) -> {
          BigDecimal limit = limits.get(name);
          if (limit != null && amount.compareTo(limit) > 0) {
            problems.add(
                where
                    + ".requests["
                    + name
                    + "]: Invalid value: \""
                    + r.getRequests().get(name)
                    + "\": must be less than or equal to "
                    + name
                    + " limit of "
                    + r.getLimits().get(name));
          }
        });
  }

  private static Map<String, BigDecimal> quantities(
      String where, Map<String, Quantity> map, List<String> problems) {
    Map<String, BigDecimal> out = new TreeMap<>();
    if (map == null) {
      return out;
    }
    map.forEach(
        (name, q) -> {
          try {
            BigDecimal amount = Quantity.getAmountInBytes(q);
            if (amount.signum() < 0) {
              problems.add(
                  where + "[" + name + "]: Invalid value: \"" + q + "\": must be 0 or more");
            } else {
              out.put(name, amount);
            }
          } catch (RuntimeException e) {
            problems.add(
                where
                    + "["
                    + name
                    + "]: Invalid value: \""
                    + q
                    + "\": a quantity such as 250m, 0.5 or 512Mi");
          }
        });
    return out;
  }

  private static void probe(
      String where, Probe p, CanaryStack stack, boolean startup, List<String> problems) {
    if (p == null) {
      return;
    }
    int handlers =
        (p.getExec() != null ? 1 : 0)
            + (p.getHttpGet() != null ? 1 : 0)
            + (p.getTcpSocket() != null ? 1 : 0)
            + (p.getGrpc() != null ? 1 : 0);
    if (handlers != 1) {
      problems.add(
          where
              + ": "
              + (handlers == 0
                  ? "must specify a handler type"
                  : "may not specify more than 1 handler type")
              + " (exec, httpGet, tcpSocket or grpc)");
    }
    IntOrString port =
        p.getHttpGet() != null
            ? p.getHttpGet().getPort()
            : p.getTcpSocket() != null ? p.getTcpSocket().getPort() : null;
    if (port != null) {
      if (port.getIntVal() != null) {
        if (port.getIntVal() < 1 || port.getIntVal() > 65535) {
          problems.add(where + ".port: " + port.getIntVal() + " is outside 1..65535");
        }
      } else if (stack.effectivePorts().stream()
          .noneMatch(x -> x.name().equals(port.getStrVal()))) {
        problems.add(
            where
                + ".port: '"
                + port.getStrVal()
                + "' is no port of the app container (its ports: "
                + stack.effectivePorts().stream().map(x -> x.name()).toList()
                + ")");
      }
    }
    positive(where + ".periodSeconds", p.getPeriodSeconds(), problems);
    positive(where + ".timeoutSeconds", p.getTimeoutSeconds(), problems);
    positive(where + ".failureThreshold", p.getFailureThreshold(), problems);
    positive(where + ".successThreshold", p.getSuccessThreshold(), problems);
    if (p.getInitialDelaySeconds() != null && p.getInitialDelaySeconds() < 0) {
      problems.add(where + ".initialDelaySeconds: must be 0 or more");
    }
    if (startup && p.getSuccessThreshold() != null && p.getSuccessThreshold() != 1) {
      problems.add(where + ".successThreshold: must be 1");
    }
  }

  private static void positive(String where, Integer value, List<String> problems) {
    if (value != null && value < 1) {
      problems.add(where + ": must be at least 1, got " + value);
    }
  }
}
