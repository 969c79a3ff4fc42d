package dev.rolloutkit.analysis;

import java.time.Duration;
import org.immutables.value.Value;

/**
 * Where Prometheus is and how it sees the canary's pods.
 *
 * <pre>{@code
 * PrometheusSettings.defaults().withCanaryHashLabel("version")   // the MCP article's label
 * }</pre>
 */
@Value.Immutable
public abstract class PrometheusSettings {

  /** The default Prometheus address, {@code http://prometheus.monitoring:9090}. */
  public static final String DEFAULT_ADDRESS = "http://prometheus.monitoring:9090";

  /** The pod label {@code rollouts-pod-template-hash} as Prometheus usually exposes it. */
  public static final String DEFAULT_CANARY_HASH_LABEL = "rollouts_pod_template_hash";

  /** The Prometheus server address. */
  @Value.Default
  public String address() {
    return DEFAULT_ADDRESS;
  }

  /**
   * The Prometheus label that carries the pod-template hash; default {@code
   * rollouts_pod_template_hash}. The article's {@code version} only exists if the pods set such a
   * label themselves.
   */
  @Value.Default
  public String canaryHashLabel() {
    return DEFAULT_CANARY_HASH_LABEL;
  }

  /**
   * The scrape interval assumed for the canary's metrics (default 15s). Not written anywhere: the
   * rules use it to judge range windows (at least 4× this) and analysis intervals (at least this).
   */
  @Value.Default
  public Duration scrapeInterval() {
    return Duration.ofSeconds(15);
  }

  /** The defaults. */
  public static PrometheusSettings defaults() {
    return ImmutablePrometheusSettings.builder().build();
  }

  /** A copy with another address. */
  public PrometheusSettings withAddress(String address) {
    return ImmutablePrometheusSettings.builder().from(this).address(address).build();
  }

  /** A copy with another canary-hash label. */
  public PrometheusSettings withCanaryHashLabel(String label) {
    return ImmutablePrometheusSettings.builder().from(this).canaryHashLabel(label).build();
  }

  /** A copy with another assumed scrape interval. */
  public PrometheusSettings withScrapeInterval(Duration scrapeInterval) {
    return ImmutablePrometheusSettings.builder().from(this).scrapeInterval(scrapeInterval).build();
  }

  @Value.Check
  protected void check() {
    if (address().isBlank()) {
      throw new IllegalArgumentException("prometheus address must not be blank");
    }
    java.util.Optional<String> text = dev.rolloutkit.DnsNames.textProblem(address(), false);
    if (text.isPresent()) {
      throw new IllegalArgumentException("prometheus address " + text.get());
    }
    java.net.URI uri;
    try {
      uri = new java.net.URI(address());
    } catch (java.net.URISyntaxException e) {
      uri = null;
    }
    if (uri == null
        || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
        || uri.getHost() == null) {
      throw new IllegalArgumentException(
          "prometheus address '"
              + address()
              + "' is not an http:// or https:// URL with a host, such as"
              + " http://prometheus.monitoring:9090");
    }
    PromQl.labelName(canaryHashLabel());
    if (scrapeInterval().isNegative() || scrapeInterval().isZero()) {
      throw new IllegalArgumentException(
          "scrape interval must be positive, got " + scrapeInterval());
    }
  }
}
