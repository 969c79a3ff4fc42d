package dev.rolloutkit.internal;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A folder {@code kubectl apply -k} understands: {@code NN-<kind>-<name>.yaml} per object and a
 * {@code kustomization.yaml} listing them in apply order, with {@code sortOptions.order: fifo} so kustomize keeps
 * that order instead of sorting by kind.
 */
public final class KustomizeLayout {

  public static final String KUSTOMIZATION = "kustomization.yaml";

  private KustomizeLayout() {}

  /** The file name of the {@code index}-th object (1-based). */
  public static String fileName(int index, HasMetadata resource) {
    return String.format(Locale.ROOT, "%02d-%s-%s.yaml", index, resource.getKind().toLowerCase(Locale.ROOT),
        resource.getMetadata().getName());
  }

  /** The kustomization listing {@code files} in order. */
  public static String kustomization(List<String> files) {
    StringBuilder out = new StringBuilder()
        .append("apiVersion: kustomize.config.k8s.io/v1beta1\n")
        .append("kind: Kustomization\n")
        .append("sortOptions:\n")
        .append("  order: fifo\n")
        .append("resources:\n");
    files.forEach(f -> out.append("- ").append(f).append('\n'));
    return out.toString();
  }

  public static List<Path> write(List<HasMetadata> resources, Path directory) {
    try {
      Files.createDirectories(directory);
      List<Path> written = new ArrayList<>();
      List<String> names = new ArrayList<>();
      for (int i = 0; i < resources.size(); i++) {
        String name = fileName(i + 1, resources.get(i));
        Path file = directory.resolve(name);
        Files.writeString(file, StackYaml.write(resources.get(i)), StandardCharsets.UTF_8);
        written.add(file);
        names.add(name);
      }
      Path kustomization = directory.resolve(KUSTOMIZATION);
      Files.writeString(kustomization, kustomization(names), StandardCharsets.UTF_8);
      written.add(kustomization);
      return written;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the stack to " + directory + ": " + e.getMessage(), e);
    }
  }
}
