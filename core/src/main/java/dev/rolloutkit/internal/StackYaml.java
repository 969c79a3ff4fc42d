package dev.rolloutkit.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rolloutkit.internal.wire.ModelWire;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.kubernetes.client.utils.YamlDumpSettingsBuilder;
import java.util.List;

/**
 * YAML as users see it: one document per object, {@code ---} before each, strings quoted only where YAML needs it.
 * Field order is the model's declared order and every map rolloutkit writes is sorted, so the bytes depend on the
 * input only (not on locale, time zone or hash order).
 *
 * <p>The bytes are those of fabric8's {@code KubernetesSerialization.asYaml}; {@link DirectYaml} writes them without
 * the detour through maps and YAML nodes, and falls back to {@code asYaml} for what it does not reproduce.
 */
public final class StackYaml {

  /**
   * Built on first use, not with this class: a render of the preset stacks writes and checks everything through the
   * generated serializers without it ({@link dev.rolloutkit.internal.wire.MapperFreeWire}), and building Jackson's mapper
   * and fabric8's set-up of it is a large part of a cold start.
   */
  private static final class Jackson {
    /** Configured by {@link KubernetesSerialization}'s constructor, and shared with the direct writer. */
    static final ObjectMapper MAPPER = new ObjectMapper();

    static final KubernetesSerialization SERIALIZATION =
        new KubernetesSerialization(MAPPER, true, new YamlDumpSettingsBuilder().setMinimizeQuotes(true).build());

    static {
      // After fabric8's modules: the model classes are written by serializers generated from Jackson's own at build time.
      MAPPER.registerModule(new ModelWire());
      // Last, so that its modifier runs first and fabric8's property wrapping hands mismatched values to the counter.
      MAPPER.registerModule(new AdditionalPropertyCount());
    }

    static final DirectYaml DIRECT = new DirectYaml(MAPPER);
  }

  private static final YamlBlockWriter BLOCK = new YamlBlockWriter(StackYaml::mapper);

  private StackYaml() {}

  /**
   * The one Jackson mapper rolloutkit uses (configured as fabric8 configures its own): sharing it means each model
   * class is introspected once per JVM, for the rules' trees, for reading manifests and for writing YAML.
   */
  public static ObjectMapper mapper() {
    return Jackson.MAPPER;
  }

  /** The serialization used for output (and for reading back in tests and tools). */
  public static KubernetesSerialization serialization() {
    return Jackson.SERIALIZATION;
  }

  /** One object. */
  public static String write(HasMetadata resource) {
    StringBuilder out = new StringBuilder(1024);
    append(resource, out);
    return out.toString();
  }

  /** Several objects, in order. */
  public static String write(List<? extends HasMetadata> resources) {
    StringBuilder out = new StringBuilder(1024 * resources.size());
    resources.forEach(r -> append(r, out));
    return out.toString();
  }

  private static void append(HasMetadata resource, StringBuilder out) {
    try {
      BLOCK.write(resource, out);
    } catch (DirectYaml.Unsupported e) {
      try {
        Jackson.DIRECT.write(resource, out);
      } catch (DirectYaml.Unsupported again) {
        out.append(viaFabric8(resource));
      }
    }
  }

  /** The reference: fabric8's {@code asYaml}, with {@code ---} first. */
  static String viaFabric8(Object resource) {
    String yaml = Jackson.SERIALIZATION.asYaml(resource);
    return yaml.startsWith("---") ? yaml : "---\n" + yaml;
  }

  /** The block writer alone (for the identity tests); throws {@link DirectYaml.Unsupported} where it would fall back. */
  static String block(Object resource) {
    StringBuilder out = new StringBuilder();
    BLOCK.write(resource, out);
    return out.toString();
  }

  /** The direct writer alone (for the identity tests). */
  static String direct(Object resource) {
    StringBuilder out = new StringBuilder();
    Jackson.DIRECT.write(resource, out);
    return out.toString();
  }
}
