package dev.rolloutkit.examples;

import dev.rolloutkit.simulation.PrometheusClient;
import dev.rolloutkit.simulation.Scenario;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Prometheus for the tests: Debian's {@code prometheus} package (installed by {@code
 * .ci/run} when missing), its TSDB backfilled with {@code promtool tsdb create-blocks-from
 * openmetrics} from the {@code series} of every scenario in examples/scenarios, started once per
 * test JVM on 127.0.0.1 and stopped when the JVM exits. The scenario {@code s} has canary hash
 * {@code canary-s} and stable hash {@code stable-s}; its step 0 is at {@link #START}.
 *
 * <p>Missing binaries fail the tests that need them with the command that installs them; they are
 * never skipped.
 */
final class RealPrometheus {

  /** The time of every scenario's step 0. */
  static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  /** The label that carries the pod-template hash, as the presets' queries filter on it. */
  static final String HASH_LABEL = "rollouts_pod_template_hash";

  private static PrometheusClient client;
  private static Process process;

  private RealPrometheus() {}

  /** The canary's pod-template hash in scenario {@code name}. */
  static String canaryHash(String scenario) {
    return "canary-" + scenario;
  }

  /** The client of the running server, started on first use. */
  static synchronized PrometheusClient client() {
    if (client == null) {
      try {
        client = start();
      } catch (IOException e) {
        throw new IllegalStateException("could not start Prometheus: " + e.getMessage(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while starting Prometheus", e);
      }
    }
    return client;
  }

  private static String binary(String name) {
    for (String dir : List.of("/usr/bin", "/usr/local/bin", "/bin")) {
      if (Files.isExecutable(Path.of(dir, name))) {
        return Path.of(dir, name).toString();
      }
    }
    throw new IllegalStateException(
        name
            + " is not installed: the tests run the presets' queries on a real Prometheus."
            + " Install Debian's package (apt-get install -y prometheus), as .ci/run does");
  }

  private static PrometheusClient start() throws IOException, InterruptedException {
    String prometheus = binary("prometheus");
    String promtool = binary("promtool");
    Path dir = Files.createTempDirectory("rolloutkit-prometheus");
    Path tsdb = dir.resolve("data");
    try (Stream<Path> files = Files.list(ScenarioMatrixTest.SCENARIOS)) {
      for (Path file : files.sorted().toList()) {
        String name = file.getFileName().toString().replaceFirst("\\.yaml$", "");
        String text =
            Scenario.read(file)
                .openMetrics(
                    START,
                    Duration.ofHours(1),
                    HASH_LABEL,
                    canaryHash(name),
                    "stable-" + name,
                    Map.of("scenario", name));
        // one backfill per scenario into the same TSDB: blocks may overlap in time
        Path input = dir.resolve(name + ".om");
        Files.writeString(input, text, StandardCharsets.UTF_8);
        run(
            List.of(
                promtool,
                "tsdb",
                "create-blocks-from",
                "openmetrics",
                input.toString(),
                tsdb.toString()),
            dir);
      }
    }
    Path config = dir.resolve("prometheus.yml");
    Files.writeString(config, "global:\n  evaluation_interval: 1h\nscrape_configs: []\n");
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    List<String> command =
        new ArrayList<>(
            List.of(
                prometheus,
                "--config.file=" + config,
                "--storage.tsdb.path=" + tsdb,
                "--storage.tsdb.retention.time=100y",
                "--web.listen-address=127.0.0.1:" + port,
                "--log.level=warn"));
    process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("prometheus.log").toFile())
            .start();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  process.destroy();
                  try {
                    process.waitFor(10, TimeUnit.SECONDS);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  process.destroyForcibly();
                }));
    URI address = URI.create("http://127.0.0.1:" + port);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException(
            "prometheus exited with "
                + process.exitValue()
                + ": "
                + Files.readString(dir.resolve("prometheus.log")));
      }
      try {
        HttpURLConnection c =
            (HttpURLConnection) address.resolve("/-/ready").toURL().openConnection();
        c.setConnectTimeout(1000);
        if (c.getResponseCode() == 200) {
          return PrometheusClient.of(address);
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new IOException(
        "prometheus was not ready within 60 s: see " + dir.resolve("prometheus.log"));
  }

  private static void run(List<String> command, Path dir) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("promtool.log").toFile())
            .start();
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException(
          String.join(" ", command) + " failed: " + Files.readString(dir.resolve("promtool.log")));
    }
  }
}
