package dev.rolloutkit.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rolloutkit.profile.CanaryProfile;
import dev.rolloutkit.profile.CanaryStep;
import dev.rolloutkit.profile.ExperimentTemplate;
import dev.rolloutkit.profile.InvalidProfileException;
import dev.rolloutkit.simulation.RolloutSimulation;
import dev.rolloutkit.simulation.Scenario;
import dev.rolloutkit.traffic.TrafficRouter;
import org.junit.jupiter.api.Test;

/** setCanaryScale steps and a background gate, from the profile to the Rollout. */
class StepTypesTest {

  static final CanaryProfile WARM_UP =
      CanaryProfile.builder()
          .name("warm-up")
          .addSteps(
              CanaryStep.setCanaryScale(1),
              CanaryStep.pause("1m"),
              CanaryStep.setCanaryScaleWeight(50),
              CanaryStep.setWeight(10),
              CanaryStep.pause("1m"),
              CanaryStep.matchTrafficWeight(),
              CanaryStep.setWeight(50),
              CanaryStep.analysis("canary-health-check"),
              CanaryStep.setWeight(100))
          .backgroundGate("canary-health-check")
          .backgroundStartingStep(3)
          .build();

  @Test
  void should_describe_and_compile_set_canary_scale_and_a_background_gate() {
    assertThat(WARM_UP.toString())
        .isEqualTo(
            "warm-up: scale(1 pods) → 1m → scale(50%) → 10% → 1m → scale(match traffic) → 50% →"
                + " gate(canary-health-check) → 100%, background gate(canary-health-check) from"
                + " step 3");
    assertThat(WARM_UP.gates()).containsExactly("canary-health-check");
    CanaryStack stack =
        CanaryStack.ml("bankchurn")
            .namespace("ml")
            .image("bankchurn:3.2.0")
            .profile(WARM_UP)
            .build();
    assertThat(stack.toYaml())
        .contains("      - setCanaryScale:\n          replicas: 1\n")
        .contains("      - setCanaryScale:\n          weight: 50\n")
        .contains("      - setCanaryScale:\n          matchTrafficWeight: true\n")
        .contains(
            "      analysis:\n"
                + "        args:\n"
                + "        - name: canary-hash\n"
                + "          valueFrom:\n"
                + "            podTemplateHashValue: Latest\n"
                + "        startingStep: 3\n"
                + "        templates:\n"
                + "        - templateName: canary-health-check\n");
  }

  @Test
  void should_simulate_the_scaled_canary_and_the_background_gate() {
    CanaryStack stack =
        CanaryStack.ml("bankchurn")
            .namespace("ml")
            .image("bankchurn:3.2.0")
            .profile(WARM_UP)
            .build();
    RolloutSimulation.Report report =
        RolloutSimulation.of(stack.resources())
            .with(
                Scenario.parse(
                    "bad.yaml",
                    "metrics:\n  error-rate: {value: 0.2}\n  p95-latency: {value: 0.1}\n"
                        + "  prediction-drift: {value: 0.1}\n"))
            .run();
    assertThat(report.outcome()).isEqualTo(RolloutSimulation.Outcome.ABORTED);
    assertThat(report.reason()).startsWith("Background analysis phase failed: ");
    assertThat(report.timeline())
        .filteredOn(p -> p.seconds() == 0 && p.weight() == 0)
        .extracting(RolloutSimulation.Point::canaryReplicas)
        .contains(1);
  }

  @Test
  void should_refuse_set_canary_scale_without_traffic_routing_and_bad_values() {
    assertThatThrownBy(
            () ->
                CanaryStack.ml("bankchurn")
                    .namespace("ml")
                    .image("bankchurn:3.2.0")
                    .profile(WARM_UP)
                    .traffic(TrafficRouter.none())
                    .build())
        .hasMessageContaining(
            "profile.steps[0]: setCanaryScale needs traffic routing; without it Argo ignores the"
                + " step");
    assertThatThrownBy(
            () ->
                CanaryProfile.of(
                        "bad",
                        CanaryStep.setCanaryScale(-1),
                        CanaryStep.setCanaryScaleWeight(150),
                        CanaryStep.setWeight(100))
                    .withBackgroundGate("g", 7))
        .isInstanceOf(InvalidProfileException.class)
        .hasMessageContaining("steps[0]: setCanaryScale replicas must be 0 or more, got -1")
        .hasMessageContaining("steps[1]: setCanaryScale weight 150 is outside 0..100");
    assertThatThrownBy(
            () -> CanaryProfile.of("bad", CanaryStep.setWeight(100)).withBackgroundGate("g", 7))
        .hasMessageContaining("backgroundStartingStep: 7 is not a step (0..0)");
  }

