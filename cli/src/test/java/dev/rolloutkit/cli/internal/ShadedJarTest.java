package dev.rolloutkit.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolloutkit.cli.Rolloutkit;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The built jar ({@code cli/target/rolloutkit.jar}; this class runs in the module's {@code
 * integration-test} phase, after {@code package}): its merged services files name every module's
 * providers, and a JVM started from it does what the command line does on the module's class path,
 * with nothing more on standard error.
 */
class ShadedJarTest {

  private static final Path JAR =
      Path.of(System.getProperty("rolloutkit.cli.jar", "target/rolloutkit.jar")).toAbsolutePath();

  @Test
  void should_merge_the_services_of_every_module() throws IOException {
    assertThat(services("dev.rolloutkit.rules.RuleProvider"))
        .containsExactly(
            "dev.rolloutkit.rules.CoreRules$Provider",
            "dev.rolloutkit.istio.rules.IstioRuleProvider");
    assertThat(services("dev.rolloutkit.traffic.TrafficRouter"))
        .containsExactly("dev.rolloutkit.istio.IstioRouterService");
    assertThat(services("com.fasterxml.jackson.databind.ser.Serializers"))
        .containsExactly("dev.rolloutkit.istio.serializers.IstioSerializers");
  }

  static Stream<List<String>> commands() {
    return Stream.of(
        List.of(
            "render",
            "mcp",
            "--name",
            "mcp-server",
            "--namespace",
            "ai-services",
            "--image",
            "ghcr.io/acme/mcp-server:1.4.0"),
        List.of(
            "render",
            "ml",
            "--name",
            "bankchurn",
            "--namespace",
            "ml-portfolio",
            "--image",
            "bankchurn:3.2.0"),
        List.of(
            "render",
            "nlp",
            "--name",
            "sentiment",
            "--namespace",
            "nlp",
            "--image",
            "sentiment:2.0.0",
            "--traffic",
            "istio"),
        List.of("rules"),
        List.of(
            "render",
            "mcp",
            "--name",
            "x",
            "--namespace",
            "y",
            "--image",
            "z:1",
            "--traffic",
            "nosuch"));
  }

  @ParameterizedTest
  @MethodSource("commands")
  void should_do_from_the_jar_what_it_does_on_the_class_path(List<String> args, @TempDir Path dir)
      throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Rolloutkit.run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
    Run inProcess = new Run(code, out.toString(), err.toString());

    assertThat(java(dir, JAR.toString(), args).output()).isEqualTo(inProcess.output());
  }

  record Run(int code, String out, String err) {
    String output() {
      return "exit " + code + "\n--- out\n" + out + "--- err\n" + err;
    }
  }

  private static Run java(Path dir, String classPath, List<String> args) throws Exception {
    Path out = dir.resolve("run.out");
    Path err = dir.resolve("run.err");
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                classPath,
                Rolloutkit.class.getName()));
    command.addAll(args);
    Process p =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("%s finished", command).isTrue();
    return new Run(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private static List<String> services(String type) throws IOException {
    try (ZipFile zip = new ZipFile(JAR.toFile())) {
      ZipEntry entry = zip.getEntry("META-INF/services/" + type);
      assertThat(entry).as("%s in %s", type, JAR).isNotNull();
      String text = new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
      return text.lines()
          .map(l -> l.replaceAll("#.*", "").strip())
          .filter(l -> !l.isEmpty())
          .toList();
    }
  }
}
