package dev.rolloutkit.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.kubernetes.client.utils.YamlDumpSettingsBuilder;
import java.util.List;

/**
 * YAML as users see it: one document per object, {@code ---} before each, strings quoted only where YAML needs it.
 * Field order is the model's declared order and every map rolloutkit writes is sorted, so the bytes depend on the
 * input only (not on locale, time zone or hash order).
 */
public final class StackYaml {

  private static final KubernetesSerialization SERIALIZATION =
      new KubernetesSerialization(new ObjectMapper(), true, new YamlDumpSettingsBuilder().setMinimizeQuotes(true).build());

  private StackYaml() {}

  /** The serialization used for output (and for reading back in tests and tools). */
  public static KubernetesSerialization serialization() {
    return SERIALIZATION;
  }

  /** One object. */
  public static String write(HasMetadata resource) {
    String yaml = SERIALIZATION.asYaml(resource);
    return yaml.startsWith("---") ? yaml : "---\n" + yaml;
  }

  /** Several objects, in order. */
  public static String write(List<? extends HasMetadata> resources) {
    StringBuilder out = new StringBuilder();
    resources.forEach(r -> out.append(write(r)));
    return out.toString();
  }
}
