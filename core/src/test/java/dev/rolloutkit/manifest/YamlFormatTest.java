package dev.rolloutkit.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * fmt lays YAML out the one way and changes nothing else: values, comments, numbers as written,
 * files whole or not at all.
 */
class YamlFormatTest {

  private static String format(String text) {
    YamlFormat.Result result = YamlFormat.format("t.yaml", text);
    assertThat(result.refused()).as("refused").isEmpty();
    return result.text();
  }

  @Test
  void should_keep_quoted_strings_quoted_so_kubernetes_reads_the_same_data() {
    String text =
        "apiVersion: v1\n"
            + "kind: ConfigMap\n"
            + "metadata:\n"
            + "    name: flags\n"
            + "data: {FEATURE_X: \"on\", REGION: \"NO\", MODE: \"~\", PERM: \"0777\"}\n";
    String once = format(text);
    assertThat(once)
        .isEqualTo(
            "apiVersion: v1\n"
                + "kind: ConfigMap\n"
                + "metadata:\n"
                + "  name: flags\n"
                + "data: {FEATURE_X: \"on\", REGION: \"NO\", MODE: \"~\", PERM: \"0777\"}\n");
    assertThat(format(once)).isEqualTo(once);
    assertThat(Manifests.read("t.yaml", once).get(0).tree().orElseThrow().get("data").toString())
        .isEqualTo("{\"FEATURE_X\":\"on\",\"REGION\":\"NO\",\"MODE\":\"~\",\"PERM\":\"0777\"}");
  }

  @Test
  void should_keep_plain_words_plain_even_where_kubernetes_reads_them_as_booleans() {
    String redis = "args:\n    - --appendonly\n    - yes\n    - \"--save\"\n    - ''\n";
    assertThat(format(redis)).isEqualTo("args:\n- --appendonly\n- yes\n- \"--save\"\n- ''\n");
  }

  @Test
  void should_keep_numbers_as_written_and_empty_collections() {
    String text =
        "spec:\n"
            + "     replicas: 100\n"
            + "     ratio: 1.50\n"
            + "     big: 1e3\n"
            + "     octal: 0o17\n"
            + "     selector: {}\n"
            + "     list: []\n";
    assertThat(format(text))
        .isEqualTo(
            "spec:\n"
                + "  replicas: 100\n"
                + "  ratio: 1.50\n"
                + "  big: 1e3\n"
                + "  octal: 0o17\n"
                + "  selector: {}\n"
                + "  list: []\n");
  }

  @Test
  void should_keep_comments_where_they_were() {
    String text =
        """
        # file header
        apiVersion: v1   # the group
        kind: Pod
        metadata:
            name: p # inline
            # about labels
            labels:
                app: p


        spec:
            containers:
                -   name: c # first
                    # the image
                    image: i
            # after containers
        # end
        """;
    assertThat(format(text))
        .isEqualTo(
            """
            # file header
            apiVersion: v1 # the group
            kind: Pod
            metadata:
              name: p # inline
              # about labels
              labels:
                app: p


            spec:
              containers:
              - name: c # first
                # the image
                image: i
              # after containers
            # end
            """);
  }

  @Test
  void should_move_block_scalars_whole_and_keep_their_value() {
    String text =
        "data:\n"
            + "    script: |\n"
            + "        line one\n"
            + "          indented\n\n"
            + "        after blank\n"
            + "    next: x\n";
    String once = format(text);
    assertThat(once)
        .isEqualTo(
            "data:\n  script: |\n    line one\n      indented\n\n    after blank\n  next: x\n");
    assertThat(
            Manifests.readData("t", once)
                .get(0)
                .tree()
                .orElseThrow()
                .path("data")
                .path("script")
                .asText())
        .isEqualTo("line one\n  indented\n\nafter blank\n");
  }

  @Test
  void should_add_no_line_break_at_the_end_where_it_would_be_data() {
    String text = "data:\n  script: |\n    no final break";
    assertThat(format(text)).isEqualTo(text);
  }

  @Test
  void should_keep_document_markers_anchors_and_tags() {
    String text =
        "---\nbase: &b\n    x: 1\nuse:\n    <<: *b\n    y: !!str 2\n...\n---\n# second\nz: 3\n";
    assertThat(format(text))
        .isEqualTo(
            "---\nbase: &b\n  x: 1\nuse:\n  <<: *b\n  y: !!str 2\n...\n---\n# second\nz: 3\n");
  }

  @Test
  void should_leave_a_text_kubernetes_cannot_read_as_it_is() {
    YamlFormat.Result result = YamlFormat.format("bad.yaml", "a: [x\n");
    assertThat(result.changed()).isFalse();
    assertThat(result.text()).isEqualTo("a: [x\n");
    assertThat(result.refused()).get().asString().startsWith("bad.yaml:2:1: not valid YAML");
  }

