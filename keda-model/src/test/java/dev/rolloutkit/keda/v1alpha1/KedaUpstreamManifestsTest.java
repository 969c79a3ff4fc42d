package dev.rolloutkit.keda.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rolloutkit.argo.UnknownFields;
import dev.rolloutkit.testing.Manifests;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every upstream KEDA example and sample reads typed, with no field unknown to the model, and
 * writes back to the same tree. The ScaledJob sample is left out: its {@code template:} is null,
 * which upstream's own schema rejects.
 */
class KedaUpstreamManifestsTest {

  static Stream<Path> manifests() {
    Path keda = Manifests.crdsDir().resolve("keda");
    List<Path> examples = Manifests.yamlFiles(keda.resolve("examples"));
    List<Path> samples = Manifests.yamlFiles(keda.resolve("samples"));
    assertThat(examples).as("upstream examples").hasSizeGreaterThanOrEqualTo(16);
    assertThat(samples).as("upstream samples").hasSizeGreaterThanOrEqualTo(6);
    return Stream.concat(examples.stream(), samples.stream())
        .filter(p -> !p.getFileName().toString().equals("keda_v1alpha1_scaledjob.yaml"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("manifests")
  void should_round_trip_upstream_manifest(Path manifest) {
    List<JsonNode> documents = Manifests.documents(manifest);
    assertThat(documents).isNotEmpty();
    for (JsonNode document : documents) {
      HasMetadata typed = Manifests.assertRoundTrip(document, manifest.toString());
      assertThat(typed.getClass().getPackageName()).startsWith("dev.rolloutkit.keda.");
      assertThat(UnknownFields.in(typed))
          .as("%s: fields unknown to the v2.20.2 model", manifest.getFileName())
          .isEmpty();
    }
  }
}
