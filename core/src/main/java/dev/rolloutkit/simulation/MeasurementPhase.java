package dev.rolloutkit.simulation;

/** A measurement's phase, as Argo stores it in {@code Measurement.Phase}. */
public enum MeasurementPhase {
  SUCCESSFUL("Successful"),
  FAILED("Failed"),
  INCONCLUSIVE("Inconclusive"),
  ERROR("Error");

  private final String argo;

  MeasurementPhase(String argo) {
    this.argo = argo;
  }

  /**
   * The name Argo writes: {@code Successful}, {@code Failed}, {@code Inconclusive}, {@code Error}.
   */
  public String argoName() {
    return argo;
  }
}
