package dev.rolloutkit.assertj;

import io.fabric8.kubernetes.api.model.HasMetadata;

/** How resources are named in failure messages: {@code Rollout shop/checkout}. */
final class Describe {

  private Describe() {}

  static String of(HasMetadata r) {
    if (r == null) {
      return "null";
    }
    String ns = r.getMetadata() == null ? null : r.getMetadata().getNamespace();
    String name = r.getMetadata() == null ? null : r.getMetadata().getName();
    return r.getKind() + " " + (ns == null ? "" : ns + "/") + name;
  }

  static String seconds(long seconds) {
    return dev.rolloutkit.profile.ArgoDuration.format(java.time.Duration.ofSeconds(seconds));
  }
}
