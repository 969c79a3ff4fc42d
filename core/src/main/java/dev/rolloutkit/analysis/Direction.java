package dev.rolloutkit.analysis;

/** Which side of the threshold a healthy measurement is on. */
public enum Direction {
  /** healthy when {@code value >= threshold} (success rate ≥ 0.95) */
  AT_LEAST(">="),
  /** healthy when {@code value <= threshold} (drift ≤ 0.3) */
  AT_MOST("<="),
  /** healthy when {@code value > threshold} */
  ABOVE(">"),
  /** healthy when {@code value < threshold} (error rate &lt; 5 %) */
  BELOW("<");

  private final String operator;

  Direction(String operator) {
    this.operator = operator;
  }

  /** The comparison operator of the expr language: {@code >=}, {@code <=}, {@code >}, {@code <}. */
  public String operator() {
    return operator;
  }
}
