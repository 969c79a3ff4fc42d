package dev.rolloutkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LintCommandTest {

  /** A VirtualService routing to a Service that is not there (ISTIO-HOST-NOT-FOUND at line 9). */
  static final String ALONE_VS =
      """
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: app-vsvc, namespace: shop}
      spec:
        hosts: [app]
        http:
        - name: primary
          route:
          - destination: {host: app, subset: stable}
            weight: 100
      """;

  /** The same beside a Service of another name: the host is a typo (an error). */
  static final String BROKEN_VS =
      ALONE_VS
          + """
          ---
          apiVersion: v1
          kind: Service
          metadata: {name: app-svc, namespace: shop}
          spec: {selector: {app: app}, ports: [{name: http, port: 80}]}
          """;

  @Test
  void should_exit_0_on_rendered_stacks(@TempDir Path dir) {
    RenderCommandTest.run(
        "render",
        "mcp",
        "--name",
        "mcp-server",
        "--namespace",
        "ai-services",
        "--image",
        "img:1",
        "-o",
        dir.toString());
    RenderCommandTest.Result r = RenderCommandTest.run("lint", dir.toString());
    assertThat(r.code()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).isEqualTo("6 file(s), 6 resource(s): 0 error(s), 0 other finding(s)\n");
  }

  @Test
  void should_exit_1_with_file_and_line_on_error_findings(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("vs.yaml");
    Files.writeString(file, BROKEN_VS);
    RenderCommandTest.Result r = RenderCommandTest.run("lint", file.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out())
        .contains(
            "error [ISTIO-HOST-NOT-FOUND] VirtualService shop/app-vsvc"
                + " spec.http[0].route[0].destination.host ("
                + file
                + ":9:")
        .contains("Referenced host not found: \"app\"");
  }

  @Test
  void should_warn_of_objects_outside_the_files_unless_they_are_taken_as_complete(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("vs.yaml");
    Files.writeString(file, ALONE_VS);
    RenderCommandTest.Result open = RenderCommandTest.run("lint", file.toString());
    assertThat(open.code()).as(open.out()).isZero();
    assertThat(open.out())
        .contains(
            "warning [ISTIO-HOST-NOT-FOUND] VirtualService shop/app-vsvc"
                + " spec.http[0].route[0].destination.host ("
                + file
                + ":9:21): Service 'app.shop.svc.cluster.local' is not among the linted"
                + " resources, which hold no Service: it must exist in the cluster")
        .endsWith("1 file(s), 1 resource(s): 0 error(s), 2 other finding(s)\n");
    RenderCommandTest.Result complete =
        RenderCommandTest.run("lint", "--assume-complete", file.toString());
    assertThat(complete.code()).isEqualTo(1);
    assertThat(complete.out())
        .contains(
            "error [ISTIO-HOST-NOT-FOUND] VirtualService shop/app-vsvc"
                + " spec.http[0].route[0].destination.host ("
                + file
                + ":9:21): Referenced host not found: \"app\" (the linted resources are taken as"
                + " complete and hold no Service)")
        .endsWith("1 file(s), 1 resource(s): 2 error(s), 0 other finding(s)\n");
    Path config = dir.resolve("lint.yaml");
    Files.writeString(config, "assumeComplete: true\n");
    RenderCommandTest.Result configured =
        RenderCommandTest.run("lint", "--config", config.toString(), file.toString());
    assertThat(configured.out()).isEqualTo(complete.out());
  }

  @Test
  void should_print_exactly_the_documented_json(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("vs.yaml");
    Files.writeString(file, BROKEN_VS);
    RenderCommandTest.Result r = RenderCommandTest.run("lint", "--format", "json", file.toString());
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.fieldNames())
        .toIterable()
        .containsExactly("findings", "files", "resources", "unreadable");
    assertThat(json.path("files").asInt()).isEqualTo(1);
    JsonNode first = json.path("findings").get(0);
    assertThat(first.fieldNames())
        .toIterable()
        .containsExactly(
            "rule",
            "severity",
            "kind",
            "namespace",
            "name",
            "path",
            "message",
            "hint",
            "file",
            "line",
            "column");
    assertThat(first.path("severity").asText()).isEqualTo("error");
    assertThat(first.path("file").asText()).isEqualTo(file.toString());
    assertThat(first.path("line").asInt()).isEqualTo(9);
  }

  @Test
  void should_exit_2_when_nothing_can_be_read_or_a_path_is_missing(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, "kind: [unclosed\n");
    RenderCommandTest.Result r = RenderCommandTest.run("lint", file.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out())
        .startsWith("error [MANIFEST-UNREADABLE] document 1 (" + file + ":2:1): not valid YAML")
        .doesNotContain("\tat ");
    assertThat(r.err())
        .isEqualTo(
            "rolloutkit: nothing could be read (every document has a problem, listed above)\n");
    RenderCommandTest.Result missing =
        RenderCommandTest.run("lint", dir.resolve("missing").toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err())
        .isEqualTo("rolloutkit: " + dir.resolve("missing") + ": no such file or folder\n");
  }

  @Test
  void should_exit_1_and_lint_the_rest_when_one_document_cannot_be_read(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("two.yaml");
    Files.writeString(
        file,
        "kind: [unclosed\n"
            + "---\n"
            + "apiVersion: v1\n"
            + "kind: ConfigMap\n"
            + "metadata: {name: ok}\n"
            + "data: {a: b}\n");
    RenderCommandTest.Result r = RenderCommandTest.run("lint", file.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out())
        .contains("MANIFEST-UNREADABLE")
        .endsWith("1 file(s), 1 resource(s): 1 error(s), 0 other finding(s)\n");
  }
}
