package dev.rolloutkit.rules;

import dev.rolloutkit.manifest.SourceLocation;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One problem a rule found: which rule, how bad, in which resource and field, what is wrong
 * (upstream's own words where upstream has them) and how to fix it.
 *
 * <pre>{@code
 * error [ISTIO-SUBSET-NOT-FOUND] VirtualService ai-services/mcp-server-vsvc spec.http[0].route[1].destination:
 *   Referenced host+subset in destinationrule not found: "mcp-server+canary" (hint: add subset canary to …)
 * }</pre>
 */
@Value.Immutable
public abstract class Finding {

  public abstract String rule();

  public abstract Severity severity();

  public abstract String kind();

  public abstract Optional<String> namespace();

  public abstract String name();

  /** The field path, e.g. {@code spec.strategy.canary.steps[3]}; empty for the whole resource. */
  public abstract String path();

  public abstract String message();

  public abstract Optional<String> hint();

  /** Where the resource (or the field) was read from, when it came from a file. */
  public abstract Optional<SourceLocation> location();

  public static Builder builder() {
    return new Builder();
  }

  /** A copy with another severity. */
  public Finding withSeverity(Severity severity) {
    return builder().from(this).severity(severity).build();
  }

  /** A copy located at {@code location}. */
  public Finding at(SourceLocation location) {
    return builder().from(this).location(location).build();
  }

  /** {@code kind namespace/name} of the resource. */
  public String resource() {
    String where = namespace().map(n -> n + "/").orElse("") + name();
    return where.isEmpty() ? kind() : kind() + " " + where;
  }

  /** Builds findings. */
  public static final class Builder extends ImmutableFinding.Builder {}

  @Override
  public String toString() {
    return severity().label()
        + " ["
        + rule()
        + "] "
        + resource()
        + (path().isEmpty() ? "" : " " + path())
        + location().map(l -> " (" + l + ")").orElse("")
        + ": "
        + message()
        + hint().map(h -> " (hint: " + h + ")").orElse("");
  }
}
