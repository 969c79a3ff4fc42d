package dev.rolloutkit.lint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.rolloutkit.rules.ResourceSet;
import dev.rolloutkit.rules.RuleSet;
import dev.rolloutkit.rules.SourceLocation;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.stream.Stream;

/**
 * Checks manifests before anything is applied: reads files and folders ({@code *.yaml}, {@code *.yml}, recursively;
 * kustomize's {@code kustomization.yaml} build files are passed over),
 * every document, typed where the kind is known, and runs the rules over all of them together, so findings across
 * resources (a Rollout and its VirtualService) are found. Every finding carries file:line:column.
 *
 * <pre>{@code
 * LintResult result = Lint.files(Path.of("deploy"));
 * result.hasErrors();   // what `rolloutkit lint` exits 1 on
 * Lint.yaml(stack.toYaml()).findings();
 * }</pre>
 *
 * Input that cannot be read or parsed throws {@link LintException} naming the file and line.
 */
public final class Lint {

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
  private static final YAMLMapper YAML = new YAMLMapper();
  /** kustomize's build files, which are not resources (and need not have apiVersion or kind). */
  private static final java.util.regex.Pattern KUSTOMIZATION = java.util.regex.Pattern.compile("kustomization\\.ya?ml");

  private final RuleSet rules;

  private Lint(RuleSet rules) {
    this.rules = rules;
  }

  /** Lint with every rule on the class path. */
  public static Lint withAllRules() {
    return new Lint(RuleSet.all());
  }

  /** Lint with {@code rules}. */
  public static Lint with(RuleSet rules) {
    return new Lint(rules);
  }

  /** {@link #withAllRules()} over files and folders. */
  public static LintResult files(Path... paths) {
    return withAllRules().lintFiles(List.of(paths));
  }

  /** {@link #withAllRules()} over a YAML text. */
  public static LintResult yaml(String text) {
    return withAllRules().lintYaml("<yaml>", text);
  }

  /** Lints the YAML files under {@code paths}. */
  public LintResult lintFiles(List<Path> paths) {
    List<Path> files = new ArrayList<>();
    for (Path path : paths) {
      if (!Files.exists(path)) {
        throw new LintException(path + ": no such file or directory");
      }
      if (Files.isDirectory(path)) {
        try (Stream<Path> walk = Files.walk(path)) {
          walk.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().matches(".*\\.ya?ml"))
              .filter(p -> !KUSTOMIZATION.matcher(p.getFileName().toString()).matches())
              .sorted().forEach(files::add);
        } catch (IOException e) {
          throw new LintException(path + ": cannot read the directory: " + e.getMessage());
        }
      } else {
        files.add(path);
      }
    }
    Reader reader = new Reader();
    for (Path file : files) {
      String text;
      try {
        text = Files.readString(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new LintException(file + ": cannot read as UTF-8 text: " + e.getMessage());
      }
      reader.read(file.toString(), text);
    }
    return reader.result(files.size());
  }

  /** Lints one YAML text called {@code name} in findings. */
  public LintResult lintYaml(String name, String text) {
    Reader reader = new Reader();
    reader.read(name, text);
    return reader.result(1);
  }

  private final class Reader {

    private final List<HasMetadata> resources = new ArrayList<>();
    private final Map<HasMetadata, BiFunction<HasMetadata, String, Optional<SourceLocation>>> locators = new IdentityHashMap<>();

    void read(String file, String text) {
      List<YamlLocations> locations;
      List<JsonNode> documents = new ArrayList<>();
      try {
        locations = YamlLocations.of(file, text);
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(text)) {
          while (it.hasNext()) {
            JsonNode node = it.next();
            if (node != null && !node.isNull() && !node.isMissingNode()) {
              documents.add(node);
            }
          }
        }
      } catch (JsonProcessingException e) {
        throw new LintException(file + ":" + e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr() + ": not valid YAML: "
            + e.getOriginalMessage());
      } catch (IOException | RuntimeException e) {
        throw new LintException(file + ": not valid YAML: " + e.getMessage());
      }
      int mapping = 0;
      for (int i = 0; i < documents.size(); i++) {
        JsonNode document = documents.get(i);
        if (!document.isObject()) {
          throw new LintException(file + ": document " + (i + 1) + " is not a mapping (expected a Kubernetes object with apiVersion and kind)");
        }
        YamlLocations where = locations.get(mapping++);
        String at = where.locate("").map(l -> l.line() + "").orElse("?");
        for (String field : List.of("apiVersion", "kind")) {
          if (!document.path(field).isTextual() || document.path(field).asText().isBlank()) {
            throw new LintException(file + ":" + at + ": document " + (i + 1) + " has no " + field
                + " (expected a Kubernetes object with apiVersion and kind)");
          }
        }
        HasMetadata resource;
        try {
          resource = SERIALIZATION.unmarshal(YAML.writeValueAsString(document));
        } catch (RuntimeException | IOException e) {
          throw new LintException(file + ":" + at + ": " + document.path("kind").asText() + " cannot be read: " + rootMessage(e));
        }
        resources.add(resource);
        locators.put(resource, (r, path) -> where.locate(path));
      }
    }

    LintResult result(int files) {
      ResourceSet set = ResourceSet.located(resources, locators);
      return new LintResult(rules.evaluate(set), files, resources.size());
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage();
  }
}
