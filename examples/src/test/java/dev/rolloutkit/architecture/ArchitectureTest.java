package dev.rolloutkit.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import dev.rolloutkit.rules.Rule;
import dev.rolloutkit.traffic.TrafficRouter;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shape of the project, as tests: dependencies point one way (models ← core ← bridges ← command
 * line, examples and assertions), no package depends on itself through others, {@code internal}
 * packages stay inside their module, YAML enters and leaves through {@code dev.rolloutkit.manifest}
 * only, and every rule and router has the one shape of its concept.
 */
class ArchitectureTest {

  /** Every main class of every module, the generated models included; no test class. */
  static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .withImportOption(location -> !location.contains("-tests.jar"))
          .importPackages("dev.rolloutkit");

  static final String[] CORE = {
    "dev.rolloutkit",
    "dev.rolloutkit.analysis..",
    "dev.rolloutkit.lint..",
    "dev.rolloutkit.manifest..",
    "dev.rolloutkit.profile..",
    "dev.rolloutkit.rules..",
    "dev.rolloutkit.scaling..",
    "dev.rolloutkit.stack..",
    "dev.rolloutkit.traffic.."
  };

  @Test
  void should_point_dependencies_from_models_to_core_to_bridges_to_the_command_line() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("Models")
        .definedBy("dev.rolloutkit.argo..", "dev.rolloutkit.keda..")
        .layer("Core")
        .definedBy(CORE)
        .layer("Bridges")
        .definedBy("dev.rolloutkit.istio..")
        .layer("Command line")
        .definedBy("dev.rolloutkit.cli..")
        .layer("Assertions")
        .definedBy("dev.rolloutkit.assertj..")
        .layer("Examples")
        .definedBy("dev.rolloutkit.examples..")
        .whereLayer("Models")
        .mayOnlyBeAccessedByLayers("Core", "Bridges", "Command line", "Assertions", "Examples")
        .whereLayer("Core")
        .mayOnlyBeAccessedByLayers("Bridges", "Command line", "Assertions", "Examples")
        .whereLayer("Bridges")
        .mayOnlyBeAccessedByLayers("Command line", "Examples")
        .whereLayer("Command line")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("Assertions")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("Examples")
        .mayNotBeAccessedByAnyLayer()
        .because(
            "the models know nothing of policy, and the policy layer nothing of a particular mesh"
                + " or the command line")
        .check(CLASSES);
  }

  @Test
  void should_have_no_package_cycles() {
    slices()
        .matching("dev.rolloutkit.(**)")
        .should()
        .beFreeOfCycles()
        .because(
            "a package that depends on itself through others cannot be understood or replaced"
                + " alone")
        .check(CLASSES);
  }

  @Test
  void should_keep_internal_packages_inside_their_module() {
    classes()
        .should(
            new ArchCondition<JavaClass>("use internal packages of their own module only") {
              @Override
              public void check(JavaClass origin, ConditionEvents events) {
                for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                  String target = d.getTargetClass().getPackageName();
                  int at = target.indexOf(".internal");
                  if (at > 0 && !origin.getPackageName().startsWith(target.substring(0, at))) {
                    events.add(SimpleConditionEvent.violated(origin, d.getDescription()));
                  }
                }
              }
            })
        .because(
            "an internal package is not part of any public API and may change with every release")
        .check(CLASSES);
  }

  @Test
  void should_expose_no_internal_type_in_a_public_signature() {
    classes()
        .that()
        .arePublic()
        .and()
        .resideOutsideOfPackage("..internal..")
        .should(
            new ArchCondition<JavaClass>("show no internal type in their public API") {
              @Override
              public void check(JavaClass c, ConditionEvents events) {
                Stream.concat(c.getRawSuperclass().stream(), c.getRawInterfaces().stream())
                    .filter(ArchitectureTest::internal)
                    .forEach(
                        t ->
                            events.add(
                                SimpleConditionEvent.violated(
                                    c, c.getName() + " extends " + t.getName())));
                for (JavaMember m : c.getMembers()) {
                  if (!m.getModifiers().contains(JavaModifier.PUBLIC)
                      && !m.getModifiers().contains(JavaModifier.PROTECTED)) {
                    continue;
                  }
                  Set<JavaClass> types = new java.util.HashSet<>();
                  if (m instanceof JavaField field) {
                    types.add(field.getRawType());
                  } else if (m instanceof JavaCodeUnit unit) {
                    types.add(unit.getRawReturnType());
                    types.addAll(unit.getRawParameterTypes());
                  }
                  types.stream()
                      .filter(ArchitectureTest::internal)
                      .forEach(
                          t ->
                              events.add(
                                  SimpleConditionEvent.violated(
                                      m, m.getFullName() + " shows " + t.getName())));
                }
              }
            })
        .because("internal packages are not exported: users must never need one to call the API")
        .check(CLASSES);
  }

  private static boolean internal(JavaClass type) {
    return type.getPackageName().contains(".internal");
  }

  @Test
  void should_read_and_write_yaml_only_through_the_manifest_seam() {
    noClasses()
        .that()
        .resideOutsideOfPackages("dev.rolloutkit.manifest..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.snakeyaml..", "org.yaml..", "com.fasterxml.jackson.dataformat.yaml..")
        .orShould()
        .callMethodWhere(yamlOrJsonText())
        .because(
            "YAML enters through Manifests.read and leaves through Manifests.toYaml/write, where"
                + " go-yaml's reading is kept")
        .check(CLASSES);
  }

  @Test
  void should_give_every_rule_one_shape_a_final_package_private_class() {
    ArchRule rule =
        classes()
            .that()
            .implement(Rule.class)
            .and()
            .doNotHaveModifier(JavaModifier.ABSTRACT)
            .and()
            .resideOutsideOfPackage("dev.rolloutkit.examples..")
            .should()
            .haveModifier(JavaModifier.FINAL)
            .andShould()
            .notBePublic()
            .andShould()
            .resideInAPackage("..rules")
            .because(
                "a rule is found through its catalogue constant or RuleSet.all(), never constructed"
                    + " by users");
    rule.check(CLASSES);
  }

  @Test
  void should_give_every_traffic_router_one_shape_a_service_found_by_the_registry() {
    classes()
        .that()
        .implement(TrafficRouter.class)
        .and()
        .doNotHaveModifier(JavaModifier.ABSTRACT)
        .should()
        .haveModifier(JavaModifier.FINAL)
        .because("routers are found by TrafficRouter.find(name) through META-INF/services")
        .check(CLASSES);
  }

  /** fabric8's own text reading and writing (its {@code clone}, a deep copy, is not text). */
  private static DescribedPredicate<JavaMethodCall> yamlOrJsonText() {
    Set<String> owners =
        Set.of(
            "io.fabric8.kubernetes.client.utils.Serialization",
            "io.fabric8.kubernetes.client.utils.KubernetesSerialization");
    Set<String> methods = Set.of("asYaml", "asJson", "unmarshal", "convertValue");
    return DescribedPredicate.describe(
        "fabric8 Serialization's text methods " + methods,
        call ->
            owners.contains(call.getTargetOwner().getName()) && methods.contains(call.getName()));
  }
}
