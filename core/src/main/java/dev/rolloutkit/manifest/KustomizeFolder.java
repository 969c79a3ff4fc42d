package dev.rolloutkit.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A folder {@code kubectl apply -k} understands: {@code NN-<kind>-<name>.yaml} per object and a
 * {@code kustomization.yaml} listing them in order, with {@code sortOptions.order: fifo} so
 * kustomize keeps that order. The kustomization starts with {@link #HEADER}: it is how a later
 * write knows which files it wrote before (it removes those it no longer writes, and nothing else)
 * and that the kustomization is its own to replace.
 */
final class KustomizeFolder {

  static final String KUSTOMIZATION = "kustomization.yaml";
  static final String HEADER =
      "# Written by rolloutkit: it lists the files rolloutkit wrote to this folder, and removes"
          + " those a later write no longer writes.\n";

  private KustomizeFolder() {}

  /** The file name of the {@code index}-th object (1-based). */
  static String fileName(int index, JsonNode tree) {
    return String.format(
        Locale.ROOT,
        "%02d-%s-%s.yaml",
        index,
        tree.path("kind").asText("object").toLowerCase(Locale.ROOT),
        tree.path("metadata").path("name").asText("unnamed"));
  }

  static List<Path> write(List<?> objects, Path folder) {
    return write(objects, List.of(), folder);
  }

  /**
   * A tree of folders: each folder's objects as files and its sub-folders, all listed by its
   * kustomization; a sub-folder written before and no longer written has its rolloutkit files
   * removed (and nothing else), and is removed when that leaves it empty.
   */
  static List<Path> writeTree(Manifests.Folder top, Path folder) {
    List<Path> written = new ArrayList<>();
    for (Manifests.Folder child : top.folders()) {
      written.addAll(writeTree(child, folder.resolve(child.name())));
    }
    written.addAll(
        write(top.objects(), top.folders().stream().map(Manifests.Folder::name).toList(), folder));
    return written;
  }

  private static final java.util.regex.Pattern SUBFOLDER =
      java.util.regex.Pattern.compile("[a-z0-9]([-a-z0-9.]*[a-z0-9])?");

  /** Removes what rolloutkit wrote to {@code folder} (recursively), then the folder if empty. */
  private static void removeOwn(Path folder) throws IOException {
    Path kustomization = folder.resolve(KUSTOMIZATION);
    if (!Files.isDirectory(folder) || !Files.exists(kustomization)) {
      return;
    }
    Set<String> mine = previouslyWritten(kustomization);
    for (String name : mine) {
      Path p = folder.resolve(name);
      if (Files.isDirectory(p)) {
        removeOwn(p);
      } else {
        Files.deleteIfExists(p);
      }
    }
    Files.deleteIfExists(kustomization);
    try (var left = Files.list(folder)) {
      if (left.findAny().isEmpty()) {
        Files.delete(folder);
      }
    }
  }

  static List<Path> write(List<?> objects, List<String> subfolders, Path folder) {
    try {
      Files.createDirectories(folder);
      Path kustomization = folder.resolve(KUSTOMIZATION);
      Set<String> before = previouslyWritten(kustomization);
      List<Path> written = new ArrayList<>();
      List<String> names = new ArrayList<>();
      for (int i = 0; i < objects.size(); i++) {
        Object o = objects.get(i);
        JsonNode tree = o instanceof JsonNode node ? node : ModelTrees.tree(o);
        String name = fileName(i + 1, tree);
        Path file = folder.resolve(name);
        AtomicFiles.write(file, Manifests.writeTrees(List.of(tree)));
        written.add(file);
        names.add(name);
      }
      List<String> listed = new ArrayList<>(subfolders);
      listed.addAll(names);
      AtomicFiles.write(
          kustomization,
          HEADER + Manifests.writeTrees(List.of(kustomization(listed))).replaceFirst("^---\n", ""));
      written.add(kustomization);
      for (String old : before) {
        if (!listed.contains(old)) {
          Path p = folder.resolve(old);
          if (Files.isDirectory(p)) {
            removeOwn(p);
          } else {
            Files.deleteIfExists(p);
          }
        }
      }
      return written;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to " + folder + ": " + e.getMessage(), e);
    }
  }

  /**
   * The files an earlier write listed, or none; refuses a kustomization that rolloutkit did not
   * write.
   */
  private static Set<String> previouslyWritten(Path kustomization) throws IOException {
    Set<String> names = new LinkedHashSet<>();
    if (!Files.exists(kustomization)) {
      return names;
    }
    String text = Files.readString(kustomization, StandardCharsets.UTF_8);
    if (!text.startsWith(HEADER)) {
      throw new IOException(
          kustomization
              + " exists and was not written by rolloutkit; it is left as it is (write to an empty"
              + " folder, or remove it)");
    }
    for (Manifest m : Manifests.read(kustomization.toString(), text)) {
      m.tree()
          .ifPresent(
              tree ->
                  tree.path("resources")
                      .forEach(
                          r -> {
                            String name = r.asText("");
                            if (name.matches("[0-9]{2,}-[a-z0-9.-]+-[a-z0-9.-]+\\.yaml")
                                || SUBFOLDER.matcher(name).matches()) {
                              // a file of ours, or a sub-folder, in this folder
                              names.add(name);
                            }
                          }));
    }
    return names;
  }

  static JsonNode kustomization(List<String> files) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    ObjectNode k = nodes.objectNode();
    k.put("apiVersion", "kustomize.config.k8s.io/v1beta1");
    k.put("kind", "Kustomization");
    k.putObject("sortOptions").put("order", "fifo");
    ArrayNode resources = k.putArray("resources");
    files.forEach(resources::add);
    return k;
  }
}
