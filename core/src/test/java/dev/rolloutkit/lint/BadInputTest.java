package dev.rolloutkit.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.rolloutkit.rules.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input becomes an error finding naming the file, line, column and what was expected, in
 * bounded time: never a hang, a stack trace or library internals, and the other documents and files
 * are still linted.
 */
class BadInputTest {

  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  /** The unreadable-document findings of linting {@code file}, as "line:column: message". */
  private List<String> unreadable(Path file) {
    LintResult result = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> Lint.files(file));
    return result.findings().stream()
        .filter(f -> f.rule().equals("MANIFEST-UNREADABLE"))
        .map(
            f -> {
              assertThat(f.location()).as("location of %s", f).isPresent();
              assertThat(f.location().get().file()).isEqualTo(file.toString());
              return f.location().get().line()
                  + ":"
                  + f.location().get().column()
                  + ": "
                  + f.message();
            })
        .toList();
  }

  @Test
  void malformed_yaml_is_an_error_at_its_position_and_the_other_documents_are_still_read()
      throws IOException {
    Path file =
        write(
            "m.yaml",
            "apiVersion: v1\n"
                + "kind: ConfigMap\n"
                + "metadata: {name: [x\n"
                + "---\n"
                + "apiVersion: v1\n"
                + "kind: ConfigMap\n"
                + "metadata:\n"
                + "  name: ok\n"
                + "  labels: {a: b}\n");
    assertThat(unreadable(file))
        .singleElement()
        .asString()
        .startsWith("4:1: not valid YAML: while parsing a flow sequence");
    assertThat(Lint.files(file).resources()).isEqualTo(1);
  }

  @Test
  void tabs_for_indentation_are_refused_as_kubectl_refuses_them() throws IOException {
    assertThat(
            unreadable(write("t.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n\tname: x\n")))
        .containsExactly(
            "4:1: not valid YAML: while scanning for the next token: found character '\\t(TAB)'"
                + " that cannot start any token. (Do not use \\t(TAB) for indentation)");
  }

  @Test
  void a_tab_after_a_colon_is_white_space_as_in_go_yaml() throws IOException {
    LintResult result =
        Lint.files(
            write(
                "tab.yaml",
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name:\tx\ndata:\n  k:\tv\n"));
    assertThat(result.findings()).isEmpty();
    assertThat(result.resources()).isEqualTo(1);
  }

  @Test
  void duplicate_keys_are_read_as_kubectl_reads_them_the_last_value_with_a_warning()
      throws IOException {
    LintResult result =
        Lint.files(
            write(
                "d.yaml",
                "apiVersion: v1\n"
                    + "kind: ConfigMap\n"
                    + "metadata: {name: a}\n"
                    + "data:\n"
                    + "  mode: fast\n"
                    + "  mode: slow\n"));
    assertThat(result.findings())
        .extracting(
            f ->
                f.rule()
                    + " "
                    + f.path()
                    + " "
                    + f.location().orElseThrow().line()
                    + " "
                    + f.message())
        .containsExactly(
            "YAML-AMBIGUOUS data.mode 6 key data.mode is written twice (also at line 5); Kubernetes"
                + " keeps this later value and drops the earlier one");
  }

  @Test
  void duplicate_keys_with_the_same_value_are_a_warning() throws IOException {
    LintResult result =
        Lint.files(
            write(
                "same.yaml",
                "apiVersion: v1\n"
                    + "kind: ConfigMap\n"
                    + "metadata: {name: a}\n"
                    + "data:\n"
                    + "  mode: fast\n"
                    + "  mode: fast\n"));
    assertThat(result.findings())
        .extracting(f -> f.rule() + " " + f.path() + " " + f.location().orElseThrow().line())
        .containsExactly("YAML-AMBIGUOUS data.mode 6");
    assertThat(result.hasErrors()).isFalse();
  }

  @Test
  void an_alias_bomb_is_refused_as_go_yaml_refuses_it() throws IOException {
    StringBuilder bomb =
        new StringBuilder(
            "apiVersion: v1\n"
                + "kind: ConfigMap\n"
                + "metadata: {name: lol}\n"
                + "a: &a"
                + " [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    char prev = 'a';
    for (char c = 'b'; c <= 'j'; c++) {
      bomb.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 9; i++) {
        bomb.append(i == 0 ? "" : ",").append('*').append(prev);
      }
      bomb.append("]\n");
      prev = c;
    }
    assertThat(unreadable(write("bomb.yaml", bomb.toString())))
        .singleElement()
        .asString()
        .endsWith(": document contains excessive aliasing");
  }

  @Test
  void one_line_values_of_megabytes_are_read_and_formatted_in_linear_time() throws IOException {
    String value = "x".repeat(10_000_000);
    String text =
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: "
            + value
            + "\n  b: \""
            + value.substring(0, 4_000_000)
            + "\"\n";
    Path file = dir.resolve("long.yaml");
    Files.writeString(file, text);
    // quadratic scanning took minutes and gigabytes here; linear takes about a second
    org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
        Duration.ofSeconds(30),
        () -> {
          LintResult result = Lint.files(file);
          assertThat(result.resources()).isEqualTo(1);
          assertThat(result.unreadable()).isZero();
          assertThat(dev.rolloutkit.manifest.YamlFormat.format("long.yaml", text).changed())
              .isFalse();
        });
  }

  @Test
  void a_50_mb_file_is_refused_without_being_read_whole() throws IOException {
    Path big = dir.resolve("big.yaml");
    byte[] line =
        "# padding padding padding padding padding padding padding padding padding\n"
            .getBytes(StandardCharsets.UTF_8);
    try (var out = Files.newOutputStream(big)) {
      for (long written = 0; written < 50L * 1024 * 1024; written += line.length) {
        out.write(line);
      }
    }
    assertThat(unreadable(big))
        .containsExactly(
            "1:1: the file is larger than 16 MiB, the most a manifest file may be (split it;"
                + " the API server takes no object larger than 3 MiB anyway)");
  }

  @Test
  void nesting_10000_deep_is_refused() throws IOException {
    String deep =
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: "
            + "[".repeat(10_000)
            + "]".repeat(10_000)
            + "\n";
    assertThat(unreadable(write("deep.yaml", deep)))
        .singleElement()
        .asString()
        .contains("nested more than 1000 levels deep");
  }

  @Test
  void binary_data_is_refused_at_the_control_character() throws IOException {
    Path bin = dir.resolve("bin.yaml");
    Files.write(bin, new byte[] {'a', ':', ' ', 'x', 1, 0, 2, '\n'});
    assertThat(unreadable(bin)).singleElement().asString().startsWith("1:5: not valid YAML");
  }

  @Test
  void latin1_text_is_refused_naming_the_byte_and_the_likely_encoding() throws IOException {
    Path latin1 = dir.resolve("latin1.yaml");
    Files.write(
        latin1,
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: caf\u00e9}\n"
            .getBytes(StandardCharsets.ISO_8859_1));
    assertThat(unreadable(latin1))
        .containsExactly(
            "3:21: not UTF-8 text: byte 0xE9 cannot start or continue a character (the file seems"
                + " to be in another encoding, such as Latin-1 or Windows-1252; save it as UTF-8)");
  }

  @Test
  void utf16_with_a_byte_order_mark_is_read() throws IOException {
    Path utf16 = dir.resolve("utf16.yaml");
    Files.write(
        utf16,
        "\uFEFFapiVersion: v1\nkind: ConfigMap\nmetadata: {name: caf\u00e9}\n"
            .getBytes(StandardCharsets.UTF_16LE));
    LintResult result = Lint.files(utf16);
    assertThat(result.resources()).isEqualTo(1);
    assertThat(result.findings()).isEmpty();
  }

  @Test
  void documents_without_kind_or_api_version_are_errors_at_the_document() throws IOException {
    assertThat(unreadable(write("k.yaml", "apiVersion: v1\nmetadata: {name: x}\n")))
        .containsExactly(
            "1:1: kind is not set (kubectl needs both to know what the object is; every Kubernetes"
                + " object has them)");
    assertThat(unreadable(write("a.yaml", "# a comment\nkind: ConfigMap\nmetadata: {name: x}\n")))
        .containsExactly(
            "2:1: apiVersion is not set (kubectl needs both to know what the object is; every"
                + " Kubernetes object has them)");
  }

  @Test
  void wrong_types_name_the_field_its_type_and_the_value() throws IOException {
    assertThat(
            unreadable(
                write(
                    "w.yaml",
                    "apiVersion: argoproj.io/v1alpha1\n"
                        + "kind: Rollout\n"
                        + "metadata: {name: x}\n"
                        + "spec:\n"
                        + "  replicas: two\n")))
        .containsExactly("5:13: spec.replicas: expected an integer, got the string \"two\"");
  }

  @Test
  void a_fifo_is_refused_instead_of_blocking() throws Exception {
    Path fifo = dir.resolve("pipe.yaml");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    if (mkfifo.waitFor() != 0) {
      throw new AssertionError("mkfifo failed");
    }
    assertThat(unreadable(fifo))
        .containsExactly("1:1: cannot read: not a regular file (a pipe, socket or device)");
  }

  @Test
  void a_document_with_only_a_scalar_or_a_list_is_an_error() throws IOException {
    assertThat(unreadable(write("s.yaml", "just text\n---\n- a\n- b\n")))
        .containsExactly(
            "1:1: the document is a single value, not a Kubernetes object (a mapping with"
                + " apiVersion, kind and metadata)",
            "3:1: the document is a sequence, not a Kubernetes object (a mapping with apiVersion,"
                + " kind and metadata)");
  }

  @Test
  void empty_files_and_folders_without_yaml_are_fine() throws IOException {
    write("empty.yaml", "");
    assertThat(Lint.files(dir.resolve("empty.yaml")).resources()).isZero();
    Path none = Files.createDirectory(dir.resolve("none"));
    Files.writeString(none.resolve("README.md"), "nothing here");
    LintResult result = Lint.files(none);
    assertThat(result.files()).isZero();
    assertThat(result.findings()).isEmpty();
  }

  @Test
  void unknown_kinds_are_kept_with_an_info_finding_not_an_error() throws IOException {
    LintResult result =
        Lint.files(
            write("u.yaml", "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n"));
    assertThat(result.hasErrors()).isFalse();
    assertThat(result.findings()).extracting(Finding::rule).containsExactly("LINT-UNKNOWN-KIND");
  }

  @Test
  void no_such_path_is_bad_usage() {
    assertThatThrownBy(() -> Lint.files(dir.resolve("missing")))
        .isInstanceOf(LintException.class)
        .hasMessage(dir.resolve("missing") + ": no such file or folder");
  }
}
