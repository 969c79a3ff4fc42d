package dev.rolloutkit.istio.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolloutkit.rules.Finding;
import dev.rolloutkit.rules.ResourceSet;
import dev.rolloutkit.rules.Rule;
import dev.rolloutkit.rules.RuleSet;
import dev.rolloutkit.rules.Severity;
import dev.rolloutkit.testing.Fixtures;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Istio rule fails on the defect it describes, with upstream's message and the field path,
 * and passes on the fix.
 */
class IstioRulesTest {

  /** A consistent subset-level set: Service, DestinationRule, VirtualService, Rollout. */
  static final String SUBSET_LEVEL =
      """
      apiVersion: v1
      kind: Service
      metadata: {name: app, namespace: shop}
      spec: {selector: {app: app}, ports: [{name: http, port: 80}]}
      ---
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      metadata: {name: app-destrule, namespace: shop}
      spec:
        host: app
        subsets:
        - name: stable
          labels: {app: app}
        - name: canary
          labels: {app: app}
      ---
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: app-vsvc, namespace: shop}
      spec:
        hosts: [app]
        http:
        - name: primary
          route:
          - destination: {host: app, subset: stable}
            weight: 100
          - destination: {host: app, subset: canary}
            weight: 0
      ---
      apiVersion: argoproj.io/v1alpha1
      kind: Rollout
      metadata: {name: app, namespace: shop}
      spec:
        selector: {matchLabels: {app: app}}
        template:
          metadata: {labels: {app: app}}
          spec: {containers: [{name: app, image: "app:1"}]}
        strategy:
          canary:
            trafficRouting:
              istio:
                virtualService: {name: app-vsvc, routes: [primary]}
                destinationRule: {name: app-destrule, canarySubsetName: canary, stableSubsetName: stable}
            steps: [{setWeight: 50}]
      """;

  /** A consistent host-level set: stable and canary Services, VirtualService, Rollout. */
  static final String HOST_LEVEL =
      """
      apiVersion: v1
      kind: Service
      metadata: {name: app-stable, namespace: shop}
      spec: {selector: {app: app}, ports: [{name: http, port: 80}]}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: app-canary, namespace: shop}
      spec: {selector: {app: app}, ports: [{name: http, port: 80}]}
      ---
      apiVersion: networking.istio.io/v1beta1
      kind: VirtualService
      metadata: {name: app-vsvc, namespace: shop}
      spec:
        hosts: [app-stable]
        http:
        - name: primary
          route:
          - destination: {host: app-stable.shop.svc.cluster.local}
            weight: 100
          - destination: {host: app-canary}
            weight: 0
      ---
      apiVersion: argoproj.io/v1alpha1
      kind: Rollout
      metadata: {name: app, namespace: shop}
      spec:
        selector: {matchLabels: {app: app}}
        template:
          metadata: {labels: {app: app}}
          spec: {containers: [{name: app, image: "app:1"}]}
        strategy:
          canary:
            canaryService: app-canary
            stableService: app-stable
            trafficRouting:
              istio:
                virtualService: {name: app-vsvc, routes: [primary]}
            steps: [{setWeight: 50}]
      """;

  static ResourceSet set(String yaml) {
    return ResourceSet.of(Fixtures.resources(yaml));
  }

  static String edit(String yaml, String from, String to) {
    return Fixtures.edit(yaml, from, to);
  }

