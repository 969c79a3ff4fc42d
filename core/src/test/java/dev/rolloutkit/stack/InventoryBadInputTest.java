package dev.rolloutkit.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.rolloutkit.InvalidSpecException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded mutations of a valid inventory (its own profiles included): each is read into stacks or
 * refused with every problem naming the file, line and column; never another exception.
 */
class InventoryBadInputTest {

  static final String VALID =
      """
      profiles:
      - name: cautious
        base: ml
        steps:
        - setWeight: 10
        - pause:
            duration: 2m
        - experiment:
            duration: 5m
            templates:
            - name: canary
              specRef: canary
              replicas: 1
            analyses:
            - templateName: canary-health-check
        - analysis:
            templates:
            - templateName: canary-health-check
        - plugin:
            name: acme/notify
            config:
              channel: releases
        - setWeight: 100
        scaleDownDelaySeconds: 30
      - name: major
        base: ml
        blueGreen:
          prePromotionGate: bluegreen-validation
          autoPromotionEnabled: false
          previewReplicaCount: 1
      services:
      - name: bankchurn
        namespace: ml-portfolio
        image: ghcr.io/acme/bankchurn:3.2.0
        profile: cautious
        host: bankchurn.example.com
        replicas: 3
        port: 8000
        minAvailable: 1
        resources:
          requests:
            cpu: 500m
      - name: taxi
        namespace: ml-portfolio
        image: ghcr.io/acme/taxi:4.0.0
        profile: major
      """;

  static final String[] VALUES = {
    "x", "7", "-1", "0", "[]", "{}", "null", "true", "'10'", "1.5", "[1, 2]", "{a: b}", "\"\"", "~"
  };

  @TempDir Path dir;

  static Stream<Integer> seeds() {
    return IntStream.range(0, 300).boxed();
  }

  static String mutate(int seed) {
    Random random = new Random(seed);
    List<String> lines = new ArrayList<>(List.of(VALID.split("\n")));
    int mutations = 1 + random.nextInt(2);
    for (int m = 0; m < mutations; m++) {
      int i = random.nextInt(lines.size());
      String line = lines.get(i);
      int colon = line.indexOf(": ");
      switch (random.nextInt(4)) {
        case 0 -> lines.remove(i);
        case 1 -> {
          if (colon > 0) {
            lines.set(i, line.substring(0, colon + 2) + VALUES[random.nextInt(VALUES.length)]);
          } else if (line.endsWith(":")) {
            lines.set(i, line + " " + VALUES[random.nextInt(VALUES.length)]);
          }
        }
        case 2 -> {
          String indent = line.substring(0, line.length() - line.stripLeading().length());
          lines.add(i, indent + "bogus" + seed + ": " + VALUES[random.nextInt(VALUES.length)]);
        }
        default -> lines.set(i, lines.get(random.nextInt(lines.size())));
      }
    }
    return String.join("\n", lines) + "\n";
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void should_read_or_refuse_with_file_line_and_field_never_otherwise(int seed) throws Exception {
    Path file = dir.resolve("inventory.yaml");
    String text = mutate(seed);
    Files.writeString(file, text);
    try {
      StackSet set = Inventory.read(file);
      assertThat(set.stacks()).isNotEmpty();
    } catch (InvalidSpecException e) {
      assertThat(e.problems()).isNotEmpty();
      for (String problem : e.problems()) {
        if (!problem.contains(file + ":")) {
          fail("seed %d: a problem without its place: %s%n%s", seed, problem, text);
        }
      }
    } catch (RuntimeException e) {
      throw new AssertionError("seed " + seed + ": " + e + " for\n" + text, e);
    }
  }
}
