package dev.rolloutkit.rules;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;

/**
 * Base for rules: holds the description and collects findings. Subclasses implement {@link #visit},
 * calling {@link Findings#add} once per problem.
 */
public abstract class AbstractRule implements Rule {

  private final String id;
  private final Severity severity;
  private final String title;
  private final String rationale;

  protected AbstractRule(String id, Severity severity, String title, String rationale) {
    this.id = id;
    this.severity = severity;
    this.title = title;
    this.rationale = rationale;
  }

  @Override
  public final String id() {
    return id;
  }

  @Override
  public final Severity severity() {
    return severity;
  }

  @Override
  public final String title() {
    return title;
  }

  @Override
  public final String rationale() {
    return rationale;
  }

  @Override
  public final List<Finding> check(ResourceSet resources) {
    Findings findings = new Findings(resources);
    visit(resources, findings);
    return findings.list;
  }

  /** Looks at {@code resources} and adds a finding for each problem. */
  protected abstract void visit(ResourceSet resources, Findings findings);

  @Override
  public String toString() {
    return id + " (" + severity.label() + "): " + title;
  }

  /** Where a rule puts what it finds. */
  public final class Findings {

    private final ResourceSet resources;
    private final List<Finding> list = new ArrayList<>();

    private Findings(ResourceSet resources) {
      this.resources = resources;
    }

    /** A finding on {@code resource} at {@code path}. */
    public void add(HasMetadata resource, String path, String message, String hint) {
      add(resource, path, message, hint, severity);
    }

    /**
     * A finding on {@code resource} at {@code path} at a severity below the rule's own (a reference
     * that may exist outside the linted set, see {@link References}).
     */
    public void add(
        HasMetadata resource, String path, String message, String hint, Severity severity) {
      Finding.Builder b =
          Finding.builder()
              .rule(id)
              .severity(severity)
              .kind(resource.getKind())
              .name(
                  resource.getMetadata() == null || resource.getMetadata().getName() == null
                      ? ""
                      : resource.getMetadata().getName())
              .path(path)
              .message(message);
      if (resource.getMetadata() != null && resource.getMetadata().getNamespace() != null) {
        b.namespace(resource.getMetadata().getNamespace());
      }
      if (hint != null) {
        b.hint(hint);
      }
      resources.locate(resource, path).ifPresent(b::location);
      list.add(b.build());
    }

    /**
     * A finding on a problem of a document as it was read (its kind and name as far as known), at
     * the problem's place.
     */
    public void add(
        dev.rolloutkit.manifest.Manifest document,
        dev.rolloutkit.manifest.Manifest.Problem problem,
        String hint) {
      Finding.Builder b =
          Finding.builder()
              .rule(id)
              .severity(severity)
              .kind(document.kind().isEmpty() ? "document " + document.document() : document.kind())
              .name(document.name())
              .path(problem.path())
              .message(problem.message())
              .location(problem.location());
      if (!document.namespace().isEmpty()) {
        b.namespace(document.namespace());
      }
      if (hint != null) {
        b.hint(hint);
      }
      list.add(b.build());
    }
  }
}
