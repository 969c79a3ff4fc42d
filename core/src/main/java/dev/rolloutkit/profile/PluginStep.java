package dev.rolloutkit.profile;

import java.util.Map;
import org.immutables.value.Value;

/**
 * Run a step plugin the Argo controller has installed (Argo step {@code plugin}, Argo 1.8 and
 * later), with its configuration as the plugin reads it. Create with {@link
 * CanaryStep#plugin(String, Map)}.
 *
 * <p>The plugin must be listed in the controller's {@code argo-rollouts-config} ConfigMap under
 * {@code stepPlugins}; rolloutkit cannot see the cluster and does not check that.
 */
@Value.Immutable
public abstract class PluginStep implements CanaryStep {

  /** The plugin's name as registered with the controller, e.g. {@code acme/notify}. */
  @Value.Parameter
  public abstract String name();

  /** The plugin's configuration, written as given (JSON-like values: maps, lists, scalars). */
  @Value.Parameter
  public abstract Map<String, Object> config();

  @Override
  public String describe() {
    return "plugin(" + name() + ")";
  }

  @Override
  public String toString() {
    return describe();
  }
}
