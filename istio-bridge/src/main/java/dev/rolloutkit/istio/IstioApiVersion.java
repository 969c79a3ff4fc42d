package dev.rolloutkit.istio;

/**
 * The {@code networking.istio.io} version written. All three share one schema (the CRD has no conversion), so the
 * choice only changes {@code apiVersion}. The Argo controller reads and writes through {@code v1alpha3} by default
 * ({@code --istio-api-version}); it works on objects stored in any served version.
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
}
