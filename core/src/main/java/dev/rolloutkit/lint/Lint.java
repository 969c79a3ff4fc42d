package dev.rolloutkit.lint;

import dev.rolloutkit.manifest.Manifest;
import dev.rolloutkit.manifest.ManifestException;
import dev.rolloutkit.manifest.Manifests;
import dev.rolloutkit.manifest.SourceLocation;
import dev.rolloutkit.rules.Finding;
import dev.rolloutkit.rules.ResourceSet;
import dev.rolloutkit.rules.Rule;
import dev.rolloutkit.rules.RuleSet;
import dev.rolloutkit.rules.Thresholds;
import dev.rolloutkit.rules.ValidationReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks manifests before anything is applied: reads files and folders as kubectl reads them
 * ({@link Manifests#read}), every document typed where its kind is known, and runs the rules over
 * all of them together, so findings across resources (a Rollout and its VirtualService) are found.
 * Every finding carries file:line:column. A document that cannot be read is an error finding of its
 * own ({@code MANIFEST-UNREADABLE}); everything else is still checked.
 *
 * <pre>{@code
 * LintResult result = Lint.files(Path.of("deploy"));
 * result.hasErrors();   // what `rolloutkit lint` exits 1 on
 * Lint.yaml(stack.toYaml()).findings();
 * }</pre>
 */
public final class Lint {

  private final RuleSet rules;
  private final Thresholds thresholds;
  private final long wholeSetBytes;

  private Lint(RuleSet rules, Thresholds thresholds, long wholeSetBytes) {
    this.rules = rules;
    this.thresholds = thresholds;
    this.wholeSetBytes = wholeSetBytes;
  }

  /** Lint with every rule on the class path. */
  public static Lint withAllRules() {
    return with(RuleSet.all());
  }

  /** Lint with {@code rules}. */
  public static Lint with(RuleSet rules) {
    return new Lint(rules, Thresholds.defaults(), Runtime.getRuntime().maxMemory() / 32);
  }

  /** This lint, judging with {@code thresholds}. */
  public Lint withThresholds(Thresholds thresholds) {
    return new Lint(rules, thresholds, wholeSetBytes);
  }

  /** This lint, reading folders of more than {@code bytes} of manifests in parts. */
  public Lint withWholeSetBytes(long bytes) {
    return new Lint(rules, thresholds, bytes);
  }

  /**
   * Manifests up to this many bytes in all are linted as one set; larger folders in parts (the
   * default: heap / 32).
   */
  public long wholeSetBytes() {
    return wholeSetBytes;
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
   * Lints the manifest files under {@code paths} (see {@link Manifests#files}). A folder whose
   * manifests are larger than {@link #wholeSetBytes()} is read in parts no rule can see across
   * ({@link Partitions}: namespaces joined by any mention of one another), one part in memory at a
   * time, with the same findings. Findings come rule by rule, each rule's in file and line order.
   *
   * @throws LintException when a path does not exist or a folder cannot be listed
   */
  public LintResult lintFiles(List<Path> paths) {
    List<Path> files;
    try {
      files = Manifests.files(paths);
    } catch (ManifestException e) {
      throw new LintException(e.getMessage());
    }
    long bytes = 0;
    for (Path file : files) {
      try {
        bytes += Files.size(file);
      } catch (IOException e) {
        // unreadable files are reported when read
      }
    }
    if (bytes > wholeSetBytes) {
      return lintInParts(files);
    }
    return result(List.of(ResourceSet.read(read(files))), files.size(), files);
  }

  /**
   * Every manifest of {@code files}, in file order; the files are read on all cores (each is read
   * on its own).
   */
  private static List<Manifest> read(List<Path> files) {
    return files.parallelStream().flatMap(f -> Manifests.read(f).stream()).toList();
  }

  /** Lints one YAML text called {@code name}. */
  public LintResult lintYaml(String name, String text) {
    return result(List.of(ResourceSet.read(Manifests.read(name, text))), 1, List.of(name));
  }

  private LintResult lintInParts(List<Path> files) {
    // First every file read, noting each object's home and mentions and the kinds read; then each
    // part read again.
    Partitions partitions = new Partitions();
    Set<String> kinds = new HashSet<>();
    List<Manifest> unreadable = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      for (Manifest m : Manifests.read(files.get(i))) {
        if (m.object().isPresent()) {
          partitions.add(i, m.tree().orElseThrow());
          kinds.add(m.apiVersion() + "/" + m.kind());
        } else {
          unreadable.add(m);
        }
      }
    }
    // Each part is linted as soon as it is read and let go, so one part is in memory at a time.
    Tally tally = new Tally();
    for (Partitions.Part part : partitions.parts()) {
      List<Manifest> manifests = new ArrayList<>();
      for (Manifest m : read(part.files().stream().map(files::get).toList())) {
        if (m.object().isPresent()
            && part.homes().contains(Partitions.home(m.tree().orElseThrow()))) {
          manifests.add(m);
        }
      }
      tally.add(ResourceSet.read(manifests).asPartOf(kinds));
    }
    tally.add(ResourceSet.read(unreadable).asPartOf(kinds));
    return tally.result(files.size(), files);
  }

  private LintResult result(List<ResourceSet> sets, int fileCount, List<?> files) {
    Tally tally = new Tally();
    sets.forEach(tally::add);
    return tally.result(fileCount, files);
  }

  /** The findings and counts of the sets linted so far (the sets themselves are not kept). */
  private final class Tally {
    private final List<Finding> findings = new ArrayList<>();
    private int resources;
    private int unreadable;

    void add(ResourceSet set) {
      findings.addAll(rules.evaluate(set.withThresholds(thresholds)).findings());
      resources += set.all().size() + set.duplicates().size();
      unreadable += set.unreadable().size();
    }

    LintResult result(int fileCount, List<?> files) {
      return new LintResult(ordered(findings, files), fileCount, resources, unreadable);
    }
  }

  /**
   * Findings rule by rule (in the rule set's order), then by file (in the order read), line and
   * column.
   */
  private ValidationReport ordered(List<Finding> findings, List<?> files) {
    Map<String, Integer> ruleOrder = new HashMap<>();
    for (Rule r : rules.rules()) {
      ruleOrder.putIfAbsent(r.id(), ruleOrder.size());
    }
    Map<String, Integer> fileOrder = new HashMap<>();
    for (Object f : files) {
      fileOrder.putIfAbsent(f.toString(), fileOrder.size());
    }
    List<Finding> sorted = new ArrayList<>(findings);
    sorted.sort(
        Comparator.<Finding>comparingInt(f -> ruleOrder.getOrDefault(f.rule(), Integer.MAX_VALUE))
            .thenComparingInt(
                f ->
                    f.location()
                        .map(l -> fileOrder.getOrDefault(l.file(), Integer.MAX_VALUE))
                        .orElse(Integer.MAX_VALUE))
            .thenComparingInt(f -> f.location().map(SourceLocation::line).orElse(Integer.MAX_VALUE))
            .thenComparingInt(
                f -> f.location().map(SourceLocation::column).orElse(Integer.MAX_VALUE)));
    return ValidationReport.of(sorted);
  }
}
