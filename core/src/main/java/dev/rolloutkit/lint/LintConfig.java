package dev.rolloutkit.lint;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rolloutkit.profile.ArgoDuration;
import dev.rolloutkit.rules.RuleSet;
import dev.rolloutkit.rules.Severity;
import dev.rolloutkit.rules.Thresholds;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * What a lint run checks, from a YAML file:
 *
 * <pre>
 * disable: [ISTIO-DR-HOST-UNKNOWN]
 * severity:
 *   ANALYSIS-SCRAPE-WINDOWS: error
 * thresholds:
 *   scrapeInterval: 30s
 *   minFailuresToRollBack: 2
 * </pre>
 *
 * Unknown keys, rule ids and values are errors naming the file, so a typo never silently turns a check off.
 */
public record LintConfig(RuleSet rules, Thresholds thresholds) {

  private static final Set<String> KEYS = Set.of("disable", "severity", "thresholds");

  /** Every rule, default thresholds. */
  public static LintConfig defaults() {
    return new LintConfig(RuleSet.all(), Thresholds.defaults());
  }

  /** The configuration in {@code file}, applied to every rule on the class path. */
  public static LintConfig read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new LintException(file + ": cannot read the lint configuration: " + e.getMessage());
    }
    JsonNode root;
    try {
      root = new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readTree(text);
    } catch (IOException e) {
      throw new LintException(file + ": not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
    }
    RuleSet rules = RuleSet.all();
    Thresholds thresholds = Thresholds.defaults();
    if (root == null || root.isNull() || root.isMissingNode()) {
      return new LintConfig(rules, thresholds);
    }
    if (!root.isObject()) {
      throw new LintException(file + ": expected a mapping with disable, severity and thresholds");
    }
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!KEYS.contains(key)) {
        throw new LintException(file + ": unknown key '" + key + "' (expected disable, severity, thresholds)");
      }
    }
    try {
      for (JsonNode id : root.path("disable")) {
        rules = rules.without(id.asText());
      }
      for (Map.Entry<String, JsonNode> e : iterable(root.path("severity").fields())) {
        rules = rules.withSeverity(e.getKey(), Severity.of(e.getValue().asText()));
      }
      for (Map.Entry<String, JsonNode> e : iterable(root.path("thresholds").fields())) {
        String value = e.getValue().asText();
        switch (e.getKey()) {
          case "scrapeInterval" -> {
            long seconds = ArgoDuration.seconds(value).orElseThrow(() ->
                new IllegalArgumentException("thresholds.scrapeInterval '" + value + "' is not a duration such as 15s"));
            thresholds = thresholds.withScrapeInterval(Duration.ofSeconds(seconds));
          }
          case "minFailuresToRollBack" -> {
            if (!e.getValue().canConvertToInt() || !e.getValue().isIntegralNumber()) {
              throw new IllegalArgumentException("thresholds.minFailuresToRollBack '" + value + "' is not a whole number such as 3");
            }
            thresholds = thresholds.withMinFailuresToRollBack(e.getValue().intValue());
          }
          default -> throw new IllegalArgumentException(
              "unknown threshold '" + e.getKey() + "' (expected scrapeInterval, minFailuresToRollBack)");
        }
      }
    } catch (IllegalArgumentException e) {
      throw new LintException(file + ": " + e.getMessage());
    }
    return new LintConfig(rules, thresholds);
  }

  private static <T> Iterable<T> iterable(Iterator<T> it) {
    return () -> it;
  }

  /** A lint that uses this configuration. */
  public Lint lint() {
    return Lint.with(rules).withThresholds(thresholds);
  }
}
