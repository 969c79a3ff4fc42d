package dev.rolloutkit.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rolloutkit.manifest.SourceLocation;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import org.junit.jupiter.api.Test;

/** The rule engine: rules describe themselves, every finding is collected, and sets compose. */
class RuleSetTest {

  /** Reports every ConfigMap without data; a stand-in rule for testing the engine. */
  static final class EmptyConfigMap extends AbstractRule {
    EmptyConfigMap() {
      super(
          "TEST-EMPTY-CONFIGMAP",
          Severity.WARNING,
          "ConfigMaps carry data",
          "an empty ConfigMap configures nothing");
    }

    @Override
    protected void visit(ResourceSet resources, Findings findings) {
      for (ConfigMap cm : resources.ofType(ConfigMap.class)) {
        if (cm.getData() == null || cm.getData().isEmpty()) {
          findings.add(cm, "data", "ConfigMap has no data", "add data or delete it");
        }
      }
    }
  }

  static final class NamedDefault extends AbstractRule {
    NamedDefault() {
      super("TEST-NAMED-DEFAULT", Severity.ERROR, "Nothing is called default", "confusing");
    }

    @Override
    protected void visit(ResourceSet resources, Findings findings) {
      resources.all().stream()
          .filter(r -> "default".equals(r.getMetadata().getName()))
          .forEach(r -> findings.add(r, "metadata.name", "named default", null));
    }
  }

  private static HasMetadata cm(String name, String namespace, boolean data) {
    ConfigMapBuilder b =
        new ConfigMapBuilder()
            .withNewMetadata()
            .withName(name)
            .withNamespace(namespace)
            .endMetadata();
    return data ? b.addToData("k", "v").build() : b.build();
  }

  private static final ResourceSet SET =
      ResourceSet.of(cm("a", "ns", false), cm("default", null, false), cm("b", "ns", true));

  @Test
  void should_collect_every_finding_of_every_rule_in_rule_order() {
    ValidationReport report = RuleSet.of(new EmptyConfigMap(), new NamedDefault()).evaluate(SET);
    assertThat(report.findings())
        .extracting(Finding::toString)
        .containsExactly(
            "warning [TEST-EMPTY-CONFIGMAP] ConfigMap ns/a data: ConfigMap has no data (hint: add"
                + " data or delete it)",
            "warning [TEST-EMPTY-CONFIGMAP] ConfigMap default data: ConfigMap has no data (hint:"
                + " add data or delete it)",
            "error [TEST-NAMED-DEFAULT] ConfigMap default metadata.name: named default");
    assertThat(report.hasErrors()).isTrue();
    assertThat(report.errors()).hasSize(1);
    assertThat(report.findings("TEST-EMPTY-CONFIGMAP")).hasSize(2);
  }

  @Test
  void should_disable_rules_and_override_severities_without_changing_the_original_set() {
    RuleSet rules = RuleSet.of(new EmptyConfigMap(), new NamedDefault());
    RuleSet quiet =
        rules.without("TEST-NAMED-DEFAULT").withSeverity("TEST-EMPTY-CONFIGMAP", Severity.INFO);
    assertThat(quiet.evaluate(SET).findings())
        .extracting(Finding::severity)
        .containsOnly(Severity.INFO)
        .hasSize(2);
    assertThat(quiet.evaluate(SET).hasErrors()).isFalse();
    assertThat(rules.evaluate(SET).hasErrors()).isTrue();
  }

  @Test
  void should_reject_unknown_and_duplicate_rule_ids() {
    RuleSet rules = RuleSet.of(new EmptyConfigMap());
    assertThatThrownBy(() -> rules.without("TEST-EMPTY-CONFIGMAPS"))
        .hasMessage(
            "no rule with id 'TEST-EMPTY-CONFIGMAPS' in this set; known: [TEST-EMPTY-CONFIGMAP]");
    assertThatThrownBy(() -> RuleSet.of(new EmptyConfigMap(), new EmptyConfigMap()))
        .hasMessage("two rules with id TEST-EMPTY-CONFIGMAP");
    assertThat(rules.and(RuleSet.of(new NamedDefault())).ids())
        .containsExactly("TEST-EMPTY-CONFIGMAP", "TEST-NAMED-DEFAULT");
  }

  @Test
  void should_locate_findings_in_files_when_resources_came_from_files() {
    ResourceSet located =
        ResourceSet.read(
            dev.rolloutkit.manifest.Manifests.read(
                "deploy/a.yaml",
                "apiVersion: v1\n"
                    + "kind: ConfigMap\n"
                    + "metadata:\n"
                    + "  name: a\n"
                    + "  namespace: ns\n"
                    + "data: {}\n"));
    Finding f = new EmptyConfigMap().check(located).get(0);
    assertThat(f.location()).contains(SourceLocation.of("deploy/a.yaml", 6, 1));
    assertThat(f)
        .hasToString(
            "warning [TEST-EMPTY-CONFIGMAP] ConfigMap ns/a data (deploy/a.yaml:6:1): ConfigMap has"
                + " no data (hint: add data or delete it)");
  }

  @Test
  void should_describe_a_rule_in_one_line() {
    assertThat(new NamedDefault())
        .hasToString("TEST-NAMED-DEFAULT (error): Nothing is called default");
    assertThat(Severity.of("Warning")).isEqualTo(Severity.WARNING);
    assertThatThrownBy(() -> Severity.of("fatal"))
        .hasMessage("unknown severity 'fatal': expected error, warning or info");
  }
}
