package dev.rolloutkit.profile;

import static dev.rolloutkit.profile.CanaryStep.analysis;
import static dev.rolloutkit.profile.CanaryStep.pause;
import static dev.rolloutkit.profile.CanaryStep.pauseUntilPromoted;
import static dev.rolloutkit.profile.CanaryStep.setWeight;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CanaryProfileTest {

  @Test
  void should_define_the_mcp_preset_from_the_article() {
    assertThat(CanaryProfile.mcp().steps())
        .containsExactly(
            setWeight(10),
            pause("2m"),
            setWeight(30),
            analysis("mcp-success-rate"),
            setWeight(60),
            pause("2m"),
            setWeight(100));
    assertThat(CanaryProfile.mcp())
        .hasToString("mcp: 10% → 2m → 30% → gate(mcp-success-rate) → 60% → 2m → 100%");
  }

  @Test
  void should_define_the_ml_preset_from_adr_008() {
    assertThat(CanaryProfile.ml().steps())
        .containsExactly(
            setWeight(20),
            pause("60s"),
            analysis("canary-health-check"),
            setWeight(50),
            pause("120s"),
            analysis("canary-health-check"),
            setWeight(100));
    assertThat(CanaryProfile.ml().weights()).containsExactly(20, 50, 100);
  }

  @Test
  void should_define_the_nlp_preset_with_longer_pauses() {
    assertThat(CanaryProfile.nlp())
        .hasToString(
            "nlp: 10% → 3m → gate(canary-health-check) → 40% → 5m → gate(canary-health-check) →"
                + " 100%");
    assertThat(CanaryProfile.nlp().gates()).containsExactly("canary-health-check");
  }

  @Test
  void should_find_presets_by_name_and_reject_unknown_ones() {}

  @Test
  void should_build_user_defined_profiles_with_the_same_api() {
    CanaryProfile cautious =
        CanaryProfile.builder()
            .name("cautious")
            .addStep(setWeight(5))
            .addStep(pauseUntilPromoted())
            .addStep(analysis("mcp-success-rate"))
            .addStep(setWeight(100))
            .build();
    assertThat(cautious)
        .hasToString("cautious: 5% → pause(until promoted) → gate(mcp-success-rate) → 100%");
  }

  @Test
  void should_derive_from_a_preset_with_another_pause() {
    CanaryProfile slower = CanaryProfile.mcp().withPause(Duration.ofMinutes(5));
    assertThat(slower)
        .hasToString("mcp: 10% → 5m → 30% → gate(mcp-success-rate) → 60% → 5m → 100%");
    assertThat(CanaryProfile.mcp())
        .hasToString("mcp: 10% → 2m → 30% → gate(mcp-success-rate) → 60% → 2m → 100%");
  }

  @Test
  void should_derive_from_a_preset_with_another_gate() {
    assertThat(CanaryProfile.ml().withGate("bluegreen-validation").gates())
        .containsExactly("bluegreen-validation");
  }

  @Test
  void should_keep_pauses_until_promotion_when_changing_pause_durations() {
    CanaryProfile p =
        CanaryProfile.of("manual", setWeight(50), pauseUntilPromoted(), pause("1m"), setWeight(100))
            .withPause("30s");
    assertThat(p).hasToString("manual: 50% → pause(until promoted) → 30s → 100%");
  }

  @Test
  void should_list_every_problem_of_an_invalid_profile_with_its_step() {
    assertThatThrownBy(
            () ->
                CanaryProfile.of(
                    "broken",
                    setWeight(20),
                    setWeight(120),
                    setWeight(10),
                    pause("1d"),
                    pause("-1m"),
                    analysis(" "),
                    setWeight(60)))
        .isInstanceOf(InvalidProfileException.class)
        .asInstanceOf(type(InvalidProfileException.class))
        .extracting(InvalidProfileException::problems)
        .asList()
        .containsExactly(
            "steps[1]: weight 120 is outside 0..100",
            "steps[2]: weight 10 does not increase on weight 20 at steps[0]",
            "steps[3]: pause duration '1d' is neither integer seconds nor a Go duration such as"
                + " 90s, 2m or 1h30m (there is no d or w unit)",
            "steps[4]: pause duration '-1m' is negative",
            "steps[5]: analysis step names no gate",
            "steps[6]: the last weight is 60, not 100; Argo then promotes to 100% with no step in"
                + " between (end at 100, or set allowPartialFinalWeight)");
  }

  @Test
  void should_name_the_profile_and_every_problem_in_the_message() {
    assertThatThrownBy(() -> CanaryProfile.of("p", setWeight(50), setWeight(50)))
        .hasMessage(
            "canary profile 'p' is invalid:\n"
                + "  - steps[1]: weight 50 does not increase on weight 50 at steps[0]\n"
                + "  - steps[1]: the last weight is 50, not 100; Argo then promotes to 100% with no"
                + " step in between (end at 100, or set allowPartialFinalWeight)");
  }

  @Test
  void should_reject_empty_profiles_and_profiles_without_weights() {
    assertThatThrownBy(() -> CanaryProfile.of("empty"))
        .hasMessageContaining("steps: a profile needs at least one step");
    assertThatThrownBy(() -> CanaryProfile.of("waits", pause("1m")))
        .hasMessageContaining(
            "steps: no setWeight step; a profile ends by setting the weight to 100");
  }

  @Test
  void should_allow_a_partial_final_weight_when_asked() {
    CanaryProfile p =
        CanaryProfile.builder()
            .name("half")
            .addSteps(setWeight(25), setWeight(50))
            .allowPartialFinalWeight(true)
            .build();
    assertThat(p.weights()).containsExactly(25, 50);
  }

  @Test
  void should_accept_integer_seconds_and_zero_pauses() {
    assertThat(
            CanaryProfile.of("ints", setWeight(10), pause("30"), pause("0"), setWeight(100))
                .steps())
        .hasSize(4);
  }
}