  static Stream<Arguments> defects() {
    return Stream.of(
        Arguments.of(
            IstioRules.REFERENCE_NOT_FOUND,
            edit(
                SUBSET_LEVEL,
                "virtualService: {name: app-vsvc,",
                "virtualService: {name: app-vsc,"),
            "Rollout shop/app",
            "spec.strategy.canary.trafficRouting.istio.virtualService.name",
            "spec.strategy.canary.trafficRouting.istio.virtualService.name: Invalid value:"
                + " \"app-vsc\": virtualservices.networking.istio.io \"app-vsc\" not found (the"
                + " linted resources hold VirtualServices, but none called 'app-vsc')"),
        Arguments.of(
            IstioRules.REFERENCE_NOT_FOUND,
            edit(
                SUBSET_LEVEL,
                "destinationRule: {name: app-destrule,",
                "destinationRule: {name: app-dr,"),
            "Rollout shop/app",
            "spec.strategy.canary.trafficRouting.istio.destinationRule.name",
            "destinationrules.networking.istio.io \"app-dr\" not found (the linted resources hold"
                + " DestinationRules, but none called 'app-dr')"),
        Arguments.of(
            IstioRules.HOST_NOT_FOUND,
            edit(SUBSET_LEVEL, "{host: app, subset: canary}", "{host: payments, subset: canary}"),
            "VirtualService shop/app-vsvc",
            "spec.http[0].route[1].destination.host",
            "Referenced host not found: \"payments\" (the linted resources hold Services, but none"
                + " called 'payments.shop.svc.cluster.local')"),
        Arguments.of(
            IstioRules.HOST_NOT_FOUND,
            edit(
                SUBSET_LEVEL,
                "  - name: primary\n",
                "  - name: primary\n    mirror: {host: shadow}\n"),
            "VirtualService shop/app-vsvc",
            "spec.http[0].mirror.destination.host",
            "Referenced mirror host not found: \"shadow\" (the linted resources hold Services, but"
                + " none called 'shadow.shop.svc.cluster.local')"),
        Arguments.of(
            IstioRules.HOST_NOT_FQDN,
            edit(SUBSET_LEVEL, "{host: app, subset: canary}", "{host: app.shop, subset: canary}"),
            "VirtualService shop/app-vsvc",
            "spec.http[0].route[1].destination.host",
            "host 'app.shop' has a dot, so Istio takes it literally and does not expand it to a"
                + " Service"),
        Arguments.of(
            IstioRules.SUBSET_NOT_FOUND,
            edit(SUBSET_LEVEL, "{host: app, subset: canary}", "{host: app, subset: canry}"),
            "VirtualService shop/app-vsvc",
            "spec.http[0].route[1].destination.subset",
            "Referenced host+subset in destinationrule not found: \"app+canry\""),
        Arguments.of(
            IstioRules.DUPLICATE_SUBSET,
            edit(SUBSET_LEVEL, "  - name: canary\n    labels", "  - name: stable\n    labels"),
            "DestinationRule shop/app-destrule",
            "spec.subsets[1].name",
            "duplicate subset names: stable"),
        Arguments.of(
            IstioRules.NEGATIVE_WEIGHT,
            edit(SUBSET_LEVEL, "weight: 0", "weight: -5"),
            "VirtualService shop/app-vsvc",
            "spec.http[0].route[1].weight",
            "weight -5 < 0"),
        Arguments.of(
            IstioRules.ZERO_TOTAL_WEIGHT,
            edit(SUBSET_LEVEL, "weight: 100", "weight: 0"),
            "VirtualService shop/app-vsvc",
            "spec.http[0].route",
            "total destination weight = 0"),
        Arguments.of(
            IstioRules.NO_ROUTES,
            SUBSET_LEVEL
                + "---\n"
                + "apiVersion: networking.istio.io/v1\n"
                + "kind: VirtualService\n"
                + "metadata: {name: empty, namespace: shop}\n"
                + "spec: {hosts: [other], gateways: [gw]}\n",
            "VirtualService shop/empty",
            "spec",
            "http, tcp or tls must be provided in virtual service"),
        Arguments.of(
            IstioRules.MESH_HOST_CONFLICT,
            SUBSET_LEVEL
                + "---\n"
                + "apiVersion: networking.istio.io/v1alpha3\n"
                + "kind: VirtualService\n"
                + "metadata: {name: dup, namespace: shop}\n"
                + "spec:\n"
                + "  hosts: [app.shop.svc.cluster.local]\n"
                + "  http:\n"
                + "  - route:\n"
                + "    - destination: {host: app}\n",
            "VirtualService shop/app-vsvc",
            "spec.hosts",
            "The VirtualServices shop/app-vsvc,shop/dup associated with mesh gateway define the"
                + " same host app.shop.svc.cluster.local which can lead to undefined behavior. This"
                + " can be fixed by merging the conflicting VirtualServices into a single"
                + " resource."),
        Arguments.of(
            IstioRules.DESTINATION_RULE_HOST_UNKNOWN,
            edit(SUBSET_LEVEL, "  host: app\n", "  host: ap\n"),
            "DestinationRule shop/app-destrule",
            "spec.host",
            "The host ap defined in the DestinationRule does not match any services in the mesh."),
        Arguments.of(
            IstioRules.VIRTUAL_SERVICE_ONE_OF,
            edit(
                SUBSET_LEVEL,
                "          virtualService: {name: app-vsvc, routes: [primary]}\n",
                ""),
            "Rollout shop/app",
            "spec.strategy.canary.trafficRouting.istio",
            "either VirtualService or VirtualServices must be configured"),
        Arguments.of(
            IstioRules.VIRTUAL_SERVICE_ONE_OF,
            edit(
                SUBSET_LEVEL,
                "          virtualService: {name: app-vsvc, routes: [primary]}\n",
                "          virtualService: {name: app-vsvc, routes: [primary]}\n"
                    + "          virtualServices: [{name: app-vsvc, routes: [primary]}]\n"),
            "Rollout shop/app",
            "spec.strategy.canary.trafficRouting.istio",
            "either VirtualService or VirtualServices must be configured"),
        Arguments.of(
            IstioRules.ROUTE_NOT_FOUND,
            edit(SUBSET_LEVEL, "routes: [primary]", "routes: [main]"),
            "Rollout shop/app",
            "spec.strategy.canary.trafficRouting.istio.virtualService",
            "Istio VirtualService has invalid HTTP routes. Error: HTTP Route 'main' is not found in"
                + " the defined Virtual Service."),
        Arguments.of(
            IstioRules.ROUTES_REQUIRED,
            edit(
                edit(SUBSET_LEVEL, "{name: app-vsvc, routes: [primary]}", "{name: app-vsvc}"),
                "  - name: primary\n",
                "  - name: health\n"
                    + "    match: [{uri: {exact: /healthz}}]\n"
                    + "    route:\n"
                    + "    - destination: {host: app, subset: stable}\n"
                    + "  - name: primary\n"),
            "Rollout shop/app",
            "spec.strategy.canary.trafficRouting.istio.virtualService.routes",
            "Istio VirtualService has invalid HTTP routes. Error: spec.http[] should be set in"
                + " VirtualService and it must have exactly one route when omitting"
                + " spec.strategy.canary.trafficRouting.istio.virtualService.routes"),
        Arguments.of(
            IstioRules.CANARY_STABLE_IN_ROUTE,
            edit(
                SUBSET_LEVEL,
                "    - destination: {host: app, subset: canary}\n      weight: 0\n",
                ""),
            "Rollout shop/app",
            "spec.strategy.canary.trafficRouting.istio.virtualService",
            "Canary DestinationRule subset 'canary' not found in route"),
        Arguments.of(
            IstioRules.CANARY_STABLE_IN_ROUTE,
            edit(HOST_LEVEL, "{host: app-stable.shop.svc.cluster.local}", "{host: app-primary}"),
            "Rollout shop/app",
            "spec.strategy.canary.trafficRouting.istio.virtualService",
            "Stable Service 'app-stable' not found in route"),
        Arguments.of(
            IstioRules.MANAGED_DESTINATION_RULE_EXTRA_SUBSETS,
            edit(
                SUBSET_LEVEL,
                "  - name: canary\n    labels: {app: app}\n",
                "  - name: canary\n"
                    + "    labels: {app: app}\n"
                    + "  - name: legacy\n"
                    + "    labels: {app: app}\n"),
            "DestinationRule shop/app-destrule",
            "spec.subsets[2]",
            "subset 'legacy' will be dropped: the Argo controller manages this DestinationRule for"
                + " Rollout app and keeps only subsets [canary, stable]"),
        Arguments.of(
            IstioRules.SUBSET_SELECTS_ROLLOUT_PODS,
            edit(
                SUBSET_LEVEL,
                "  - name: canary\n    labels: {app: app}\n",
                "  - name: canary\n    labels: {app: app, version: v2}\n"),
            "DestinationRule shop/app-destrule",
            "spec.subsets[1].labels.version",
            "The Subset canary defined in the DestinationRule does not select any pods of Rollout"
                + " app: its pods have version=null, not v2"));
  }

