package dev.rolloutkit.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.CustomResource;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

/**
 * The kinds a module generates, and the kinds it registers for reading YAML without naming a class.
 */
public final class ServiceRegistration {

  private static final String SERVICE_FILE =
      "META-INF/services/io.fabric8.kubernetes.api.model.KubernetesResource";

  private ServiceRegistration() {}

  /** The custom resource classes directly in the package of {@code anchor}. */
  public static List<String> generatedKinds(Class<?> anchor) {
    try (Stream<Path> classes =
        Files.list(
            Paths.get(anchor.getResource(anchor.getSimpleName() + ".class").toURI()).getParent())) {
      return classes
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".class") && !n.contains("$"))
          .map(n -> anchor.getPackageName() + "." + n.substring(0, n.length() - ".class".length()))
          .filter(ServiceRegistration::isCustomResource)
          .sorted()
          .toList();
    } catch (Exception e) {
      throw new AssertionError("cannot list the classes of " + anchor.getPackageName(), e);
    }
  }

  /**
   * The classes listed in the service file that sits beside {@code anchor}'s classes (same class
   * path entry).
   */
  public static List<String> registered(Class<?> anchor) {
    try {
      List<String> found = new ArrayList<>();
      String root = anchor.getProtectionDomain().getCodeSource().getLocation().toString();
      for (URL url : Collections.list(anchor.getClassLoader().getResources(SERVICE_FILE))) {
        if (url.toString().startsWith(root)) {
          try (InputStream in = url.openStream()) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
              if (!line.isBlank() && !line.trim().startsWith("#")) {
                found.add(line.trim());
              }
            }
          }
        }
      }
      assertThat(found).as("%s in %s", SERVICE_FILE, root).isNotEmpty();
      return found;
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static boolean isCustomResource(String className) {
    try {
      return CustomResource.class.isAssignableFrom(Class.forName(className));
    } catch (ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }
}
