package dev.rolloutkit.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rolloutkit.manifest.YamlTrees.Document;
import dev.rolloutkit.manifest.YamlTrees.Note;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The one way YAML enters and leaves rolloutkit, read and written as Kubernetes reads it (kubectl
 * and the API server, by way of go-yaml v2: YAML 1.1).
 *
 * <p><b>In:</b> {@link #read(Path...)} and {@link #read(String, String)} give every object of
 * files, folders or a text, each with its JSON tree as kubectl would send it, the typed object, and
 * the position of every field. A document that cannot be read is still returned, with its problem
 * and position, and the others are read as usual.
 *
 * <pre>{@code
 * for (Manifest m : Manifests.read(Path.of("deploy"))) {
 *   m.error().ifPresent(System.out::println);         // deploy/rollout.yaml:12:17: spec.replicas: expected an integer, got the string "3"
 * }
 * }</pre>
 *
 * <p><b>Out:</b> {@link #toYaml(Object)} and {@link #write(List)} write objects as YAML every
 * reader reads the same way (strings such as {@code no}, {@code on}, {@code 0777} quoted; line
 * breaks YAML 1.1 alone sees escaped), as one text, or as a kustomize folder that rolloutkit keeps
 * tidy ({@link Written#toFolder}).
 */
public final class Manifests {

  /** kustomize's build files, which are not objects to apply. */
  private static final Pattern KUSTOMIZATION =
      Pattern.compile("(kustomization|Kustomization)\\.ya?ml");

  private static final Pattern MANIFEST_FILE = Pattern.compile(".*\\.(ya?ml|json)");

  private Manifests() {}

  /**
   * A folder of a GitOps tree: its name (one path segment: lower-case letters, digits, '-' and
   * '.'), the objects written into it one file each, and its sub-folders; its kustomization lists
   * the sub-folders, then the files.
   */
  public record Folder(String name, List<?> objects, List<Folder> folders) {
    public Folder {
      if (!name.isEmpty() && !name.matches("[a-z0-9]([-a-z0-9.]*[a-z0-9])?")) {
        throw new IllegalArgumentException(
            "folder name '" + name + "': expected lower-case letters, digits, '-' and '.'");
      }
      objects = List.copyOf(objects);
      folders = List.copyOf(folders);
    }
  }

  /**
   * Writes {@code top} into {@code directory}: a kustomization per folder listing its sub-folders
   * and files, so {@code kubectl kustomize directory} builds the whole tree. Files and folders
   * rolloutkit wrote there before and no longer writes are removed; nothing else is touched.
   *
   * @return every file written
   */
  public static List<Path> writeTree(Folder top, Path directory) {
    return KustomizeFolder.writeTree(top, directory);
  }

  /**
   * Every object in the files and folders {@code paths}: files as given, folders walked for {@code
   * *.yaml}, {@code *.yml} and {@code *.json} (kustomize's {@code kustomization.yaml} and hidden
   * folders passed over), in sorted order, each real file once however many links lead to it.
   *
   * @throws ManifestException when a path does not exist or a folder cannot be listed (a file that
   *     cannot be read is a manifest with an {@link Manifest#error() error} instead)
   */
  public static List<Manifest> read(Path... paths) {
    return read(List.of(paths));
  }

  /** {@link #read(Path...)} of a list of paths. */
  public static List<Manifest> read(List<Path> paths) {
    List<Manifest> all = new ArrayList<>();
    for (Path file : files(paths)) {
      readFile(file, all::add);
    }
    return all;
  }

  /** Every object of the YAML or JSON {@code text}, positions naming it {@code name}. */
  public static List<Manifest> read(String name, String text) {
    List<Manifest> all = new ArrayList<>();
    readText(name, text, all::add, true);
    return all;
  }

  /**
   * The documents of a YAML (or JSON) file that holds data rather than Kubernetes objects (a
   * configuration, a scenario, an inventory): each with its tree and positions, read as Kubernetes
   * reads YAML, but not typed, and with no {@code apiVersion} or {@code kind} required. A file that
   * cannot be read is one document with its error.
   */
  public static List<Manifest> readData(Path file) {
    List<Manifest> all = new ArrayList<>();
    String name = file.toString();
    try {
      readText(name, TextInput.read(file).text(), all::add, false);
    } catch (TextInput.Unreadable e) {
      all.add(unreadableFile(name, e));
    }
    return all;
  }

  /** {@link #readData(Path)} of a text, positions naming it {@code name}. */
  public static List<Manifest> readData(String name, String text) {
    List<Manifest> all = new ArrayList<>();
    readText(name, text, all::add, false);
    return all;
  }

  /** The manifest files under {@code paths}, as {@link #read(Path...)} finds them. */
  public static List<Path> files(List<Path> paths) {
    Set<Path> real = new LinkedHashSet<>();
    List<Path> files = new ArrayList<>();
    for (Path path : paths) {
      if (!Files.exists(path)) {
        throw new ManifestException(path + ": no such file or folder");
      }
      if (Files.isDirectory(path)) {
        List<Path> found = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(path)) {
          walk.filter(p -> !p.equals(path) && !hidden(path.relativize(p)))
              .filter(p -> MANIFEST_FILE.matcher(p.getFileName().toString()).matches())
              .filter(p -> !KUSTOMIZATION.matcher(p.getFileName().toString()).matches())
              .filter(Files::isRegularFile)
              .forEach(found::add);
        } catch (IOException | UncheckedIOException e) {
          throw new ManifestException(path + ": cannot list the folder: " + e.getMessage());
        }
        found.sort(null);
        for (Path p : found) {
          if (real.add(realPath(p))) {
            files.add(p);
          }
        }
      } else if (real.add(realPath(path))) {
        files.add(path);
      }
    }
    return files;
  }

  private static boolean hidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  private static Path realPath(Path p) {
    try {
      return p.toRealPath();
    } catch (IOException e) {
      return p.toAbsolutePath().normalize();
    }
  }

  /** Reads one file, handing each object to {@code sink} in order. */
  static void readFile(Path file, Consumer<Manifest> sink) {
    String name = file.toString();
    try {
      readText(name, TextInput.read(file).text(), sink, true);
    } catch (TextInput.Unreadable e) {
      sink.accept(unreadableFile(name, e));
    }
  }

  private static Manifest unreadableFile(String name, TextInput.Unreadable e) {
    Positions none =
        new Positions(name, Positions.pack(Math.max(0, e.line - 1), Math.max(0, e.column - 1)));
    Manifest.Problem problem =
        new Manifest.Problem(
            SourceLocation.of(name, Math.max(1, e.line), Math.max(1, e.column)),
            "",
            e.getMessage());
    return new Manifest(name, 0, "", null, null, none, null, problem, List.of());
  }

  /**
   * Reads a text, handing each document (each object, when {@code typed}) to {@code sink} in order.
   */
  static void readText(String name, String text, Consumer<Manifest> sink, boolean typed) {
    for (Document d : YamlTrees.read(name, text)) {
      if (d.empty()) {
        continue;
      }
      List<Manifest.Problem> warnings = new ArrayList<>();
      for (Note note : d.notes()) {
        warnings.add(problem(d.positions(), note));
      }
      if (d.error() != null) {
        sink.accept(
            new Manifest(
                name,
                d.number(),
                "",
                null,
                null,
                d.positions(),
                null,
                problem(d.positions(), d.error()),
                warnings));
        continue;
      }
      JsonNode root = d.root();
      if (!typed) {
        sink.accept(
            new Manifest(name, d.number(), "", root, root, d.positions(), null, null, warnings));
        continue;
      }
      if (!root.isObject()) {
        sink.accept(
            new Manifest(
                name,
                d.number(),
                "",
                root,
                root,
                d.positions(),
                null,
                new Manifest.Problem(
                    d.positions().locate(""),
                    "",
                    "the document is "
                        + (root.isArray() ? "a sequence" : "a single value")
                        + ", not a Kubernetes object (a mapping with apiVersion, kind and"
                        + " metadata)"),
                warnings));
        continue;
      }
      String kind = root.path("kind").asText("");
      if (kind.endsWith("List") && root.path("items").isArray()) {
        JsonNode items = root.get("items");
        for (int i = 0; i < items.size(); i++) {
          sink.accept(
              typed(
                  name, d, "items[" + i + "]", root, items.get(i), i == 0 ? warnings : List.of()));
        }
        continue;
      }
      sink.accept(typed(name, d, "", root, root, warnings));
    }
  }

  private static Manifest typed(
      String file,
      Document d,
      String itemPath,
      JsonNode documentTree,
      JsonNode tree,
      List<Manifest.Problem> warnings) {
    Positions positions = d.positions();
    String at = itemPath.isEmpty() ? "" : itemPath + ".";
    if (!tree.isObject()) {
      return new Manifest(
          file,
          d.number(),
          itemPath,
          documentTree,
          tree,
          positions,
          null,
          new Manifest.Problem(
              positions.locate(itemPath),
              itemPath,
              "the item is not a Kubernetes object (a mapping)"),
          warnings);
    }
    List<String> missing = new ArrayList<>();
    for (String field : new String[] {"apiVersion", "kind"}) {
      JsonNode v = tree.get(field);
      if (v == null || !v.isTextual() || v.textValue().isBlank()) {
        missing.add(field);
      }
    }
    if (!missing.isEmpty()) {
      return new Manifest(
          file,
          d.number(),
          itemPath,
          documentTree,
          tree,
          positions,
          null,
          new Manifest.Problem(
              positions.locate(itemPath),
              itemPath,
              String.join(" and ", missing)
                  + (missing.size() == 1 ? " is" : " are")
                  + " not set (kubectl needs both to know what the object is; every Kubernetes"
                  + " object has them)"),
          warnings);
    }
    Class<? extends KubernetesResource> type =
        StrictTyping.classFor(tree.get("apiVersion").textValue(), tree.get("kind").textValue());
    try {
      HasMetadata object = StrictTyping.read(tree, type);
      return new Manifest(
          file, d.number(), itemPath, documentTree, tree, positions, object, null, warnings);
    } catch (StrictTyping.Mismatch e) {
      SourceLocation where = positions.locateValue(at + e.path);
      return new Manifest(
          file,
          d.number(),
          itemPath,
          documentTree,
          tree,
          positions,
          null,
          new Manifest.Problem(where, e.path, e.getMessage()),
          warnings);
    }
  }

  private static Manifest.Problem problem(Positions positions, Note note) {
    long p = note.position();
    return new Manifest.Problem(
        SourceLocation.of(positions.file(), Positions.line(p) + 1, Positions.column(p) + 1),
        note.path(),
        note.message());
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Out

  /**
   * {@code object} as the JSON tree fabric8's serialization makes of it (what Kubernetes receives).
   * Do not change it.
   */
  public static JsonNode toTree(Object object) {
    return ModelTrees.tree(object);
  }

  /** {@code object} as one YAML document, {@code ---} first. */
  public static String toYaml(Object object) {
    return write(List.of(object)).text();
  }

  /** {@code objects} as YAML, one document each, in order. */
  public static Written write(List<?> objects) {
    return new Written(objects);
  }

  /**
   * The JSON trees {@code documents} as YAML, one document each (fmt and the command line's
   * JSON-free output).
   */
  static String writeTrees(List<JsonNode> documents) {
    StringBuilder out = new StringBuilder(1024 * documents.size());
    YamlWriter.write(documents, out);
    return out.toString();
  }

  /** Objects about to be written: as text, or as a kustomize folder. */
  public static final class Written {

    private final List<?> objects;

    private Written(List<?> objects) {
      this.objects = List.copyOf(objects);
    }

    /** Multi-document YAML, {@code ---} before each object: the same bytes for the same objects. */
    public String text() {
      List<JsonNode> trees = new ArrayList<>(objects.size());
      for (Object o : objects) {
        trees.add(o instanceof JsonNode node ? node : ModelTrees.tree(o));
      }
      return writeTrees(trees);
    }

    /**
     * Writes one file per object ({@code 01-service-<name>.yaml}, …) and a {@code
     * kustomization.yaml} listing them in order into {@code folder}, and removes the files an
     * earlier write listed there that are no longer written. Files rolloutkit did not write are
     * never touched; a {@code kustomization.yaml} rolloutkit did not write is not replaced.
     *
     * @return the files written, the kustomization last
     * @throws UncheckedIOException naming the folder when it cannot be written
     */
    public List<Path> toFolder(Path folder) {
      return KustomizeFolder.write(objects, folder);
    }

    @Override
    public String toString() {
      return text();
    }
  }
}