  @Test
  void should_compile_and_simulate_the_scale_down_knobs() {
    CanaryProfile keep =
        CanaryProfile.builder().from(CanaryProfile.ml()).abortScaleDownDelaySeconds(60).build();
    assertThat(keep.toString()).endsWith(", abort scale-down delay 60s");
    CanaryStack stack =
        CanaryStack.ml("bankchurn").namespace("ml").image("bankchurn:3.2.0").profile(keep).build();
    assertThat(stack.toYaml()).contains("      abortScaleDownDelaySeconds: 60\n");
    RolloutSimulation.Report report =
        RolloutSimulation.of(stack.resources())
            .with(
                Scenario.parse(
                    "bad.yaml",
                    "metrics:\n  error-rate: {value: 0.2}\n  p95-latency: {value: 0.1}\n"
                        + "  prediction-drift: {value: 0.1}\n"))
            .run();
    var last = report.timeline().get(report.timeline().size() - 1);
    assertThat(last.seconds() - report.seconds()).as("the canary kept 60 s").isEqualTo(60);
    assertThatThrownBy(
            () ->
                CanaryProfile.builder()
                    .from(CanaryProfile.ml())
                    .dynamicStableScale(true)
                    .scaleDownDelaySeconds(30)
                    .build())
        .hasMessageContaining(
            "dynamicStableScale: Canary dynamicStableScale cannot be used with"
                + " scaleDownDelaySeconds");
    assertThatThrownBy(
            () ->
                CanaryStack.ml("bankchurn")
                    .namespace("ml")
                    .image("bankchurn:3.2.0")
                    .profile(
                        CanaryProfile.builder()
                            .from(CanaryProfile.ml())
                            .dynamicStableScale(true)
                            .build())
                    .traffic(TrafficRouter.none())
                    .build())
        .hasMessageContaining("dynamicStableScale can only be used with traffic routing");
  }

  static final CanaryProfile BASELINE_VS_CANARY =
      CanaryProfile.of(
          "compare",
          CanaryStep.experiment(
                  java.time.Duration.ofMinutes(10),
                  ExperimentTemplate.stable("baseline"),
                  ExperimentTemplate.canary("canary").withReplicas(2))
              .withAnalysis("canary-health-check"),
          CanaryStep.setWeight(20),
          CanaryStep.plugin("acme/notify", java.util.Map.of("channel", "#releases")),
          CanaryStep.setWeight(100));

  @Test
  void should_describe_and_compile_an_experiment_and_a_plugin_step() {
    assertThat(BASELINE_VS_CANARY.toString())
        .isEqualTo(
            "compare: experiment(baseline=stable, canary=canary ×2 for 10m,"
                + " gate(canary-health-check)) → 20% → plugin(acme/notify) → 100%");
    assertThat(BASELINE_VS_CANARY.gates()).containsExactly("canary-health-check");
    CanaryStack stack =
        CanaryStack.ml("bankchurn")
            .namespace("ml")
            .image("bankchurn:3.2.0")
            .traffic(TrafficRouter.none())
            .profile(BASELINE_VS_CANARY)
            .build();
    assertThat(stack.toYaml())
        .contains(
            "      - experiment:\n"
                + "          analyses:\n"
                + "          - args:\n"
                + "            - name: canary-hash\n"
                + "              value: '{{templates.canary.podTemplateHash}}'\n"
                + "            name: canary-health-check\n"
                + "            templateName: canary-health-check\n"
                + "          duration: 10m\n"
                + "          templates:\n"
                + "          - name: baseline\n"
                + "            specRef: stable\n"
                + "          - name: canary\n"
                + "            replicas: 2\n"
                + "            specRef: canary\n")
        .contains(
            "      - plugin:\n"
                + "          config:\n"
                + "            channel: '#releases'\n"
                + "          name: acme/notify\n")
        .contains("kind: AnalysisTemplate\n");
  }

