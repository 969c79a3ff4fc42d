package dev.rolloutkit.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * Runs an instant query on a Prometheus server, as Argo's Prometheus provider does ({@code POST
 * /api/v1/query}), and hands the result over shaped as the provider passes it to the conditions: a
 * scalar as a float, a vector as the list of its sample values in the API's order (an empty vector
 * as an empty list), a matrix as all samples of all series, anything else an error.
 *
 * <pre>{@code
 * PrometheusClient.of(URI.create("http://127.0.0.1:9090")).query("sum(up)", Instant.now());
 * }</pre>
 *
 * @see <a
 *     href="https://github.com/argoproj/argo-rollouts/blob/master/metricproviders/prometheus/prometheus.go">Argo's
 *     Prometheus provider (processResponse)</a>
 */
public final class PrometheusClient {

  /**
   * What a query returned: Prometheus' {@code resultType}, the value as Argo records it on the
   * measurement ({@code [0.998]}, {@code 0.5}), and {@code result} as the conditions see it ({@code
   * double[]} or {@code Double}).
   */
  public record Result(String resultType, String value, Object result) {}

  /** Prometheus did not answer, or answered with an error; the message is what Argo would show. */
  public static final class QueryException extends Exception {
    public QueryException(String message) {
      super(message);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI address;
  private final HttpClient http;
  private final Duration timeout;

  private PrometheusClient(URI address, Duration timeout) {
    this.address = address;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  /** A client of the Prometheus at {@code address}, with Argo's default timeout of 30 s. */
  public static PrometheusClient of(URI address) {
    return new PrometheusClient(address, Duration.ofSeconds(30));
  }

  /** A copy that gives up after {@code timeout}. */
  public PrometheusClient withTimeout(Duration timeout) {
    return new PrometheusClient(address, timeout);
  }

  /** The server's address. */
  public URI address() {
    return address;
  }

  /** {@code query} evaluated at {@code time}. */
  public Result query(String query, Instant time) throws QueryException {
    String base = address.toString().replaceAll("/+$", "");
    String form =
        "query="
            + URLEncoder.encode(query, StandardCharsets.UTF_8)
            + "&time="
            + URLEncoder.encode(
                new BigDecimal(time.getEpochSecond())
                    .add(BigDecimal.valueOf(time.getNano(), 9))
                    .stripTrailingZeros()
                    .toPlainString(),
                StandardCharsets.UTF_8);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + "/api/v1/query"))
            .timeout(timeout)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new QueryException(
          "Post \""
              + base
              + "/api/v1/query\": "
              + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new QueryException("interrupted");
    }
    JsonNode body;
    try {
      body = JSON.readTree(response.body());
    } catch (IOException e) {
      throw new QueryException(
          "server returned HTTP status " + response.statusCode() + " with a body that is not JSON");
    }
    if (!"success".equals(body.path("status").asText())) {
      throw new QueryException(
          body.path("errorType").asText("error") + ": " + body.path("error").asText());
    }
    return shape(body.path("data"));
  }

  /** The provider's shaping of {@code data}: resultType and result. */
  static Result shape(JsonNode data) throws QueryException {
    String type = data.path("resultType").asText();
    JsonNode result = data.path("result");
    switch (type) {
      case "scalar" -> {
        double v = sample(result.get(1));
        return new Result(type, format(v), v);
      }
      case "vector" -> {
        double[] values = new double[result.size()];
        for (int i = 0; i < values.length; i++) {
          values[i] = sample(result.get(i).path("value").get(1));
        }
        return new Result(type, list(values), values);
      }
      case "matrix" -> {
        int n = 0;
        for (JsonNode series : result) {
          n += series.path("values").size();
        }
        double[] values = new double[n];
        int i = 0;
        for (JsonNode series : result) {
          for (JsonNode s : series.path("values")) {
            values[i++] = sample(s.get(1));
          }
        }
        return new Result(type, list(values), values);
      }
      default -> throw new QueryException("Prometheus metric type not supported");
    }
  }

  private static double sample(JsonNode text) throws QueryException {
    if (text == null || !text.isTextual()) {
      throw new QueryException("Prometheus returned a sample that is not a number");
    }
    return switch (text.textValue()) {
      case "NaN" -> Double.NaN;
      case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      default -> {
        try {
          yield Double.parseDouble(text.textValue());
        } catch (NumberFormatException e) {
          throw new QueryException(
              "Prometheus returned a sample that is not a number: " + text.textValue());
        }
      }
    };
  }

  /** Go's {@code model.SampleValue.String()}: shortest decimal, no exponent; NaN, +Inf, -Inf. */
  public static String format(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "+Inf" : "-Inf";
    }
    if (v == 0) {
      return (1 / v < 0) ? "-0" : "0";
    }
    return new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
  }

  private static String list(double[] values) {
    StringBuilder out = new StringBuilder("[");
    for (int i = 0; i < values.length; i++) {
      out.append(i == 0 ? "" : ",").append(format(values[i]));
    }
    return out.append(']').toString();
  }
}