  @ParameterizedTest(name = "{0}: {4}")
  @MethodSource("defects")
  void should_report_the_defect_with_upstreams_message_at_the_field(
      Rule rule, String yaml, String resource, String path, String message) {
    List<Finding> findings = rule.check(set(yaml));
    assertThat(findings).as("%s findings", rule.id()).isNotEmpty();
    Finding f = findings.get(0);
    assertThat(f.rule()).isEqualTo(rule.id());
    assertThat(f.severity()).isEqualTo(rule.severity());
    assertThat(f.resource()).isEqualTo(resource);
    assertThat(f.path()).isEqualTo(path);
    assertThat(f.message()).isEqualTo(message);
    assertThat(f.hint()).isPresent();
  }

  static Stream<Rule> rules() {
    return IstioRules.list().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void should_pass_consistent_subset_and_host_level_sets(Rule rule) {
    assertThat(rule.check(set(SUBSET_LEVEL))).isEmpty();
    assertThat(rule.check(set(HOST_LEVEL))).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void should_describe_itself(Rule rule) {
    assertThat(rule.id()).matches("(ISTIO|ARGO-ISTIO)-[A-Z0-9-]+");
    assertThat(rule.title()).isNotBlank();
    assertThat(rule.rationale()).hasSizeGreaterThan(40);
  }

  @Test
  void should_have_a_failing_case_for_every_rule() {
    List<String> tested = defects().map(a -> ((Rule) a.get()[0]).id()).distinct().toList();
    assertThat(tested)
        .containsExactlyInAnyOrderElementsOf(IstioRules.list().stream().map(Rule::id).toList());
  }

  @Test
  void should_report_mesh_conflicts_on_both_virtual_services() {
    String yaml =
        SUBSET_LEVEL
            + "---\n"
            + "apiVersion: networking.istio.io/v1\n"
            + "kind: VirtualService\n"
            + "metadata: {name: dup, namespace: shop}\n"
            + "spec:\n"
            + "  hosts: [app]\n"
            + "  http:\n"
            + "  - route:\n"
            + "    - destination: {host: app}\n";
    assertThat(IstioRules.MESH_HOST_CONFLICT.check(set(yaml)))
        .extracting(Finding::name)
        .containsExactly("app-vsvc", "dup");
    String onGateway =
        yaml.replace(
            "  hosts: [app]\n  http:",
            "  hosts: [app]\n  gateways: [istio-system/public]\n  http:");
    assertThat(IstioRules.MESH_HOST_CONFLICT.check(set(onGateway)))
        .as("a gateway-bound VirtualService is merged, not conflicting")
        .isEmpty();
  }

  @Test
  void should_count_the_labels_argo_puts_on_canary_and_stable_pods() {
    String versioned =
        edit(
            edit(
                SUBSET_LEVEL,
                "  - name: stable\n"
                    + "    labels: {app: app}\n"
                    + "  - name: canary\n"
                    + "    labels: {app: app}\n",
                "  - name: stable\n    labels: {app: app, role: stable}\n  - name: canary\n"
                    + "    labels: {app: app, role: canary}\n"),
            "      trafficRouting:\n",
            "      canaryMetadata: {labels: {role: canary}}\n"
                + "      stableMetadata: {labels: {role: stable}}\n"
                + "      trafficRouting:\n");
    assertThat(IstioRules.SUBSET_SELECTS_ROLLOUT_PODS.check(set(versioned))).isEmpty();
    assertThat(
            IstioRules.SUBSET_SELECTS_ROLLOUT_PODS.check(
                set(
                    versioned.replace(
                        "canaryMetadata: {labels: {role: canary}}", "canaryMetadata: {}"))))
        .extracting(Finding::path)
        .containsExactly("spec.subsets[1].labels.role");
  }

  @Test
  void should_warn_that_a_host_outside_a_set_without_services_must_exist_in_the_cluster() {
    String withoutService =
        SUBSET_LEVEL.replaceFirst("(?s)apiVersion: v1\nkind: Service.*?---\n", "");
    assertThat(IstioRules.HOST_NOT_FOUND.check(set(withoutService)))
        .isNotEmpty()
        .allSatisfy(
            f -> {
              assertThat(f.severity()).isEqualTo(Severity.WARNING);
              assertThat(f.message()).contains("it must exist in the cluster");
            });
    assertThat(
            IstioRules.HOST_NOT_FOUND.check(
                set(withoutService)
                    .withThresholds(
                        dev.rolloutkit.rules.Thresholds.defaults().withAssumeComplete(true))))
        .isNotEmpty()
        .allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
  }

  @Test
  void should_not_report_external_hosts_as_missing() {
    String yaml =
        edit(
            SUBSET_LEVEL,
            "  - name: primary\n",
            "  - name: primary\n    mirror: {host: shadow.example.com}\n");
    assertThat(IstioRules.HOST_NOT_FOUND.check(set(yaml))).isEmpty();
    assertThat(IstioRules.HOST_NOT_FQDN.check(set(yaml))).isEmpty();
  }

  @Test
  void should_contribute_every_istio_rule_to_the_catalogue() {
    assertThat(RuleSet.all().ids()).containsAll(IstioRules.list().stream().map(Rule::id).toList());
  }

  @Test
  void should_let_users_disable_rules_and_change_severities() {
    ResourceSet broken = set(edit(SUBSET_LEVEL, "  host: app\n", "  host: ap\n"));
    RuleSet rules = IstioRules.all().withSeverity("ISTIO-DR-HOST-UNKNOWN", Severity.ERROR);
    assertThat(rules.evaluate(broken).findings("ISTIO-DR-HOST-UNKNOWN"))
        .extracting(Finding::severity)
        .containsExactly(Severity.ERROR);
    assertThat(
            rules
                .without("ISTIO-DR-HOST-UNKNOWN")
                .evaluate(broken)
                .findings("ISTIO-DR-HOST-UNKNOWN"))
        .isEmpty();
  }

  @Test
  void should_read_every_fixture_typed() {
    for (HasMetadata r : set(SUBSET_LEVEL + "---\n" + HOST_LEVEL).all()) {
      assertThat(r.getClass().getName()).doesNotContain("GenericKubernetesResource");
    }
  }
}
