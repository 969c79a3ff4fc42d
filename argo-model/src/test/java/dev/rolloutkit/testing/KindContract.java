package dev.rolloutkit.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolloutkit.argo.UnknownFields;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * What every generated top-level kind must satisfy: its identity (apiVersion, kind, plural, scope),
 * and a builder-built instance that survives YAML both when read by class and when read without
 * naming one.
 */
public record KindContract(
    Class<? extends HasMetadata> type,
    String apiVersion,
    String kind,
    String plural,
    boolean namespaced,
    HasMetadata sample) {

  public void verify() {
    assertThat(HasMetadata.getApiVersion(type)).as("apiVersion").isEqualTo(apiVersion);
    assertThat(HasMetadata.getKind(type)).as("kind").isEqualTo(kind);
    assertThat(HasMetadata.getPlural(type)).as("plural").isEqualTo(plural);
    assertThat(Namespaced.class.isAssignableFrom(type)).as("namespaced").isEqualTo(namespaced);

    assertThat(sample).isInstanceOf(type);
    assertThat(sample.getApiVersion()).as("builder-built apiVersion").isEqualTo(apiVersion);
    assertThat(sample.getKind()).as("builder-built kind").isEqualTo(kind);

    KubernetesSerialization serialization = Manifests.serialization();
    String yaml = serialization.asYaml(sample);
    assertThat(yaml)
        .contains("apiVersion: \"" + apiVersion + "\"")
        .contains("kind: \"" + kind + "\"");
    assertThat(serialization.unmarshal(yaml, type)).as("read back by class").isEqualTo(sample);
    Object generic = serialization.unmarshal(yaml);
    assertThat(generic).as("read back without naming a class").isInstanceOf(type).isEqualTo(sample);
    assertThat(UnknownFields.in(sample)).as("fields the schema does not know").isEmpty();
  }

  @Override
  public String toString() {
    return kind;
  }
}
