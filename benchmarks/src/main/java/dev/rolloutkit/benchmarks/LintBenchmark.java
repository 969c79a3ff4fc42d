package dev.rolloutkit.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.rolloutkit.lint.Lint;
import dev.rolloutkit.lint.LintResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Linting a seeded corpus of {@code resources} manifests of mixed kinds against merely parsing the
 * same files into trees (the floor). Resources per second = resources / (seconds per op).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(
    value = 1,
    jvmArgs = {"-Xmx2g"})
@Threads(1)
public class LintBenchmark {

  @Param("10000")
  public int resources;

  Path dir;
  List<Path> files;
  int written;
  private static final YAMLMapper YAML = new YAMLMapper();

  @Setup(Level.Trial)
  public void corpus() throws IOException {
    dir = Files.createTempDirectory("rolloutkit-lint-corpus");
    written = Corpus.write(dir, resources, 42);
    try (Stream<Path> s = Files.walk(dir)) {
      files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    LintResult result = Lint.files(dir);
    if (result.resources() != written) {
      throw new IllegalStateException(
          "lint saw " + result.resources() + " resources, the corpus has " + written);
    }
  }

  @TearDown(Level.Trial)
  public void delete() throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Benchmark
  public int parseOnly() {
    return parseTrees(files);
  }

  /** How a file's text is read: its name and text to the number of documents read. */
  @FunctionalInterface
  interface Reading {
    int documents(String name, String text) throws IOException;
  }

  /** Reads every file with {@code reading}; the number of documents in all. */
  static int readEach(List<Path> files, Reading reading) {
    int n = 0;
    for (Path f : files) {
      try {
        n += reading.documents(f.toString(), Files.readString(f));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return n;
  }

  /**
   * The parse-only baseline: every file into Jackson trees (SnakeYAML underneath); the number of
   * documents.
   */
  static int parseTrees(List<Path> files) {
    return readEach(
        files, (name, text) -> YAML.readerFor(JsonNode.class).readValues(text).readAll().size());
  }

  @Benchmark
  public LintResult lint() {
    return Lint.files(dir);
  }
}
