package dev.rolloutkit.profile;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as Argo Rollouts reads them ({@code RolloutPause.DurationSeconds}): an integer is
 * seconds; any other string is a Go duration ({@code 90s}, {@code 2m}, {@code 1h30m}, {@code
 * 500ms}), truncated to whole seconds. Days ({@code 1d}) and weeks are not Go units and are
 * rejected upstream.
 *
 * <pre>{@code
 * ArgoDuration.seconds("1h30m")   // OptionalLong[5400]
 * ArgoDuration.seconds("1d")      // OptionalLong.empty()
 * ArgoDuration.format(Duration.ofSeconds(90))  // "1m30s"
 * }</pre>
 */
public final class ArgoDuration {

  private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");
  private static final Pattern GO_PART =
      Pattern.compile("([0-9]*(?:\\.[0-9]*)?)(ns|us|µs|μs|ms|s|m|h)");

  private ArgoDuration() {}

  /**
   * The whole seconds Argo takes from {@code text}, or empty when Argo cannot parse it. The result
   * may be negative ({@code -1m}); Argo rejects negative pauses.
   */
  public static OptionalLong seconds(String text) {
    if (text == null || text.isEmpty()) {
      return OptionalLong.empty();
    }
    long simple = simpleSeconds(text);
    if (simple != NOT_SIMPLE) {
      return OptionalLong.of(simple);
    }
    return generalSeconds(text);
  }

  private static final long NOT_SIMPLE = Long.MIN_VALUE;

  /** More digits than this go the general way (so the products below cannot overflow). */
  private static final int SIMPLE_DIGITS = 11;

  /**
   * The common forms, read without patterns or decimals: a signed whole number of seconds ({@code
   * 30}), or of {@code s}, {@code m}, {@code h} or {@code ms} ({@code 90s}, {@code 2m}, {@code
   * 500ms}); {@link #NOT_SIMPLE} for anything else. Gives what {@link #generalSeconds} gives for
   * these forms.
   */
  static long simpleSeconds(String text) {
    int n = text.length();
    int i = 0;
    boolean negative = false;
    if (text.charAt(0) == '+' || text.charAt(0) == '-') {
      negative = text.charAt(0) == '-';
      i = 1;
    }
    int digitsStart = i;
    long value = 0;
    while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
      if (i - digitsStart == SIMPLE_DIGITS) {
        return NOT_SIMPLE;
      }
      value = value * 10 + (text.charAt(i) - '0');
      i++;
    }
    if (i == digitsStart) {
      return NOT_SIMPLE;
    }
    long seconds;
    if (i == n) {
      seconds = value; // an integer: seconds as they are
    } else if (n - i == 1 && text.charAt(i) == 's') {
      seconds = value;
    } else if (n - i == 1 && text.charAt(i) == 'm') {
      seconds = value * 60;
    } else if (n - i == 1 && text.charAt(i) == 'h') {
      seconds = value * 3600;
    } else if (n - i == 2 && text.charAt(i) == 'm' && text.charAt(i + 1) == 's') {
      seconds = value / 1000;
    } else {
      return NOT_SIMPLE;
    }
    if (i < n && seconds > GO_MAX_SECONDS) {
      return NOT_SIMPLE; // beyond Go's int64 nanoseconds: the general way says so
    }
    return negative ? -seconds : seconds;
  }

  private static final long GO_MAX_SECONDS = Long.MAX_VALUE / 1_000_000_000L;

  /**
   * {@link #seconds} for any text: an integer, or Go's {@code time.ParseDuration} truncated to
   * whole seconds.
   */
  static OptionalLong generalSeconds(String text) {
    if (text.isEmpty()) {
      return OptionalLong.empty();
    }
    if (INTEGER.matcher(text).matches()) {
      try {
        return OptionalLong.of(Long.parseLong(text));
      } catch (NumberFormatException tooLarge) {
        return OptionalLong.empty();
      }
    }
    return goDurationSeconds(text);
  }

  /**
   * The whole seconds of a Go duration ({@code time.ParseDuration}), as Argo reads its {@code
   * DurationString} fields such as an experiment's {@code duration}; empty when Go refuses it.
   * Unlike a pause, a bare number other than {@code 0} has no unit and is refused.
   */
  public static OptionalLong goSeconds(String text) {
    return text == null || text.isEmpty() ? OptionalLong.empty() : goDurationSeconds(text);
  }

  /** True when Argo accepts {@code text} as a pause duration: parsable and not negative. */
  public static boolean isValidPause(String text) {
    OptionalLong seconds = seconds(text);
    return seconds.isPresent() && seconds.getAsLong() >= 0;
  }

  /**
   * A compact Go duration for a whole number of seconds: {@code 2m}, {@code 1m30s}, {@code 1h},
   * {@code 0s}.
   */
  public static String format(Duration duration) {
    long total = duration.getSeconds();
    if (duration.isNegative() || duration.getNano() != 0) {
      throw new IllegalArgumentException(
          "Argo durations are whole, non-negative seconds; got " + duration);
    }
    if (total == 0) {
      return "0s";
    }
    StringBuilder out = new StringBuilder();
    long hours = total / 3600;
    long minutes = (total % 3600) / 60;
    long seconds = total % 60;
    if (hours > 0) {
      out.append(hours).append('h');
    }
    if (minutes > 0) {
      out.append(minutes).append('m');
    }
    if (seconds > 0) {
      out.append(seconds).append('s');
    }
    return out.toString();
  }

  // Go's time.ParseDuration: [-+]?([0-9]*(\.[0-9]*)?[a-z]+)+, or "0".
  private static OptionalLong goDurationSeconds(String text) {
    String rest = text;
    boolean negative = false;
    if (rest.startsWith("-") || rest.startsWith("+")) {
      negative = rest.charAt(0) == '-';
      rest = rest.substring(1);
    }
    if (rest.equals("0")) {
      return OptionalLong.of(0);
    }
    if (rest.isEmpty()) {
      return OptionalLong.empty();
    }
    BigDecimal nanos = BigDecimal.ZERO;
    Matcher m = GO_PART.matcher(rest);
    int at = 0;
    while (at < rest.length()) {
      if (!m.find(at) || m.start() != at) {
        return OptionalLong.empty();
      }
      String number = m.group(1);
      if (number.isEmpty() || number.equals(".")) {
        return OptionalLong.empty();
      }
      nanos =
          nanos.add(
              new BigDecimal(number.endsWith(".") ? number + "0" : number)
                  .multiply(unitNanos(m.group(2))));
      at = m.end();
    }
    BigDecimal seconds = nanos.divide(BigDecimal.valueOf(1_000_000_000L), 0, RoundingMode.DOWN);
    if (seconds.compareTo(BigDecimal.valueOf(GO_MAX_SECONDS)) > 0) {
      return OptionalLong.empty(); // overflows Go's int64 nanoseconds
    }
    return OptionalLong.of(negative ? -seconds.longValue() : seconds.longValue());
  }

  private static BigDecimal unitNanos(String unit) {
    return switch (unit) {
      case "ns" -> BigDecimal.ONE;
      case "us", "µs", "μs" -> BigDecimal.valueOf(1_000L);
      case "ms" -> BigDecimal.valueOf(1_000_000L);
      case "s" -> BigDecimal.valueOf(1_000_000_000L);
      case "m" -> BigDecimal.valueOf(60_000_000_000L);
      case "h" -> BigDecimal.valueOf(3_600_000_000_000L);
      default -> throw new IllegalStateException(unit);
    };
  }
}
