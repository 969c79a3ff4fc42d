package dev.rolloutkit.benchmarks;

import dev.rolloutkit.lint.Lint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

/**
 * Lint against parse-only on one folder, interleaved: each round parses every file into trees, then
 * lints the folder, and the ratio is taken per round, so a machine whose speed drifts during the
 * run (shared hosts do, by 3× within a minute) slows both sides of a ratio alike. A companion to
 * {@link LintBenchmark}, whose two benchmarks run one after the other. Each round also times lint's
 * own reading of the files ({@code Manifests.read}: its YAML reader, the positions, the typed
 * objects; no rules), so what the rules take is the difference, and renders {@value #FLOOR_STACKS}
 * MCP stacks the floor's way (Jackson writing plain maps, as in {@link RenderBenchmark}): the issue
 * states its absolute lint figure (50,000 resources/s) on a machine where that floor made 10,900
 * stacks/s, so lint's resources/s divided by the floor's stacks/s in the same round reads that
 * figure on any machine (the issue's ratio: {@value #ISSUE_RATIO}). Prints each round and the
 * medians.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.rolloutkit.benchmarks.LintRatio DIR [ROUNDS] [WARMUP]
 * </pre>
 */
public final class LintRatio {

  private LintRatio() {}

  /** Floor stacks rendered per round. */
  static final int FLOOR_STACKS = 1000;

  /** 50,000 lint resources/s where the floor makes 10,900 stacks/s. */
  static final double ISSUE_RATIO = 50_000.0 / 10_900;

  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println(
          "usage: LintRatio DIR [ROUNDS (default 15)] [WARMUP ROUNDS (default 5)]   (make DIR with"
              + " Corpus)");
      System.exit(2);
    }
    Path dir = Path.of(args[0]);
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
    int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    List<Path> files;
    try (Stream<Path> s = Files.walk(dir)) {
      files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    List<Double> parse = new ArrayList<>();
    List<Double> read = new ArrayList<>();
    List<Double> lint = new ArrayList<>();
    List<Double> ratio = new ArrayList<>();
    List<Double> perFloorStack = new ArrayList<>();
    int resources = 0;
    int written = 0;
    for (int round = -warmup; round < rounds; round++) {
      long t0 = System.nanoTime();
      int parsed = LintBenchmark.parseTrees(files);
      long t1 = System.nanoTime();
      int typed =
          LintBenchmark.readEach(
              files, (name, text) -> dev.rolloutkit.manifest.Manifests.read(name, text).size());
      long t2 = System.nanoTime();
      resources = Lint.files(dir).resources();
      long t3 = System.nanoTime();
      for (int i = 0; i < FLOOR_STACKS; i++) {
        written += McpStacks.jacksonMaps().length();
      }
      long t4 = System.nanoTime();
      if (parsed != resources || typed != resources) {
        throw new IllegalStateException(
            "parse saw "
                + parsed
                + " documents, lint's reading "
                + typed
                + ", lint "
                + resources
                + " resources");
      }
      if (round >= 0) {
        parse.add((t1 - t0) / 1e6);
        read.add((t2 - t1) / 1e6);
        lint.add((t3 - t2) / 1e6);
        ratio.add((double) (t3 - t2) / (t1 - t0));
        double lintPerSecond = resources / ((t3 - t2) / 1e9);
        double floorPerSecond = FLOOR_STACKS / ((t4 - t3) / 1e9);
        perFloorStack.add(lintPerSecond / floorPerSecond);
        System.out.printf(
            "round %2d: parse %6.0f ms  lint's reading %6.0f ms  lint %6.0f ms  ratio %.2f  floor"
                + " %5.0f stacks/s  lint/floor %.2f%n",
            round + 1,
            (t1 - t0) / 1e6,
            (t2 - t1) / 1e6,
            (t3 - t2) / 1e6,
            (double) (t3 - t2) / (t1 - t0),
            floorPerSecond,
            lintPerSecond / floorPerSecond);
      }
    }
    System.out.printf(
        "%d resources, %d rounds after %d warm-up: median parse %.0f ms, median lint's reading %.0f"
            + " ms, median lint %.0f ms (%.0f resources/s), median ratio %.2f; lint resources/s per"
            + " floor stack/s: median %.2f (the issue's 50,000 at 10,900: %.2f)%n",
        resources,
        rounds,
        warmup,
        median(parse),
        median(read),
        median(lint),
        resources / (median(lint) / 1000),
        median(ratio),
        median(perFloorStack),
        ISSUE_RATIO);
    if (written == 0) {
      throw new IllegalStateException("the floor wrote nothing");
    }
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
