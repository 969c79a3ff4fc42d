package dev.rolloutkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolloutkit.stack.Preset;
import dev.rolloutkit.testing.Golden;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every preset renders from the command line as its golden file {@code
 * golden/render-<preset>.yaml}, with its own default router and scaling; a new preset fails here
 * until its golden file is written ({@code -Drolloutkit.golden.update=true}) and reviewed.
 */
class PresetGoldenTest {

  @ParameterizedTest(name = "{0}")
  @EnumSource(Preset.class)
  void should_render_every_preset_as_its_golden_file(Preset preset) throws Exception {
    RenderCommandTest.Result r =
        RenderCommandTest.run(
            "render",
            preset.id(),
            "--name",
            "demo",
            "--namespace",
            "shop",
            "--image",
            "ghcr.io/acme/demo:1.0.0");
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
    Golden.assertMatches(r.out(), "render-" + preset.id() + ".yaml");
  }
}
