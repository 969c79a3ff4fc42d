package dev.rolloutkit.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input gets a clear error naming the file (and the line where there is one), in bounded time; never a hang. */
class BadInputTest {

  @TempDir
  Path dir;

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  private String error(Path file) {
    return assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
      try {
        Lint.files(file);
      } catch (LintException e) {
        return e.getMessage();
      }
      throw new AssertionError("no LintException for " + file);
    });
  }

  @Test
  void malformed_yaml() throws IOException {
    assertThat(error(write("m.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: [x\n"))).startsWith(dir.resolve("m.yaml") + ":")
        .contains("not valid YAML");
  }

  @Test
  void tabs_for_indentation() throws IOException {
    assertThat(error(write("t.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n\tname: x\n")))
        .isEqualTo(dir.resolve("t.yaml") + ":4:1: not valid YAML: found character '\\t(TAB)' that cannot start any token. (Do not use \\t(TAB) for indentation)");
  }

  @Test
  void duplicate_keys_with_different_values() throws IOException {
    assertThat(error(write("d.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata:\n  mode: fast\n  mode: slow\n")))
        .isEqualTo(dir.resolve("d.yaml") + ":6:3: not valid YAML: duplicate key data.mode with a different value (which one applies is ambiguous)");
  }

  @Test
  void duplicate_keys_with_the_same_value_are_a_warning() throws IOException {
    LintResult result = Lint.files(write("same.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata:\n  mode: fast\n  mode: fast\n"));
    assertThat(result.findings()).extracting(f -> f.rule() + " " + f.path() + " " + f.location().orElseThrow().line())
        .containsExactly("YAML-REPEATED-KEY data.mode 5");
  }

  @Test
  void alias_bomb() throws IOException {
    StringBuilder bomb = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: lol}\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    char prev = 'a';
    for (char c = 'b'; c <= 'j'; c++) {
      bomb.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 9; i++) {
        bomb.append(i == 0 ? "" : ",").append('*').append(prev);
      }
      bomb.append("]\n");
      prev = c;
    }
    assertThat(error(write("bomb.yaml", bomb.toString())))
        .isEqualTo(dir.resolve("bomb.yaml") + ":5:8: YAML alias *a is not supported: it would be read as the plain text \"a\" and change"
            + " the manifest's meaning; write the value out");
  }

  @Test
  void a_50_mb_file() throws IOException {
    Path big = dir.resolve("big.yaml");
    byte[] line = "# padding padding padding padding padding padding padding padding padding\n".getBytes(StandardCharsets.UTF_8);
    try (var out = Files.newOutputStream(big)) {
      for (long written = 0; written < 50L * 1024 * 1024; written += line.length) {
        out.write(line);
      }
    }
    assertThat(error(big)).isEqualTo(big + ": the file is 50.0 MiB; manifests up to 16 MiB are read (split it into several files)");
  }

  @Test
  void nesting_10000_deep() throws IOException {
    String deep = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n";
    assertThat(error(write("deep.yaml", deep))).startsWith(dir.resolve("deep.yaml").toString()).contains("not valid YAML");
  }

  @Test
  void binary_data() throws IOException {
    Path bin = dir.resolve("bin.yaml");
    Files.write(bin, new byte[] {'a', ':', ' ', 1, 0, 2, (byte) 0xff, '\n'});
    assertThat(error(bin)).startsWith(bin.toString()).containsAnyOf("binary data", "not UTF-8");
  }

  @Test
  void not_utf8() throws IOException {
    Path latin1 = dir.resolve("latin1.yaml");
    Files.write(latin1, "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: caf\u00e9}\n".getBytes(StandardCharsets.ISO_8859_1));
    assertThat(error(latin1)).isEqualTo(latin1 + ": not UTF-8 text (manifests must be UTF-8)");
  }

  @Test
  void documents_without_kind_or_api_version() throws IOException {
    assertThat(error(write("k.yaml", "apiVersion: v1\nmetadata: {name: x}\n")))
        .isEqualTo(dir.resolve("k.yaml") + ":1: document 1 has no kind (expected a Kubernetes object with apiVersion and kind)");
    assertThat(error(write("a.yaml", "kind: ConfigMap\nmetadata: {name: x}\n")))
        .isEqualTo(dir.resolve("a.yaml") + ":1: document 1 has no apiVersion (expected a Kubernetes object with apiVersion and kind)");
  }

  @Test
  void wrong_types() throws IOException {
    String message = error(write("w.yaml", "apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata: {name: x}\nspec:\n  replicas: two\n"));
    assertThat(message).startsWith(dir.resolve("w.yaml") + ":1: Rollout cannot be read:").contains("two");
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
    LintResult result = Lint.files(write("u.yaml", "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n"));
    assertThat(result.hasErrors()).isFalse();
    assertThat(result.findings()).extracting(f -> f.rule()).containsExactly("LINT-UNKNOWN-KIND");
  }

  @Test
  void no_such_path() {
    assertThatThrownBy(() -> Lint.files(dir.resolve("missing"))).hasMessage(dir.resolve("missing") + ": no such file or directory");
  }
}
