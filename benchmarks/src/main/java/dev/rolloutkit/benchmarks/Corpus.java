package dev.rolloutkit.benchmarks;

import dev.rolloutkit.stack.CanaryStack;
import dev.rolloutkit.traffic.TrafficRouter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * A seeded corpus of realistic manifests for the lint benchmark: one folder per namespace, one
 * multi-document file per stack (MCP with Istio, ML with NGINX, NLP without routing; with and
 * without KEDA), and about one stack in twenty with a defect people make (a setWeight over 100, a
 * gate that rolls back on the first failure, a missing template, minReplicaCount 0 on a canary's
 * ScaledObject).
 */
public final class Corpus {

  private Corpus() {}

  /**
   * {@code Corpus DIR RESOURCES [SEED]}: writes a corpus into DIR (seed 42 by default) and prints
   * its size.
   */
  public static void main(String[] args) {
    if (args.length < 2) {
      System.err.println("usage: Corpus DIR RESOURCES [SEED]");
      System.exit(2);
    }
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
    System.out.println(
        write(Path.of(args[0]), Integer.parseInt(args[1]), seed) + " resources in " + args[0]);
  }

  /**
   * Writes stacks into {@code dir} until it holds at least {@code resources} resources; returns the
   * number written.
   */
  public static int write(Path dir, int resources, long seed) {
    Random random = new Random(seed);
    int written = 0;
    try {
      for (int i = 0; written < resources; i++) {
        String ns = "team-" + random.nextInt(40);
        String name = "svc-" + i;
        CanaryStack.Builder b =
            switch (random.nextInt(3)) {
              case 0 -> CanaryStack.mcp(name).traffic(TrafficRouter.named("istio"));
              case 1 -> CanaryStack.ml(name);
              default -> CanaryStack.nlp(name).traffic(TrafficRouter.none());
            };
        CanaryStack stack =
            b.namespace(ns).image("ghcr.io/acme/" + name + ":1." + random.nextInt(20)).build();
        String yaml = stack.toYaml();
        if (random.nextInt(20) == 0) {
          yaml = defect(yaml, random.nextInt(4));
        }
        Path folder = Files.createDirectories(dir.resolve(ns));
        Files.writeString(folder.resolve(name + ".yaml"), yaml);
        written += stack.resources().size();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return written;
  }

  private static String defect(String yaml, int kind) {
    return switch (kind) {
      case 0 -> yaml.replaceFirst("setWeight: 100", "setWeight: 120");
      case 1 -> yaml.replaceFirst("failureLimit: \\d+", "failureLimit: 0");
      case 2 -> yaml.replaceFirst("templateName: ([a-z-]+)", "templateName: $1-v2");
      default -> yaml.replaceFirst("minReplicaCount: 2", "minReplicaCount: 0");
    };
  }
}
