package dev.rolloutkit.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Optional;

/**
 * One Kubernetes object read from a manifest by {@link Manifests#read}: where it was written, its
 * JSON tree exactly as kubectl would send it to the API server, the typed object, and the position
 * of every field — or, for a document that cannot be read, why not and where.
 *
 * <pre>{@code
 * Manifest m = Manifests.read(Path.of("deploy/rollout.yaml")).get(0);
 * m.kind();                                    // Rollout
 * m.object();                                  // Optional[Rollout(...)], typed; a GenericKubernetesResource for other kinds
 * m.locate("spec.strategy.canary.steps[1]");   // deploy/rollout.yaml:14:7
 * }</pre>
 *
 * <p>An object whose fields do not fit its kind's schema (a string where an integer belongs) has
 * its tree but no typed object, and {@link #error()} says which field and what was expected. A
 * {@code List} (any kind ending in {@code List} with {@code items}) is read as its items, one
 * manifest each, as kubectl applies them.
 */
public final class Manifest {

  /**
   * Something wrong with a manifest: where, which field ({@code ""} for the whole document), and
   * what, in words.
   */
  public record Problem(SourceLocation location, String path, String message) {
    @Override
    public String toString() {
      return location + ": " + message;
    }
  }

  private final String file;
  private final int document;
  private final String itemPath;
  private final JsonNode documentTree;
  private final JsonNode tree;
  private final Positions positions;
  private final HasMetadata object;
  private final Problem error;
  private final List<Problem> warnings;

  Manifest(
      String file,
      int document,
      String itemPath,
      JsonNode documentTree,
      JsonNode tree,
      Positions positions,
      HasMetadata object,
      Problem error,
      List<Problem> warnings) {
    this.file = file;
    this.document = document;
    this.itemPath = itemPath;
    this.documentTree = documentTree;
    this.tree = tree;
    this.positions = positions;
    this.object = object;
    this.error = error;
    this.warnings = List.copyOf(warnings);
  }

  /** The file as it was named to the reader ({@code <yaml>} or the given name for text). */
  public String file() {
    return file;
  }

  /**
   * The document's number in its file, from 1, counting documents as kubectl splits them (at {@code
   * ---} lines).
   */
  public int document() {
    return document;
  }

  /** Where the object starts (the item, for a member of a List). */
  public SourceLocation location() {
    return locate("");
  }

  /**
   * The JSON tree Kubernetes would receive, if the document could be read as YAML or JSON. Do not
   * change it.
   */
  public Optional<JsonNode> tree() {
    return Optional.ofNullable(tree);
  }

  /**
   * The typed object: the kind's model class, or {@link GenericKubernetesResource} for kinds
   * without one.
   */
  public Optional<HasMetadata> object() {
    return Optional.ofNullable(object);
  }

  /** Why the document or object cannot be read, if it cannot. */
  public Optional<Problem> error() {
    return Optional.ofNullable(error);
  }

  /** What was read but looks wrong: a key written twice, a document kubectl would ignore. */
  public List<Problem> warnings() {
    return warnings;
  }

  /** {@code apiVersion}, or {@code ""}. */
  public String apiVersion() {
    return text(tree, "apiVersion");
  }

  /** {@code kind}, or {@code ""}. */
  public String kind() {
    return text(tree, "kind");
  }

  /** {@code metadata.name}, or {@code ""}. */
  public String name() {
    return tree == null ? "" : text(tree.path("metadata"), "name");
  }

  /**
   * {@code metadata.namespace}, or {@code ""} (kubectl then applies it to the current namespace).
   */
  public String namespace() {
    return tree == null ? "" : text(tree.path("metadata"), "namespace");
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    return v != null && v.isTextual() ? v.textValue() : "";
  }

  /**
   * Where the field at {@code path} ({@code spec.replicas}, {@code spec.strategy.canary.steps[2]};
   * {@code ""} for the object) was written: its key, or the start of its item. A path beyond what
   * was written is located at its deepest existing part.
   */
  public SourceLocation locate(String path) {
    return positions.locate(join(path));
  }

  /** Where the value of the field at {@code path} starts. */
  public SourceLocation locateValue(String path) {
    return positions.locateValue(join(path));
  }

  private String join(String path) {
    if (itemPath.isEmpty()) {
      return path;
    }
    return path.isEmpty()
        ? itemPath
        : path.startsWith("[") ? itemPath + path : itemPath + "." + path;
  }

  /**
   * {@code Rollout ai-services/mcp-server (deploy/rollout.yaml:3:1)}, or the document and its
   * problem.
   */
  @Override
  public String toString() {
    String what =
        tree == null
            ? "document " + document
            : kind() + " " + (namespace().isEmpty() ? "" : namespace() + "/") + name();
    return what + " (" + location() + ")" + (error == null ? "" : ": " + error.message());
  }
}
