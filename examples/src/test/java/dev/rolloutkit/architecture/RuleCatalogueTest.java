package dev.rolloutkit.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import dev.rolloutkit.rules.Rule;
import dev.rolloutkit.rules.RuleSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The rule catalogue describes itself: every rule class of every module is in {@link
 * RuleSet#all()}, and every rule says why in words a user can follow up, naming the upstream
 * function, docs page or analyzer that decides the same.
 */
class RuleCatalogueTest {

  /**
   * An upstream source file ({@code validation.go}), a docs page ({@code Argo docs:
   * features/analysis}), an istioctl analyzer code ({@code IST0101}) or an upstream issue ({@code
   * kedacore/keda#2314}).
   */
  private static final Pattern UPSTREAM =
      Pattern.compile("\\b[\\w/]+\\.go\\b|\\bdocs: \\S|\\bIST0\\d{3}\\b|\\b[\\w-]+/[\\w-]+#\\d+");

  /** Rules about rolloutkit itself, with no upstream to name. */
  private static final Set<String> OWN = Set.of("LINT-UNKNOWN-KIND");

  @Test
  void should_register_every_rule_class_of_every_module() {
    Set<String> classes =
        ArchitectureTest.CLASSES.stream()
            .filter(
                c ->
                    c.isAssignableTo(Rule.class)
                        && !c.getModifiers().contains(JavaModifier.ABSTRACT)
                        && !c.isInterface())
            .map(JavaClass::getName)
            .collect(Collectors.toCollection(java.util.TreeSet::new));
    Set<String> registered =
        RuleSet.all().rules().stream()
            .map(r -> r.getClass().getName())
            .collect(Collectors.toCollection(java.util.TreeSet::new));
    assertThat(registered).containsExactlyElementsOf(classes);
  }

  @Test
  void should_name_the_upstream_decision_in_every_rationale() {
    List<String> vague =
        RuleSet.all().rules().stream()
            .filter(r -> !OWN.contains(r.id()) && !UPSTREAM.matcher(r.rationale()).find())
            .map(r -> r.id() + ": " + r.rationale())
            .toList();
    assertThat(vague)
        .as("rationales naming no upstream function, docs page, analyzer or issue")
        .isEmpty();
  }

  @Test
  void should_give_every_rule_a_unique_id_a_title_and_no_reference_to_project_notes() {
    assertThat(RuleSet.all().rules())
        .allSatisfy(
            r -> {
              assertThat(r.id()).matches("[A-Z]+(-[A-Z0-9]+)+");
              assertThat(r.title()).isNotBlank().doesNotEndWith(".");
              assertThat(r.rationale())
                  .doesNotContain(
                      "§",
                      "reference §",
                      "(reference",
                      "rule 1",
                      "rule 2",
                      "rule 3",
                      "rule 4",
                      "rule 5",
                      "rule 6",
                      "rule 7",
                      "rule 8",
                      "rule 9",
                      "keda.md",
                      "article");
            });
  }
}
