package dev.rolloutkit.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reading manifests, writing them back and comparing them as trees; shared by the model modules'
 * tests.
 */
public final class Manifests {

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
  private static final YAMLMapper YAML = new YAMLMapper();

  private Manifests() {}

  public static KubernetesSerialization serialization() {
    return SERIALIZATION;
  }

  /** The pinned upstream CRD folder, as the build passes it (surefire system property). */
  public static Path crdsDir() {
    String dir = System.getProperty("rolloutkit.crds.dir");
    assertThat(dir).as("system property rolloutkit.crds.dir (set by the build)").isNotBlank();
    return Paths.get(dir).normalize();
  }

  /** The reactor root, as the build passes it. */
  public static Path rootDir() {
    String dir = System.getProperty("rolloutkit.root");
    assertThat(dir).as("system property rolloutkit.root (set by the build)").isNotBlank();
    return Paths.get(dir).normalize();
  }

  /** Every YAML file directly in {@code dir}, sorted by name. */
  public static List<Path> yamlFiles(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The non-empty documents of a YAML file, as trees. */
  public static List<JsonNode> documents(Path file) {
    try {
      return documents(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The non-empty documents of a YAML text, as trees. */
  public static List<JsonNode> documents(String yaml) {
    List<JsonNode> documents = new ArrayList<>();
    try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(yaml)) {
      while (it.hasNext()) {
        JsonNode document = it.next();
        if (document != null && !document.isNull() && !document.isMissingNode()) {
          documents.add(document);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return documents;
  }

  /** Reads one document without naming a class: registered kinds come back typed. */
  public static HasMetadata read(JsonNode document) {
    try {
      return SERIALIZATION.unmarshal(YAML.writeValueAsString(document));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes a resource as YAML and reads that back as a tree. */
  public static JsonNode written(Object resource) {
    try {
      return YAML.readTree(SERIALIZATION.asYaml(resource));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a document typed, writes it back and asserts the tree is the same (key order aside).
   *
   * @return the typed resource
   */
  public static HasMetadata assertRoundTrip(JsonNode document, String where) {
    HasMetadata typed = read(document);
    assertThat(typed)
        .as("%s: read typed, not as a generic resource", where)
        .isNotInstanceOf(GenericKubernetesResource.class);
    JsonNode back = written(typed);
    if (!back.equals(document)) {
      fail(
          "%s: the round trip changed the manifest.%n--- input%n%s%n--- written back%n%s",
          where, toYaml(document), toYaml(back));
    }
    return typed;
  }

  public static String toYaml(JsonNode node) {
    try {
      return YAML.writeValueAsString(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