  @Test
  void
      should_refuse_experiment_weights_where_argo_refuses_them_and_report_every_experiment_problem() {
    CanaryProfile weighted =
        CanaryProfile.of(
            "weighted",
            CanaryStep.experiment(
                    java.time.Duration.ofMinutes(5), ExperimentTemplate.canary("c").withWeight(5))
                .withAnalysis("canary-health-check"),
            CanaryStep.setWeight(100));
    assertThatThrownBy(
            () ->
                CanaryStack.ml("bankchurn")
                    .namespace("ml")
                    .image("bankchurn:3.2.0")
                    .traffic(TrafficRouter.none())
                    .profile(weighted)
                    .build())
        .hasMessageContaining(
            "steps[0].experiment: Experiment template weight cannot be set unless TrafficRouting"
                + " is enabled");
    assertThatThrownBy(
            () ->
                CanaryStack.ml("bankchurn")
                    .namespace("ml")
                    .image("bankchurn:3.2.0")
                    .profile(weighted)
                    .build())
        .hasMessageContaining(
            "Experiment template weight is only available for TrafficRouting with SMI, ALB,");
    assertThatThrownBy(
            () ->
                CanaryProfile.of(
                    "bad",
                    CanaryStep.experiment(
                            ExperimentTemplate.stable("x").withReplicas(-1).withWeight(70),
                            ExperimentTemplate.canary("x").withWeight(101))
                        .withAnalysis("g")
                        .withAnalysis("g"),
                    CanaryStep.experiment(),
                    CanaryStep.plugin(" ", java.util.Map.of()),
                    CanaryStep.setWeight(100)))
        .isInstanceOf(InvalidProfileException.class)
        .hasMessageContaining("steps[0]: experiment repeats template name 'x'")
        .hasMessageContaining(
            "steps[0]: experiment templates[0] replicas must be 0 or more, got -1")
        .hasMessageContaining("steps[0]: experiment templates[1] weight 101 is outside 0..100")
        .hasMessageContaining("steps[0]: experiment weights add up to 171%, more than all the")
        .hasMessageContaining("steps[0]: experiment runs gate 'g' twice")
        .hasMessageContaining(
            "steps[0]: experiment has neither a duration nor a required gate, so it never ends")
        .hasMessageContaining("steps[1]: experiment runs no templates")
        .hasMessageContaining("steps[2]: plugin step names no plugin");
    assertThatThrownBy(
            () ->
                CanaryProfile.of(
                    "bad",
                    CanaryStep.experiment("60", ExperimentTemplate.canary("c")),
                    CanaryStep.setWeight(100)))
        .hasMessageContaining(
            "steps[0]: experiment duration '60' is not a positive Go duration such as 90s");
  }

  @Test
  void should_run_an_experiment_until_its_required_gate_completes_without_a_duration() {
    CanaryProfile profile =
        CanaryProfile.of(
            "until-analysed",
            CanaryStep.experiment(ExperimentTemplate.stable("baseline"))
                .withRequiredAnalysis("canary-health-check"),
            CanaryStep.setWeight(100));
    String yaml =
        CanaryStack.ml("bankchurn")
            .namespace("ml")
            .image("bankchurn:3.2.0")
            .traffic(TrafficRouter.none())
            .profile(profile)
            .build()
            .toYaml();
    // no canary template: the gate judges the rollout's canary pods
    assertThat(yaml)
        .contains(
            "          - args:\n"
                + "            - name: canary-hash\n"
                + "              valueFrom:\n"
                + "                podTemplateHashValue: Latest\n"
                + "            name: canary-health-check\n"
                + "            requiredForCompletion: true\n")
        .doesNotContain("duration:");
  }

  @Test
  void should_refuse_to_simulate_experiment_and_plugin_steps_by_name() {
    CanaryStack stack =
        CanaryStack.ml("bankchurn")
            .namespace("ml")
            .image("bankchurn:3.2.0")
            .traffic(TrafficRouter.none())
            .profile(BASELINE_VS_CANARY)
            .build();
    assertThatThrownBy(
            () ->
                RolloutSimulation.of(stack.resources())
                    .with(Scenario.parse("s.yaml", "metrics:\n  error-rate: {value: 0.01}\n"))
                    .run())
        .hasMessage("cannot simulate: experiment steps (step 0)");
    CanaryStack plugin =
        CanaryStack.ml("bankchurn")
            .namespace("ml")
            .image("bankchurn:3.2.0")
            .profile(
                CanaryProfile.of(
                    "notify",
                    CanaryStep.setWeight(50),
                    CanaryStep.plugin("acme/notify", java.util.Map.of()),
                    CanaryStep.setWeight(100)))
            .build();
    assertThatThrownBy(
            () ->
                RolloutSimulation.of(plugin.resources())
                    .with(Scenario.parse("s.yaml", "metrics:\n  error-rate: {value: 0.01}\n"))
                    .run())
        .hasMessageStartingWith("cannot simulate: plugin steps (step 1)");
  }
}
