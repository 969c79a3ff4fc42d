package dev.rolloutkit.argo.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rolloutkit.argo.UnknownFields;
import dev.rolloutkit.testing.Manifests;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Real manifests read typed, written back, and read again give the tree they started as. */
class ArgoManifestRoundTripTest {

  static Stream<Path> manifests() throws Exception {
    return Manifests.yamlFiles(
        Paths.get(ArgoManifestRoundTripTest.class.getResource("/manifests").toURI()))
        .stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("manifests")
  void should_round_trip_without_changing_the_tree(Path manifest) {
    List<JsonNode> documents = Manifests.documents(manifest);
    assertThat(documents).isNotEmpty();
    for (JsonNode document : documents) {
      HasMetadata typed = Manifests.assertRoundTrip(document, manifest.getFileName().toString());
      assertThat(typed.getClass().getPackageName()).startsWith("dev.rolloutkit.argo.v1alpha1");
      assertThat(UnknownFields.in(typed))
          .as(
              "%s is written against the v1.9.1 schema: no field may be unknown to the model",
              manifest.getFileName())
          .isEmpty();
    }
  }
}
