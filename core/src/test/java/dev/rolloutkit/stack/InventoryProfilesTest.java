package dev.rolloutkit.stack;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rolloutkit.InvalidSpecException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The inventory's own profiles refuse what rolloutkit's steps cannot say (every step kind, on
 * Istio, in InventoryGitOpsTest).
 */
class InventoryProfilesTest {

  @TempDir Path dir;

  StackSet read(String yaml) throws Exception {
    Path file = dir.resolve("inventory.yaml");
    Files.writeString(file, yaml);
    return Inventory.read(file);
  }

  @Test
  void should_refuse_what_rolloutkit_steps_cannot_say_naming_file_line_and_field()
      throws Exception {
    assertThatThrownBy(
            () ->
                read(
                    """
                    profiles:
                    - name: odd
                      steps:
                      - setWeight: 10
                        pause: {}
                      - setHeaderRoute: {name: r, match: [{headerName: x, headerValue: {regex: "a.*"}}]}
                      - analysis: {templates: [{templateName: g}], args: [{name: x, value: "1"}]}
                      - rollback: {}
                      - setWeight: 100
                    - name: mcp
                      base: ml
                      steps: [{setWeight: 100}]
                    services:
                    - {name: checkout, namespace: shop, image: "acme/checkout:2", profile: nope}
                    """))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessageContaining("inventory.yaml:2:3: base: required, a string (the preset, mcp, ml,")
        .hasMessageContaining("inventory.yaml:10:9: name: 'mcp' is a preset's name")
        .hasMessageContaining(
            "profile: unknown 'nope': expected one of mcp, ml, nlp, odd (a preset, or a profile of"
                + " the inventory's profiles)");
    assertThatThrownBy(
            () ->
                read(
                    """
                    profiles:
                    - name: odd
                      base: ml
                      steps:
                      - setWeight: 10
                        pause: {}
                      - setHeaderRoute: {name: r, match: [{headerName: x, headerValue: {regex: "a.*"}}]}
                      - analysis: {templates: [{templateName: canary-health-check}], args: []}
                      - rollback: {}
                      - setCanaryScale: {replicas: 2, weight: 50}
                      - setCanaryScale: {matchTrafficWeight: false}
                      - setWeight: 100
                    services:
                    - {name: checkout, namespace: shop, image: "acme/checkout:2", profile: odd}
                    """))
        .hasMessageContaining(
            "inventory.yaml:5:5: expected one of setWeight, pause, analysis, setCanaryScale,"
                + " setHeaderRoute, setMirrorRoute, experiment, plugin (one per step)")
        .hasMessageContaining(
            "inventory.yaml:7:38: match: rolloutkit's header routes take one match, {headerName:"
                + " H, headerValue: {exact: V}}")
        .hasMessageContaining("inventory.yaml:8:66: unknown key 'args' (expected templates)")
        .hasMessageContaining(
            "inventory.yaml:9:5: unknown step 'rollback' (expected setWeight, pause, analysis,")
        .hasMessageContaining(
            "inventory.yaml:10:21: setCanaryScale: expected one of replicas, weight or"
                + " matchTrafficWeight: true (Argo reads only one of them)")
        .hasMessageContaining("inventory.yaml:11:21: setCanaryScale: expected one of")
        .message()
        .doesNotContain("services[0]");
  }

  @Test
  void should_check_a_custom_profile_as_a_profile_and_its_stacks_as_stacks() {
    assertThatThrownBy(
            () ->
                read(
                    """
                    profiles:
                    - name: backwards
                      base: ml
                      steps: [{setWeight: 50}, {setWeight: 20}, {setWeight: 100}]
                    - name: major
                      base: ml
                      blueGreen: {prePromotionGate: bluegreen-validation, autoPromotionSeconds: -1}
                    services:
                    - {name: bankchurn, namespace: ml, image: "acme/bankchurn:4", profile: backwards}
                    """))
        .hasMessageContaining(
            "inventory.yaml:2:3: steps[1]: weight 20 does not increase on weight 50 at steps[0]")
        .hasMessageContaining(
            "inventory.yaml:5:3: autoPromotionSeconds: must be 0 or more, got -1");
  }
}