  static Stream<Path> upstreamFixtures() throws IOException {
    Path root =
        Path.of(System.getProperty("rolloutkit.root", ".."), "..", "shared", "fixtures", "upstream")
            .normalize();
    return Manifests.files(List.of(root)).stream();
  }

  /**
   * Every upstream fixture Kubernetes can read is laid out, means the same, and is laid out once
   * for all.
   */
  @ParameterizedTest
  @MethodSource("upstreamFixtures")
  void should_format_upstream_manifests_to_the_same_data_once_for_all(Path file) throws Exception {
    String text = TextInput.read(file).text();
    YamlFormat.Result result = YamlFormat.format(file.toString(), text);
    if (result.refused().isPresent()) {
      assertThat(result.refused().get())
          .as("only what Kubernetes cannot read is left")
          .containsAnyOf("not valid YAML", "invalid map key");
      return;
    }
    assertThat(trees(result.text())).isEqualTo(trees(text));
    assertThat(format(result.text())).isEqualTo(result.text());
  }

  private static List<String> trees(String text) {
    return YamlTrees.read("t", text).stream()
        .filter(d -> !d.empty())
        .map(d -> String.valueOf(d.root()))
        .toList();
  }

  @Test
  void should_read_every_file_before_writing_and_leave_unreadable_files_untouched(@TempDir Path dir)
      throws IOException {
    Path a = Files.writeString(dir.resolve("a.yaml"), "a:\n    b: 1\n");
    Path bad = Files.writeString(dir.resolve("b.yaml"), "a: [\n");
    Path c = Files.writeString(dir.resolve("c.yaml"), "c:\n    d: 2\n");
    YamlFormat.Report report = YamlFormat.files(List.of(dir), false);
    assertThat(report.changed()).containsExactly(a, c);
    assertThat(report.refused())
        .singleElement()
        .asString()
        .startsWith(bad + ":2:1: not valid YAML");
    assertThat(Files.readString(a)).isEqualTo("a:\n  b: 1\n");
    assertThat(Files.readString(bad)).isEqualTo("a: [\n");
    assertThat(Files.readString(c)).isEqualTo("c:\n  d: 2\n");
  }

  @Test
  void should_write_nothing_with_check(@TempDir Path dir) throws IOException {
    Path a = Files.writeString(dir.resolve("a.yaml"), "a:\n    b: 1\n");
    assertThat(YamlFormat.files(List.of(dir), true).changed()).containsExactly(a);
    assertThat(Files.readString(a)).isEqualTo("a:\n    b: 1\n");
  }

  @Test
  void should_format_a_file_linked_twice_once_and_keep_the_link(@TempDir Path dir)
      throws IOException {
    Path real = Files.writeString(dir.resolve("real.yaml"), "a:\n    b: 1\n");
    Path link = Files.createSymbolicLink(dir.resolve("link.yaml"), real.getFileName());
    YamlFormat.Report report = YamlFormat.files(List.of(dir), false);
    assertThat(report.changed()).hasSize(1);
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readString(real)).isEqualTo("a:\n  b: 1\n");
    assertThat(YamlFormat.files(List.of(link), false).changed()).as("formatted already").isEmpty();
  }

  @Test
  void should_leave_a_file_whole_when_writing_it_fails(@TempDir Path dir) throws IOException {
    Path a = Files.writeString(dir.resolve("a.yaml"), "a:\n    b: 1\n");
    byte[] before = Files.readAllBytes(a);
    AtomicFiles.Sink diskFull =
        (temporary, bytes) -> {
          Files.write(temporary, java.util.Arrays.copyOf(bytes, bytes.length / 2));
          throw new IOException("No space left on device");
        };
    YamlFormat.Report report = YamlFormat.files(List.of(dir), false, diskFull);
    assertThat(report.changed()).isEmpty();
    assertThat(report.refused())
        .containsExactly(a + ": not written (No space left on device); the file is unchanged");
    assertThat(Files.readAllBytes(a)).isEqualTo(before);
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left).as("no temporary file left behind").containsExactly(a);
    }
  }

  @Test
  void should_keep_crlf_line_ends_and_a_byte_order_mark(@TempDir Path dir) throws IOException {
    Path a = dir.resolve("a.yaml");
    Files.write(a, "\uFEFFa:\r\n    b: 1\r\n".getBytes(StandardCharsets.UTF_8));
    YamlFormat.files(List.of(a), false);
    assertThat(Files.readString(a)).isEqualTo("\uFEFFa:\r\n  b: 1\r\n");
  }
}
