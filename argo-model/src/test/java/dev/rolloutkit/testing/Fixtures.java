package dev.rolloutkit.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;

/**
 * Rule-test fixtures: a consistent set of manifests, and one-line edits that introduce a defect.
 */
public final class Fixtures {

  private Fixtures() {}

  /** Every document of {@code yaml}, typed. */
  public static List<HasMetadata> resources(String yaml) {
    return Manifests.documents(yaml).stream().map(Manifests::read).toList();
  }

  /**
   * {@code base} with {@code from} replaced by {@code to}; fails when {@code from} is not in it, so
   * edits cannot silently miss.
   */
  public static String edit(String base, String from, String to) {
    assertThat(base).as("fixture contains %s", from).contains(from);
    return base.replace(from, to);
  }
}
