package dev.rolloutkit.codegen;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Build-time generator of the model's serializers: Jackson introspects each model class on every
 * run that first writes it (about a third of a second for a stack's classes on a cold JVM), so the
 * build asks Jackson once, here, what it would do, and writes that down as plain Java (see {@link
 * WirePlan}, {@link WireSources}).
 *
 * <p>Arguments: {@code OUTPUT_DIR PACKAGE REGISTRY_CLASS ROOT_CLASS...}. Writes the sources under
 * {@code OUTPUT_DIR/PACKAGE/} and a report of the classes left to Jackson, with reasons, beside
 * them in {@code wire-plan.txt}. The mapper is configured as rolloutkit's ({@code
 * KubernetesSerialization} on a new {@code ObjectMapper}); the identity tests in core compare every
 * generated serializer with Jackson's.
 */
public final class WireGenerator {

  private WireGenerator() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 4) {
      throw new IllegalArgumentException(
          "usage: WireGenerator OUTPUT_DIR PACKAGE REGISTRY_CLASS ROOT_CLASS...");
    }
    Path out = Path.of(args[0]);
    String packageName = args[1];
    List<Class<?>> roots = new ArrayList<>();
    for (String root : Arrays.copyOfRange(args, 3, args.length)) {
      roots.add(Class.forName(root.trim()));
    }
    ObjectMapper mapper = new ObjectMapper();
    new KubernetesSerialization(mapper, true);
    WirePlan plan = new WirePlan(mapper.getSerializerProviderInstance()).plan(roots);
    Path dir = out.resolve(packageName.replace('.', '/'));
    Files.createDirectories(dir);
    Map<String, String> sources = new WireSources(plan, packageName, args[2]).sources();
    try (var old = Files.list(dir)) { // sources of classes the model no longer has
      for (Path file : old.toList()) {
        String name = file.getFileName().toString();
        if (name.endsWith(".java")
            && !sources.containsKey(name.substring(0, name.length() - ".java".length()))) {
          Files.delete(file);
        }
      }
    }
    for (Map.Entry<String, String> source : sources.entrySet()) {
      write(dir.resolve(source.getKey() + ".java"), source.getValue());
    }
    StringBuilder report =
        new StringBuilder(
            "Classes written by generated serializers: " + plan.written().size() + "\n");
    report.append("Classes left to Jackson: ").append(plan.leftToJackson().size()).append('\n');
    plan.leftToJackson().forEach(l -> report.append("  ").append(l).append('\n'));
    write(out.resolve("wire-plan.txt"), report.toString());
  }

  /** Writes only when the content changed, so an unchanged model does not recompile. */
  private static void write(Path file, String content) throws IOException {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    if (!Files.exists(file) || !Arrays.equals(Files.readAllBytes(file), bytes)) {
      Files.write(file, bytes);
    }
  }
}
