package dev.rolloutkit.simulation;

/**
 * Evaluates a metric's {@code successCondition} and {@code failureCondition} on one provider result
 * exactly as Argo Rollouts does (utils/evaluate/evaluate.go EvaluateResult), for the condition
 * language users write: operators, indexing, {@code len}, {@code isNaN}, {@code isInf}, {@code
 * isNil}, {@code default}, {@code asInt}, {@code asFloat}, {@code all}, {@code any}, {@code none},
 * ternaries, {@code in}, {@code and}/{@code or}/{@code not}. A condition outside that grammar is
 * refused with {@link CannotSimulateException}.
 *
 * <p>The result is shaped as the provider passes it: a {@link Double} for a Prometheus scalar, a
 * {@code double[]} for a vector or matrix (empty when the query returned nothing), {@code null} for
 * nil (an empty Datadog series, a web JSON null), a {@link String} or {@link Boolean} for a web
 * provider's value.
 *
 * <pre>{@code
 * Conditions.v1_9().evaluate("result[0] >= 0.95", "", new double[] {Double.NaN}).phase();  // FAILED
 * }</pre>
 */
public final class Conditions {

  /** A measurement's phase and, for {@code Error}, the message Argo stores. */
  public record Verdict(MeasurementPhase phase, String message) {}

  private final ArgoVersion version;

  private Conditions(ArgoVersion version) {
    this.version = version;
  }

  /** The evaluation of Argo Rollouts v1.9 (the default). */
  public static Conditions v1_9() {
    return new Conditions(ArgoVersion.V1_9);
  }

  /** The evaluation of {@code version}. */
  public static Conditions of(ArgoVersion version) {
    return new Conditions(version);
  }

  /**
   * The phase of a measurement whose provider returned {@code result}; an empty or null condition
   * is not set.
   */
  public Verdict evaluate(String successCondition, String failureCondition, Object result) {
    checkResult(result);
    boolean success = false;
    boolean failure = false;
    boolean hasSuccess = successCondition != null && !successCondition.isEmpty();
    boolean hasFailure = failureCondition != null && !failureCondition.isEmpty();
    // both are compiled before either is judged, so a condition rolloutkit cannot simulate is
    // refused whatever the other one gives
    Parsed successNode = hasSuccess ? parse(successCondition) : null;
    Parsed failureNode = hasFailure ? parse(failureCondition) : null;
    if (hasSuccess) {
      Object v = run(successNode, result);
      if (v instanceof String error) {
        return error("successCondition", successCondition, error, result);
      }
      success = (Boolean) v;
    }
    if (hasFailure) {
      Object v = run(failureNode, result);
      if (v instanceof String error) {
        return error("failureCondition", failureCondition, error, result);
      }
      failure = (Boolean) v;
    }
    if (!hasSuccess && !hasFailure) {
      return new Verdict(MeasurementPhase.SUCCESSFUL, "");
    }
    if (hasSuccess && !hasFailure) {
      failure = !success;
    } else if (!hasSuccess) {
      success = !failure;
    }
    if (failure) {
      return new Verdict(MeasurementPhase.FAILED, "");
    }
    return new Verdict(success ? MeasurementPhase.SUCCESSFUL : MeasurementPhase.INCONCLUSIVE, "");
  }

  private Verdict error(String role, String condition, String message, Object result) {
    if (version == ArgoVersion.V1_9) {
      return new Verdict(MeasurementPhase.ERROR, message);
    }
    boolean empty = result == null || result instanceof double[] xs && xs.length == 0;
    return new Verdict(
        MeasurementPhase.ERROR,
        "could not evaluate "
            + role
            + " \""
            + condition
            + "\": "
            + (empty
                ? "metric result is nil or empty: no data returned from the metric provider"
                : message));
  }

  private static void checkResult(Object result) {
    if (result != null
        && !(result instanceof Double
            || result instanceof double[]
            || result instanceof String
            || result instanceof Boolean)) {
      throw new IllegalArgumentException(
          "a result is a Double, a double[], a String, a Boolean or null, not a "
              + result.getClass().getSimpleName());
    }
  }

  /** A parsed condition, or the syntax error that is a compile error in Argo as well. */
  private record Parsed(String text, Expr.Node node, String syntaxError) {}

  /** Parsed conditions, and the checker's verdict per condition and result type, reused. */
  private static final java.util.Map<String, Parsed> PARSED =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static final java.util.Map<String, String> CHECKED =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static Parsed parse(String condition) {
    Parsed parsed = PARSED.get(condition);
    if (parsed != null) {
      return parsed;
    }
    try {
      parsed = new Parsed(condition, new Expr.Parser(condition).parse(), null);
    } catch (Expr.SyntaxError e) {
      parsed = new Parsed(condition, null, e.getMessage());
    }
    if (PARSED.size() < 10_000) {
      PARSED.put(condition, parsed);
    }
    return parsed;
  }

  /** The condition's boolean value, or the error text (a String). */
  private Object run(Parsed parsed, Object result) {
    if (parsed.syntaxError() != null) {
      return parsed.syntaxError();
    }
    Expr.Node node = parsed.node();
    Expr.T type = Expr.typeOf(result);
    String key = version + "\u0000" + type + "\u0000" + parsed.text();
    String error = CHECKED.get(key);
    if (error == null) {
      synchronized (node) {
        String checked = new Expr.Checker(type, version).check(node);
        error = checked == null ? "" : checked;
      }
      if (CHECKED.size() < 100_000) {
        CHECKED.put(key, error);
      }
    }
    if (!error.isEmpty()) {
      return error;
    }
    Object out;
    try {
      out = new Expr.Runtime(result, version).run(node);
    } catch (Expr.Panic p) {
      return p.getMessage();
    }
    if (out instanceof Boolean) {
      return out;
    }
    return "expected bool, but got " + Expr.typeName(out);
  }
}
