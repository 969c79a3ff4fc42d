package dev.rolloutkit.analysis;

import java.util.Objects;

/**
 * What a gate does when its query has nothing to judge: an empty vector (no series, e.g. no traffic
 * yet or a label Prometheus does not have) or NaN (0 / 0 on a version that served no requests).
 * Every gate states one; it shows in the gate's {@code toString} and in its AnalysisTemplate's
 * {@value #ANNOTATION} annotation.
 *
 * <ul>
 *   <li>{@link #FAIL}: the measurement fails (Flagger's choice). Only {@code successCondition} is
 *       written, and Argo marks a measurement whose success condition is false as Failed.
 *   <li>{@link #INCONCLUSIVE}: the measurement is Inconclusive and the Rollout pauses (Argo pauses
 *       on an Inconclusive step analysis). A {@code failureCondition} that mirrors the success
 *       condition is written; when neither holds Argo marks the measurement Inconclusive.
 *   <li>{@link #requireRequests(long)}: as INCONCLUSIVE, and a window in which the canary served
 *       fewer than {@code n} requests counts as no data too: every query is joined with {@code and
 *       on() (<the gate's requests query> >= n)}, which is empty below {@code n}.
 * </ul>
 *
 * @see <a href="https://argo-rollouts.readthedocs.io/en/stable/features/analysis/">Argo Rollouts
 *     analysis: inconclusive runs</a>
 */
public final class NoDataPolicy {

  /** Annotation on the compiled AnalysisTemplate that states the policy. */
  public static final String ANNOTATION = "rolloutkit.dev/on-no-data";

  /** No data fails the measurement. */
  public static final NoDataPolicy FAIL = new NoDataPolicy("fail", 0);

  /** No data makes the measurement Inconclusive: the Rollout pauses. */
  public static final NoDataPolicy INCONCLUSIVE = new NoDataPolicy("inconclusive", 0);

  private final String kind;
  private final long requests;

  private NoDataPolicy(String kind, long requests) {
    this.kind = kind;
    this.requests = requests;
  }

  /**
   * Fewer than {@code n} canary requests in a measurement's window, or no data at all, makes the
   * measurement Inconclusive. The gate needs a {@link AnalysisGate#requestsQuery() requests query}.
   */
  public static NoDataPolicy requireRequests(long n) {
    if (n < 1) {
      throw new IllegalArgumentException("requireRequests: n must be at least 1, got " + n);
    }
    return new NoDataPolicy("requireRequests", n);
  }

  /** Whether no data fails the measurement (only a successCondition is written). */
  public boolean fails() {
    return kind.equals("fail");
  }

  /** The fewest canary requests a window needs to be judged; 0 when there is no minimum. */
  public long minimumRequests() {
    return requests;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NoDataPolicy p && p.kind.equals(kind) && p.requests == requests;
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, requests);
  }

  /** {@code fail}, {@code inconclusive} or {@code requireRequests(100)}. */
  @Override
  public String toString() {
    return requests > 0 ? kind + "(" + requests + ")" : kind;
  }
}
