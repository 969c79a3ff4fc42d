package dev.rolloutkit.lint;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rolloutkit.manifest.Manifest;
import dev.rolloutkit.manifest.Manifests;
import dev.rolloutkit.profile.ArgoDuration;
import dev.rolloutkit.rules.RuleSet;
import dev.rolloutkit.rules.Severity;
import dev.rolloutkit.rules.Thresholds;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
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
 * assumeComplete: true
 * </pre>
 *
 * {@code assumeComplete} takes the linted files as everything that will exist: a reference to a
 * kind none of them holds is then an error, not a warning that it must exist in the cluster.
 *
 * <p>Unknown keys, rule ids, values of the wrong type ({@code disable: ARGO-SELECTOR} instead of a
 * list) are errors naming the file, line and column, so a typo never silently turns a check off.
 */
public record LintConfig(RuleSet rules, Thresholds thresholds) {

  private static final Set<String> KEYS =
      Set.of("disable", "severity", "thresholds", "assumeComplete");

  /** Every rule, default thresholds. */
  public static LintConfig defaults() {
    return new LintConfig(RuleSet.all(), Thresholds.defaults());
  }

  /** The configuration in {@code file}, applied to every rule on the class path. */
  public static LintConfig read(Path file) {
    List<Manifest> documents = Manifests.readData(file);
    RuleSet rules = RuleSet.all();
    Thresholds thresholds = Thresholds.defaults();
    if (documents.isEmpty()) {
      return new LintConfig(rules, thresholds);
    }
    Manifest document = documents.get(0);
    if (document.error().isPresent()) {
      throw new LintException(document.error().get().toString());
    }
    if (documents.size() > 1) {
      throw new LintException(
          documents.get(1).location()
              + ": the lint configuration is one document; this is a second one");
    }
    JsonNode root = document.tree().orElseThrow();
    if (!root.isObject()) {
      throw new LintException(
          document.location() + ": expected a mapping with disable, severity and thresholds");
    }
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!KEYS.contains(key)) {
        throw new LintException(
            document.locate(key)
                + ": unknown key '"
                + key
                + "' (expected disable, severity, thresholds, assumeComplete)");
      }
    }
    JsonNode disable = root.path("disable");
    if (!disable.isMissingNode() && !disable.isNull() && !disable.isArray()) {
      throw new LintException(
          document.locateValue("disable")
              + ": disable: expected a list of rule ids such as [ARGO-SELECTOR],"
              + " got "
              + describe(disable));
    }
    for (int i = 0; i < disable.size(); i++) {
      JsonNode id = disable.get(i);
      String at = "disable[" + i + "]";
      if (!id.isTextual()) {
        throw new LintException(
            document.locateValue(at) + ": " + at + ": expected a rule id, got " + describe(id));
      }
      try {
        rules = rules.without(id.textValue());
      } catch (IllegalArgumentException e) {
        throw new LintException(document.locateValue(at) + ": " + at + ": " + e.getMessage());
      }
    }
    JsonNode severity = root.path("severity");
    if (!severity.isMissingNode() && !severity.isNull() && !severity.isObject()) {
      throw new LintException(
          document.locateValue("severity")
              + ": severity: expected a mapping of rule id to error, warning or"
              + " info, got "
              + describe(severity));
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = severity.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String at = "severity." + e.getKey();
      if (!e.getValue().isTextual()) {
        throw new LintException(
            document.locateValue(at)
                + ": "
                + at
                + ": expected error, warning or info, got "
                + describe(e.getValue()));
      }
      try {
        rules = rules.withSeverity(e.getKey(), Severity.of(e.getValue().textValue()));
      } catch (IllegalArgumentException x) {
        throw new LintException(document.locateValue(at) + ": " + at + ": " + x.getMessage());
      }
    }
    JsonNode given = root.path("thresholds");
    if (!given.isMissingNode() && !given.isNull() && !given.isObject()) {
      throw new LintException(
          document.locateValue("thresholds")
              + ": thresholds: expected a mapping, got "
              + describe(given));
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = given.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String at = "thresholds." + e.getKey();
      JsonNode value = e.getValue();
      switch (e.getKey()) {
        case "scrapeInterval" -> {
          String text = value.isTextual() || value.isIntegralNumber() ? value.asText() : null;
          var seconds = text == null ? java.util.OptionalLong.empty() : ArgoDuration.seconds(text);
          if (seconds.isEmpty() || seconds.getAsLong() <= 0) {
            throw new LintException(
                document.locateValue(at)
                    + ": "
                    + at
                    + ": expected a positive duration such as 15s, got "
                    + describe(value));
          }
          thresholds = thresholds.withScrapeInterval(Duration.ofSeconds(seconds.getAsLong()));
        }
        case "minFailuresToRollBack" -> {
          if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 1) {
            throw new LintException(
                document.locateValue(at)
                    + ": "
                    + at
                    + ": expected a whole number of at least 1 such as 3, got "
                    + describe(value));
          }
          thresholds = thresholds.withMinFailuresToRollBack(value.intValue());
        }
        default ->
            throw new LintException(
                document.locate(at)
                    + ": unknown threshold '"
                    + e.getKey()
                    + "' (expected scrapeInterval, minFailuresToRollBack)");
      }
    }
    JsonNode complete = root.path("assumeComplete");
    if (!complete.isMissingNode() && !complete.isNull()) {
      if (!complete.isBoolean()) {
        throw new LintException(
            document.locateValue("assumeComplete")
                + ": assumeComplete: expected true or false, got "
                + describe(complete));
      }
      thresholds = thresholds.withAssumeComplete(complete.booleanValue());
    }
    return new LintConfig(rules, thresholds);
  }

  /** This configuration, taking the linted files as complete when {@code complete}. */
  public LintConfig withAssumeComplete(boolean complete) {
    return new LintConfig(rules, thresholds.withAssumeComplete(complete));
  }

  private static String describe(JsonNode value) {
    if (value.isTextual()) {
      return "the string \"" + value.textValue() + "\"";
    }
    if (value.isNumber()) {
      return "the number " + value.asText();
    }
    if (value.isBoolean()) {
      return "the boolean "
          + value.asText()
          + " (yes, no, on and off unquoted are booleans in YAML)";
    }
    return value.isObject()
        ? "a mapping"
        : value.isArray() ? "a list" : value.isNull() ? "null" : value.toString();
  }

  /** A lint that uses this configuration. */
  public Lint lint() {
    return Lint.with(rules).withThresholds(thresholds);
  }
}
