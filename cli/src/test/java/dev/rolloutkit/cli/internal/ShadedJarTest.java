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
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The built jar ({@code cli/target/rolloutkit.jar}; this class runs in the module's {@code integration-test} phase,
 * after {@code package}): it holds exactly the services {@link OwnJarProviders} names, and a JVM started from it alone
 * (no lookup) does what one started with another class-path entry beside it (the ServiceLoader's lookup) does, and
 * what the command line does on the module's class path.
 */
class ShadedJarTest {

  private static final Path JAR = Path.of(System.getProperty("rolloutkit.cli.jar", "target/rolloutkit.jar")).toAbsolutePath();

  @Test
  void should_hold_exactly_the_services_the_command_line_assumes_when_run_from_it_alone() throws IOException {
    OwnJarProviders own = new OwnJarProviders();
    assertThat(services("dev.rolloutkit.rules.RuleProvider")).containsExactlyElementsOf(names(own.ruleProviders()));
    assertThat(services("dev.rolloutkit.traffic.TrafficRouter")).containsExactlyElementsOf(names(own.routers()));
    assertThat(services("com.fasterxml.jackson.databind.ser.Serializers")).containsExactlyElementsOf(names(own.serializers()));
    assertThat(services("org.slf4j.spi.SLF4JServiceProvider")).containsExactly(OwnJarProviders.SLF4J_PROVIDER);
  }

  static Stream<List<String>> commands() {
    return Stream.of(
        List.of("render", "mcp", "--name", "mcp-server", "--namespace", "ai-services", "--image", "ghcr.io/acme/mcp-server:1.4.0"),
        List.of("render", "ml", "--name", "bankchurn", "--namespace", "ml-portfolio", "--image", "bankchurn:3.2.0"),
        List.of("render", "nlp", "--name", "sentiment", "--namespace", "nlp", "--image", "sentiment:2.0.0", "--traffic", "istio"),
        List.of("rules"),
        List.of("render", "mcp", "--name", "x", "--namespace", "y", "--image", "z:1", "--traffic", "nosuch"));
  }

  @ParameterizedTest
  @MethodSource("commands")
  void should_do_from_the_jar_alone_without_a_lookup_what_it_does_with_one(List<String> args, @TempDir Path dir)
      throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Rolloutkit.run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
    Run inProcess = new Run(code, out.toString(), err.toString(), "");

    Run alone = java(dir, "alone", JAR.toString(), args);
    Run beside = java(dir, "beside", JAR + java.io.File.pathSeparator + dir, args);

    assertThat(alone.output()).isEqualTo(inProcess.output());
    assertThat(beside.output()).isEqualTo(inProcess.output());
    assertThat(alone.classesLoaded()).as("a JVM on the jar alone looks nothing up").doesNotContain(" java.util.ServiceLoader ");
    assertThat(beside.classesLoaded()).as("another entry beside the jar is looked in").contains(" java.util.ServiceLoader ");
  }

  record Run(int code, String out, String err, String classesLoaded) {
    String output() {
      return "exit " + code + "\n--- out\n" + out + "--- err\n" + err;
    }
  }

  private static Run java(Path dir, String name, String classPath, List<String> args) throws Exception {
    Path log = dir.resolve(name + ".classes");
    Path out = dir.resolve(name + ".out");
    Path err = dir.resolve(name + ".err");
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xlog:class+load=info:file=" + log, "-cp", classPath, Rolloutkit.class.getName()));
    command.addAll(args);
    Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("%s finished", command).isTrue();
    return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8),
        Files.readString(log));
  }

  private static List<String> services(String type) throws IOException {
    try (ZipFile zip = new ZipFile(JAR.toFile())) {
      ZipEntry entry = zip.getEntry("META-INF/services/" + type);
      assertThat(entry).as("%s in %s", type, JAR).isNotNull();
      String text = new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
      return text.lines().map(l -> l.replaceAll("#.*", "").strip()).filter(l -> !l.isEmpty()).toList();
    }
  }

  private static List<String> names(List<?> providers) {
    return providers.stream().map(p -> p.getClass().getName()).toList();
  }
}
