package dev.rolloutkit.lint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.rolloutkit.rules.SourceLocation;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Field paths locate the line and column they were written at, in every document of a text. */
class YamlLocationsTest {

  private static final String TEXT = """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: a
        name: a
        annotations:
          example.dev/key: "1"
          "a.b": dotted
        labels:
          a: 
            b: nested
      data:
        list:
        - x
        - y: 1
          z: [2, 3]
      ---
      ---
      kind: Other
      p.q: first
      p:
        q: second
      items:
      - one
      """;

  private static List<YamlLocations> documents() throws IOException {
    return YamlLocations.of("f.yaml", TEXT, new YAMLMapper());
  }

  private static String at(YamlLocations where, String path) {
    return where.locate(path).map(SourceLocation::toString).orElse("none");
  }

  @Test
  void should_locate_keys_items_and_the_document_after_a_repeated_key() throws IOException {
    YamlLocations first = documents().get(0);
    assertThat(first.repeatedKeys()).containsExactly("metadata.name");
    assertThat(at(first, "")).isEqualTo(SourceLocation.of("f.yaml", 1, 1).toString());
    assertThat(at(first, "metadata.name")).isEqualTo(SourceLocation.of("f.yaml", 4, 3).toString());
    assertThat(at(first, "metadata.annotations")).isEqualTo(SourceLocation.of("f.yaml", 6, 3).toString());
    assertThat(at(first, "metadata.annotations.example.dev/key")).isEqualTo(SourceLocation.of("f.yaml", 7, 5).toString());
    assertThat(at(first, "metadata.labels.a.b")).isEqualTo(SourceLocation.of("f.yaml", 11, 7).toString());
    assertThat(at(first, "data.list[0]")).isEqualTo(SourceLocation.of("f.yaml", 14, 5).toString());
    assertThat(at(first, "data.list[1].z[1]")).isEqualTo(SourceLocation.of("f.yaml", 16, 12).toString());
    assertThat(at(first, "data.list[1].z[7]")).as("an unwritten path falls back to its parent")
        .isEqualTo(SourceLocation.of("f.yaml", 16, 5).toString());
  }

  @Test
  void should_give_the_first_writing_of_a_path_that_two_keys_spell_alike() throws IOException {
    assertThat(at(documents().get(0), "metadata.annotations.a.b")).isEqualTo(SourceLocation.of("f.yaml", 8, 5).toString());
    // "p.q: first" and "p: {q: second}" both spell p.q: the first written is where it is.
    assertThat(at(documents().get(2), "p.q")).isEqualTo(SourceLocation.of("f.yaml", 20, 1).toString());
    assertThat(at(documents().get(2), "p")).isEqualTo(SourceLocation.of("f.yaml", 21, 1).toString());
  }

  @Test
  void should_keep_every_document_with_its_own_positions() throws IOException {
    List<YamlLocations> documents = documents();
    assertThat(documents).hasSize(3);
    assertThat(documents.get(1).document().isNull() || documents.get(1).document().isMissingNode()
        || documents.get(1).document().asText().isEmpty()).isTrue();
    assertThat(at(documents.get(2), "items[0]")).isEqualTo(SourceLocation.of("f.yaml", 24, 3).toString());
    assertThat(at(documents.get(2), "kind")).isEqualTo(SourceLocation.of("f.yaml", 19, 1).toString());
  }
}
