package dev.rolloutkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A plain {@code render} command line is read without picocli ({@link RenderCommand#plainRequest});
 * whatever it accepts must print, report and exit exactly as picocli's reading of the same
 * arguments does.
 */
class RenderFastPathTest {

  record Result(int code, String out, String err) {}

  @TempDir Path temp;

  private static Result run(boolean viaPicocli, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        viaPicocli
            ? Rolloutkit.viaPicocli(new PrintWriter(out), new PrintWriter(err), args)
            : Rolloutkit.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Result(code, out.toString(), err.toString());
  }

  @Test
  void should_read_the_documented_render_command_without_picocli() {
    assertThat(
            RenderCommand.plainRequest(
                new String[] {
                  "render",
                  "mcp",
                  "--name",
                  "mcp-server",
                  "--namespace",
                  "ai-services",
                  "--image",
                  "ghcr.io/acme/mcp-server:1.4.0"
                }))
        .isEqualTo(
            new RenderCommand.Request(
                "mcp",
                "mcp-server",
                "ai-services",
                "ghcr.io/acme/mcp-server:1.4.0",
                null,
                null,
                null,
                8080,
                null,
                false));
    assertThat(
            RenderCommand.plainRequest(
                new String[] {
                  "render",
                  "--no-keda",
                  "--port",
                  "9090",
                  "--name",
                  "a",
                  "--namespace",
                  "b",
                  "--image",
                  "c",
                  "ml",
                  "--traffic",
                  "istio",
                  "-o",
                  "out"
                }))
        .isEqualTo(
            new RenderCommand.Request(
                "ml", "a", "b", "c", "istio", null, false, 9090, Path.of("out"), false));
  }

  @Test
  void should_leave_everything_else_to_picocli() {
    String[][] others = {
      {"render"},
      {"render", "--help"},
      {"render", "mcp", "--name", "a", "--namespace", "b"},
      {"render", "mcp", "--name=a", "--namespace", "b", "--image", "c"},
      {"render", "mcp", "--name", "a", "--name", "a", "--namespace", "b", "--image", "c"},
      {"render", "mcp", "--keda", "--no-keda", "--name", "a", "--namespace", "b", "--image", "c"},
      {"render", "llm", "--name", "a", "--namespace", "b", "--image", "c"},
      {"render", "ml", "--name", "a", "--namespace", "b", "--image", "c", "--blue-green"},
      {"render", "mcp", "ml", "--name", "a", "--namespace", "b", "--image", "c"},
      {"render", "mcp", "--name", "-a", "--namespace", "b", "--image", "c"},
      {"render", "mcp", "--name", "a", "--namespace", "b", "--image", "c", "--port", "0x50"},
      {"render", "mcp", "--name", "a", "--namespace", "b", "--image", "c", "--port", "080"},
      {"render", "@args", "--name", "a", "--namespace", "b", "--image", "c"},
      {"render", "mcp", "--name", "a", "--namespace", "b", "--image", "c", "--"},
      {"lint", "mcp", "--name", "a", "--namespace", "b", "--image", "c"}
    };
    for (String[] args : others) {
      assertThat(RenderCommand.plainRequest(args)).as(String.join(" ", args)).isNull();
    }
  }

  /**
   * Tokens random command lines are made of: options, their values, good and bad ones, and what
   * picocli reads specially.
   */
  private static final String[] TOKENS = {
    "mcp",
    "ml",
    "nlp",
    "llm",
    "--name",
    "--namespace",
    "--image",
    "--traffic",
    "--host",
    "predict.example.com",
    "--keda",
    "--no-keda",
    "--blue-green",
    "--port",
    "-o",
    "--output",
    "--name=x",
    "-h",
    "--help",
    "-V",
    "--",
    "@args",
    "web",
    "ns1",
    "img:1",
    "istio",
    "nginx",
    "none",
    "bogus",
    "8080",
    "9090",
    "0",
    "-1",
    "007",
    "65536",
    "99999999999",
    "",
    "UPPER",
    "a b",
    "--Name",
    "-n"
  };

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
  void should_print_report_and_exit_as_picocli_does_for_every_command_line_it_reads(long seed)
      throws IOException {
    Random random = new Random(seed);
    int plain = 0;
    for (int n = 0; n < 100; n++) {
      String[] args = commandLine(random);
      if (RenderCommand.plainRequest(args) == null) {
        continue;
      }
      plain++;
      Result fast = run(false, args);
      clean();
      Result picocli = run(true, args);
      clean();
      assertThat(fast).as(String.join(" ", args)).isEqualTo(picocli);
    }
    assertThat(plain).as("command lines read without picocli").isGreaterThan(10);
  }

  /**
   * A valid command line in random order, then up to three random changes: a token dropped,
   * repeated or inserted.
   */
  private String[] commandLine(Random random) {
    List<List<String>> parts =
        new ArrayList<>(
            List.of(
                List.of(new String[] {"mcp", "ml", "nlp"}[random.nextInt(3)]),
                List.of("--name", "web"),
                List.of("--namespace", "ns1"),
                List.of("--image", "img:1")));
    if (random.nextBoolean()) {
      parts.add(
          List.of(
              "--traffic", new String[] {"istio", "nginx", "none", "bogus"}[random.nextInt(4)]));
    }
    if (random.nextBoolean()) {
      parts.add(List.of(random.nextBoolean() ? "--keda" : "--no-keda"));
    }
    if (random.nextBoolean()) {
      parts.add(
          List.of("--port", new String[] {"8080", "9090", "65536", "99999999"}[random.nextInt(4)]));
    }
    if (random.nextInt(4) == 0) {
      parts.add(List.of(random.nextBoolean() ? "-o" : "--output", temp.resolve("out").toString()));
    }
    Collections.shuffle(parts, random);
    List<String> args = new ArrayList<>(List.of("render"));
    parts.forEach(args::addAll);
    for (int changes = random.nextInt(4); changes > 0; changes--) {
      int at = 1 + random.nextInt(args.size() - 1);
      switch (random.nextInt(3)) {
        case 0 -> args.remove(at);
        case 1 -> args.add(at, args.get(at));
        default -> args.add(at, TOKENS[random.nextInt(TOKENS.length)]);
      }
    }
    return args.toArray(String[]::new);
  }

  private void clean() throws IOException {
    Path out = temp.resolve("out");
    if (Files.exists(out)) {
      try (Stream<Path> files = Files.walk(out)) {
        for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(f);
        }
      }
    }
  }

  @Test
  void should_report_bad_input_without_a_stack_trace_as_picocli_does() {
    String[] args = {
      "render", "mcp", "--name", "Not_A_Dns_Name", "--namespace", "b", "--image", "c"
    };
    assertThat(RenderCommand.plainRequest(args)).isNotNull();
    Result fast = run(false, args);
    assertThat(fast).isEqualTo(run(true, args));
    assertThat(fast.code()).isEqualTo(Rolloutkit.BAD_INPUT);
    assertThat(fast.err())
        .startsWith("rolloutkit: canary stack 'Not_A_Dns_Name' is invalid:")
        .contains("name: 'Not_A_Dns_Name' is not a valid DNS-1035 label")
        .doesNotContain("\tat ", "Exception");
  }
}
