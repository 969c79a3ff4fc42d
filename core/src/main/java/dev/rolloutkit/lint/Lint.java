package dev.rolloutkit.lint;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.rolloutkit.rules.Finding;
import dev.rolloutkit.rules.ResourceSet;
import dev.rolloutkit.rules.RuleSet;
import dev.rolloutkit.rules.SourceLocation;
import dev.rolloutkit.rules.ValidationReport;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

  /** The largest file read, in bytes; bigger files are rejected before they are read. */
  public static final long MAX_FILE_BYTES = 16L * 1024 * 1024;
  /** How deep documents may nest; Kubernetes objects stay far below it. */
  public static final int MAX_NESTING = 100;
  /** How many aliases to collections a document may use, against "billion laughs" expansion. */
  public static final int MAX_ALIASES = 50;

  private static final YAMLMapper YAML = yamlMapper();
  /** kustomize's build files, which are not resources (and need not have apiVersion or kind). */
  private static final java.util.regex.Pattern KUSTOMIZATION = java.util.regex.Pattern.compile("kustomization\\.ya?ml");

  private final RuleSet rules;
  private final dev.rolloutkit.rules.Thresholds thresholds;
  private final long wholeSetBytes;

  static YAMLMapper yamlMapper() {
    org.yaml.snakeyaml.LoaderOptions options = new org.yaml.snakeyaml.LoaderOptions();
    options.setAllowDuplicateKeys(true); // duplicates are found (with their values compared) by YamlLocations
    options.setMaxAliasesForCollections(MAX_ALIASES);
    options.setNestingDepthLimit(MAX_NESTING);
    options.setCodePointLimit((int) MAX_FILE_BYTES);
    // Manifests in the common subset of YAML are scanned by SubsetYamlEvents, the rest by SnakeYAML.
    YAMLMapper mapper = new YAMLMapper(new SubsetYamlFactory(com.fasterxml.jackson.dataformat.yaml.YAMLFactory.builder()
        .loaderOptions(options)
        .streamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build())));
    // fabric8's deserializer reads a document's tree typed with the codec of the tokens, this mapper: count there too.
    mapper.registerModule(new dev.rolloutkit.internal.AdditionalPropertyCount());
    return mapper;
  }

  private Lint(RuleSet rules) {
    this(rules, dev.rolloutkit.rules.Thresholds.defaults(), Runtime.getRuntime().maxMemory() / 32);
  }

  private Lint(RuleSet rules, dev.rolloutkit.rules.Thresholds thresholds, long wholeSetBytes) {
    this.rules = rules;
    this.thresholds = thresholds;
    this.wholeSetBytes = wholeSetBytes;
  }

  /** This lint, judging with {@code thresholds}. */
  public Lint withThresholds(dev.rolloutkit.rules.Thresholds thresholds) {
    return new Lint(rules, thresholds, wholeSetBytes);
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

  /**
   * The manifest files under {@code paths}: files as given, folders walked for {@code *.yaml}/{@code *.yml} (kustomize's
   * kustomization files passed over), sorted.
   *
   * @throws LintException when a path does not exist or a folder cannot be read
   */
  public static List<Path> yamlFiles(List<Path> paths) {
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
    return files;
  }

  /**
   * Lints the YAML files under {@code paths}. A folder whose manifests are larger than {@link #wholeSetBytes()} is read
   * in parts no rule can see across ({@link Partitions}: namespaces joined by any mention of one another), one part in
   * memory at a time, with the same findings; either way findings come rule by rule, each rule's in file and line order.
   */
  public LintResult lintFiles(List<Path> paths) {
    List<Path> files = yamlFiles(paths);
    long bytes = 0;
    for (Path file : files) {
      bytes += size(file);
    }
    if (bytes > wholeSetBytes) {
      return lintInParts(files);
    }
    Reader reader = new Reader();
    for (Path file : files) {
      reader.read(file.toString(), readText(file));
    }
    LintResult result = reader.result(files.size());
    return new LintResult(ordered(result.report().findings(), files), result.files(), result.resources());
  }

  /** Manifests up to this many bytes in all are linted as one set; larger folders in parts (the default: heap / 32). */
  public long wholeSetBytes() {
    return wholeSetBytes;
  }

  /** This lint, reading folders of more than {@code bytes} of manifests in parts. */
  public Lint withWholeSetBytes(long bytes) {
    return new Lint(rules, thresholds, bytes);
  }

  private LintResult lintInParts(List<Path> files) {
    // First every file read in full, in order (so the first unreadable one fails the lint as it would whole), noting
    // each document's home and mentions and the kinds read; then each part read again and judged on its own.
    Partitions partitions = new Partitions();
    Set<String> kinds = new HashSet<>();
    for (int i = 0; i < files.size(); i++) {
      int file = i;
      Reader pass = new Reader(d -> false, d -> partitions.add(file, d), kinds);
      pass.read(files.get(i).toString(), readText(files.get(i)));
    }
    List<Finding> findings = new ArrayList<>();
    int resources = 0;
    for (Partitions.Part part : partitions.parts()) {
      Reader reader = new Reader(d -> part.homes().contains(Partitions.home(d)), null, null);
      for (int i : part.files()) {
        reader.read(files.get(i).toString(), readText(files.get(i)));
      }
      resources += reader.resources.size();
      findings.addAll(reader.evaluate(kinds).findings());
    }
    return new LintResult(ordered(findings, files), files.size(), resources);
  }

  /** Findings rule by rule (in the rule set's order), then by file (in the order read), line and column. */
  private ValidationReport ordered(List<Finding> findings, List<?> files) {
    Map<String, Integer> ruleOrder = new HashMap<>();
    for (dev.rolloutkit.rules.Rule r : rules.rules()) {
      ruleOrder.putIfAbsent(r.id(), ruleOrder.size());
    }
    Map<String, Integer> fileOrder = new HashMap<>();
    for (Object f : files) {
      fileOrder.putIfAbsent(f.toString(), fileOrder.size());
    }
    List<Finding> sorted = new ArrayList<>(findings);
    sorted.sort(java.util.Comparator.<Finding>comparingInt(f -> ruleOrder.getOrDefault(f.rule(), Integer.MAX_VALUE))
        .thenComparingInt(f -> f.location().map(l -> fileOrder.getOrDefault(l.file(), Integer.MAX_VALUE)).orElse(Integer.MAX_VALUE))
        .thenComparingInt(f -> f.location().map(SourceLocation::line).orElse(Integer.MAX_VALUE))
        .thenComparingInt(f -> f.location().map(SourceLocation::column).orElse(Integer.MAX_VALUE)));
    return ValidationReport.of(sorted);
  }

  private static long size(Path file) {
    try {
      long size = Files.size(file);
      if (size > MAX_FILE_BYTES) {
        throw new LintException(String.format(java.util.Locale.ROOT, "%s: the file is %.1f MiB; manifests up to %d MiB are read (split it into"
            + " several files)", file, size / 1048576.0, MAX_FILE_BYTES / 1048576));
      }
      return size;
    } catch (IOException e) {
      throw new LintException(file + ": cannot read: " + e.getMessage());
    }
  }

  /**
   * The UTF-8 text of {@code bytes}, refusing malformed input. Most manifests are 7-bit ASCII, which reads the same as
   * UTF-8 and as Latin-1: those are copied once into a compact string, without a decoder and its char buffer.
   */
  static String utf8(byte[] bytes) throws java.nio.charset.CharacterCodingException {
    for (byte b : bytes) {
      if (b < 0) {
        return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
      }
    }
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }

  private static String readText(Path file) {
    try {
      size(file);
      byte[] bytes = Files.readAllBytes(file);
      String text = utf8(bytes);
      int nul = text.indexOf('\0');
      if (nul >= 0) {
        throw new LintException(file + ":" + (text.substring(0, nul).split("\n", -1).length) + ": binary data (a NUL byte), not YAML text");
      }
      return text;
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new LintException(file + ": not UTF-8 text (manifests must be UTF-8)");
    } catch (IOException e) {
      throw new LintException(file + ": cannot read: " + e.getMessage());
    }
  }

  /**
   * The documents of a YAML text, typed where the kind is known, read exactly as lint reads them.
   *
   * @throws LintException for input that cannot be read, naming {@code name} and the line
   */
  public static List<HasMetadata> read(String name, String text) {
    Lint lint = new Lint(RuleSet.of());
    Reader reader = lint.new Reader();
    reader.read(name, text);
    return List.copyOf(reader.resources);
  }

  /**
   * A YAML text in canonical form: every document read typed (unknown fields kept) and written back in the model's
   * field order, strings quoted only where YAML needs it. Comments are not kept.
   */
  public static String canonical(String name, String text) {
    return dev.rolloutkit.internal.StackYaml.write(read(name, text));
  }

  /** Lints one YAML text called {@code name} in findings. */
  public LintResult lintYaml(String name, String text) {
    Reader reader = new Reader();
    reader.read(name, text);
    LintResult result = reader.result(1);
    return new LintResult(ordered(result.report().findings(), List.of(name)), 1, result.resources());
  }

  final class Reader {

    private final java.util.function.Predicate<JsonNode> keep;
    private final java.util.function.Consumer<JsonNode> observer;
    private final Set<String> kinds;
    private final List<HasMetadata> resources = new ArrayList<>();
    private final Map<HasMetadata, BiFunction<HasMetadata, String, Optional<SourceLocation>>> locators = new IdentityHashMap<>();
    private final Map<HasMetadata, List<String>> notes = new IdentityHashMap<>();
    /** Resources whose typed reading gave no value to an any-setter (no unknown field, no mismatched value). */
    private final List<HasMetadata> knownFieldsOnly = new ArrayList<>();

    Reader() {
      this(null, null, null);
    }

    /** Keeps the documents {@code keep} accepts (all if null); shows every document to {@code observer}; notes kinds read. */
    Reader(java.util.function.Predicate<JsonNode> keep, java.util.function.Consumer<JsonNode> observer, Set<String> kinds) {
      this.keep = keep;
      this.observer = observer;
      this.kinds = kinds;
    }

    void read(String file, String text) {
      List<YamlLocations> documents = new ArrayList<>();
      try {
        // One parse: the walk noting each field's position also buffers each document's tokens.
        for (YamlLocations document : YamlLocations.of(file, text, YAML)) {
          if (!document.empty()) {
            documents.add(document);
          }
        }
      } catch (YamlLocations.PositionedException e) {
        throw new LintException(file + ":" + e.line + ":" + e.column + ": " + e.getMessage());
      } catch (JsonProcessingException e) {
        org.yaml.snakeyaml.error.MarkedYAMLException marked = markedCause(e);
        if (marked != null && marked.getProblemMark() != null) {
          throw new LintException(file + ":" + (marked.getProblemMark().getLine() + 1) + ":" + (marked.getProblemMark().getColumn() + 1)
              + ": not valid YAML: " + firstLine(marked.getProblem()));
        }
        String at = e.getLocation() == null || e.getLocation().getLineNr() < 0 ? "" : ":" + e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr();
        throw new LintException(file + at + ": not valid YAML: " + firstLine(e.getOriginalMessage()));
      } catch (IOException | RuntimeException e) {
        throw new LintException(file + ": not valid YAML: " + firstLine(rootMessage(e)));
      }
      for (int i = 0; i < documents.size(); i++) {
        YamlLocations where = documents.get(i);
        if (!where.mapping()) {
          throw new LintException(file + ": document " + (i + 1) + " is not a mapping (expected a Kubernetes object with apiVersion and kind)");
        }
        String at = where.locate("").map(l -> l.line() + "").orElse("?");
        for (String field : List.of("apiVersion", "kind")) {
          if (where.topLevelText(field) == null || where.topLevelText(field).isBlank()) {
            throw new LintException(file + ":" + at + ": document " + (i + 1) + " has no " + field
                + " (expected a Kubernetes object with apiVersion and kind)");
          }
        }
        HasMetadata resource;
        long additional = dev.rolloutkit.internal.AdditionalPropertyCount.count();
        try {
          resource = typed(where);
        } catch (RuntimeException e) {
          throw new LintException(file + ":" + at + ": " + where.topLevelText("kind") + " cannot be read: " + rootMessage(e));
        }
        if (observer != null) {
          observer.accept(where.document());
        }
        if (kinds != null) {
          kinds.add(HasMetadata.getApiVersion(resource.getClass()) + "/" + HasMetadata.getKind(resource.getClass()));
        }
        if (keep != null && !keep.test(where.document())) {
          continue;
        }
        resources.add(resource);
        if (dev.rolloutkit.internal.AdditionalPropertyCount.count() == additional) {
          knownFieldsOnly.add(resource); // nothing went to an any-setter: the unknown-field check need not walk it
        }
        locators.put(resource, (r, path) -> where.locate(path));
        if (!where.repeatedKeys().isEmpty()) {
          notes.put(resource, where.repeatedKeys());
        }
      }
    }

    /** What was kept, in document order. */
    List<HasMetadata> resources() {
      return resources;
    }

    /** The kept resources whose typed reading gave no value to an any-setter. */
    List<HasMetadata> knownFieldsOnly() {
      return knownFieldsOnly;
    }

    LintResult result(int files) {
      ResourceSet set = ResourceSet.located(resources, locators).withRepeatedKeys(notes).withThresholds(thresholds)
          .withKnownFieldsOnly(knownFieldsOnly);
      return new LintResult(rules.evaluate(set), files, resources.size());
    }

    /** The rules over what was kept, as a part of a whole set holding {@code wholeSetKinds}. */
    ValidationReport evaluate(Set<String> wholeSetKinds) {
      return rules.evaluate(ResourceSet.located(resources, locators).withRepeatedKeys(notes).withThresholds(thresholds)
          .withKnownFieldsOnly(knownFieldsOnly).asPartOf(wholeSetKinds));
    }
  }

  /**
   * The document read typed (the kind's class, or a generic resource) as fabric8's {@code KubernetesSerialization}
   * reads it (same mapper, same failure as an IllegalArgumentException). Fabric8's {@code KubernetesDeserializer} reads
   * each document into a tree to find its class, then reads the tree typed; once a kind's class is known from that, a
   * document of the kind whose numbers all print as they are written ({@link YamlLocations#plainNumbers()}) is read
   * typed straight from its tokens, which gives the same object without the tree. Anything that fails that way is read
   * the tree's way again, so failures keep fabric8's words.
   */
  static HasMetadata typed(YamlLocations document) {
    Class<?> known = document.plainNumbers() ? knownClass(document) : null;
    if (known != null) {
      try {
        return typedDirectly(document, known);
      } catch (RuntimeException e) {
        // read it the tree's way below, which reports the failure in fabric8's words
      }
    }
    HasMetadata resource = typedThroughTree(document);
    Class<?> type = resource.getClass();
    String apiVersion = document.topLevelText("apiVersion");
    String kind = document.topLevelText("kind");
    if (apiVersion != null && kind != null && type != io.fabric8.kubernetes.api.model.GenericKubernetesResource.class
        && !io.fabric8.kubernetes.api.model.KubernetesResourceList.class.isAssignableFrom(type)) {
      KNOWN_CLASSES.computeIfAbsent(apiVersion, v -> new java.util.concurrent.ConcurrentHashMap<>()).putIfAbsent(kind, type);
    }
    return resource;
  }

  /** The class fabric8 gave each apiVersion, then kind, read so far (registered kinds only: a bounded set). */
  private static final Map<String, Map<String, Class<?>>> KNOWN_CLASSES = new java.util.concurrent.ConcurrentHashMap<>();

  private static Class<?> knownClass(YamlLocations document) {
    String apiVersion = document.topLevelText("apiVersion");
    String kind = document.topLevelText("kind");
    Map<String, Class<?>> byKind = apiVersion == null || kind == null ? null : KNOWN_CLASSES.get(apiVersion);
    return byKind == null ? null : byKind.get(kind);
  }

  /** The document read as fabric8's deserializer reads it: into a tree to find the class, then the tree typed. */
  static HasMetadata typedThroughTree(YamlLocations document) {
    return typedDirectly(document, io.fabric8.kubernetes.api.model.KubernetesResource.class);
  }

  /** The document read typed as {@code type} straight from its tokens (fabric8's deserializer for the abstract kinds). */
  static HasMetadata typedDirectly(YamlLocations document, Class<?> type) {
    try (JsonParser tokens = document.tokens()) {
      return (HasMetadata) dev.rolloutkit.internal.StackYaml.mapper().readValue(tokens, type);
    } catch (IOException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  private static org.yaml.snakeyaml.error.MarkedYAMLException markedCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof org.yaml.snakeyaml.error.MarkedYAMLException m) {
        return m;
      }
    }
    return null;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    String line = message.strip().lines().findFirst().orElse(message);
    return line.length() > 300 ? line.substring(0, 300) + "…" : line;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage();
  }
}
