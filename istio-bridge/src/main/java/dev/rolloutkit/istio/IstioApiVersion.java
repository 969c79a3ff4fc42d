package dev.rolloutkit.istio;

import io.fabric8.istio.api.api.networking.v1alpha3.DestinationRule;
import io.fabric8.istio.api.api.networking.v1alpha3.VirtualService;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;

/**
 * The {@code networking.istio.io} version written. All three share one schema (the CRD has no
 * conversion), so the choice only changes {@code apiVersion}. The Argo controller reads and writes
 * through {@code v1alpha3} by default ({@code --istio-api-version}); it works on objects stored in
 * any served version.
 */
public enum IstioApiVersion {
  /** {@code networking.istio.io/v1}: the storage version, and the default here. */
  V1("networking.istio.io/v1"),
  V1BETA1("networking.istio.io/v1beta1"),
  V1ALPHA3("networking.istio.io/v1alpha3");

  private final String apiVersion;

  IstioApiVersion(String apiVersion) {
    this.apiVersion = apiVersion;
  }

  /** The {@code apiVersion} string. */
  public String apiVersion() {
    return apiVersion;
  }

  /**
   * A VirtualService of this version (made with setters: a builder would copy the whole spec
   * twice).
   */
  HasMetadata virtualService(ObjectMeta metadata, VirtualService spec) {
    return switch (this) {
      case V1 -> {
        var vs = new io.fabric8.istio.api.networking.v1.VirtualService();
        vs.setMetadata(metadata);
        vs.setSpec(spec);
        yield vs;
      }
      case V1BETA1 -> {
        var vs = new io.fabric8.istio.api.networking.v1beta1.VirtualService();
        vs.setMetadata(metadata);
        vs.setSpec(spec);
        yield vs;
      }
      case V1ALPHA3 -> {
        var vs = new io.fabric8.istio.api.networking.v1alpha3.VirtualService();
        vs.setMetadata(metadata);
        vs.setSpec(spec);
        yield vs;
      }
    };
  }

  /** A DestinationRule of this version (made with setters, as {@link #virtualService} is). */
  HasMetadata destinationRule(ObjectMeta metadata, DestinationRule spec) {
    return switch (this) {
      case V1 -> {
        var dr = new io.fabric8.istio.api.networking.v1.DestinationRule();
        dr.setMetadata(metadata);
        dr.setSpec(spec);
        yield dr;
      }
      case V1BETA1 -> {
        var dr = new io.fabric8.istio.api.networking.v1beta1.DestinationRule();
        dr.setMetadata(metadata);
        dr.setSpec(spec);
        yield dr;
      }
      case V1ALPHA3 -> {
        var dr = new io.fabric8.istio.api.networking.v1alpha3.DestinationRule();
        dr.setMetadata(metadata);
        dr.setSpec(spec);
        yield dr;
      }
    };
  }
}
