package dev.rolloutkit.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolloutkit.testing.Manifests;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The BOM repeats the runtime versions the parent manages; they must not drift apart. */
class BomVersionsTest {

  private static final List<String> SHARED =
      List.of(
          "fabric8.version", "fabric8.generator.version", "istio-model.version", "jackson.version");

  @Test
  void should_pin_the_same_runtime_versions_as_the_parent() throws Exception {
    Document parent = parse(Manifests.rootDir().resolve("pom.xml"));
    Document bom = parse(Manifests.rootDir().resolve("bom/pom.xml"));
    for (String property : SHARED) {
      assertThat(property(bom, property))
          .as("bom/pom.xml <%s>", property)
          .isNotBlank()
          .isEqualTo(property(parent, property));
    }
    assertThat(property(bom, "version")).isNull();
    assertThat(bom.getDocumentElement().getElementsByTagName("version").item(0).getTextContent())
        .as("BOM version equals the parent's")
        .isEqualTo(
            parent.getDocumentElement().getElementsByTagName("version").item(0).getTextContent());
  }

  private static Document parse(Path pom) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
  }

  private static String property(Document pom, String name) {
    var properties = pom.getElementsByTagName("properties");
    if (properties.getLength() == 0) {
      return null;
    }
    var nodes = ((org.w3c.dom.Element) properties.item(0)).getElementsByTagName(name);
    return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().trim();
  }
}
