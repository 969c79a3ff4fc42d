package dev.rolloutkit.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * The range windows of a PromQL query: each {@code [<digits><unit>]} or subquery {@code
 * [<digits><unit>:<step>]}, unit one of {@code ms s m h d w y}, as the pattern {@code
 * \[(\d+(?:ms|s|m|h|d|w|y))(?::[^\]]*)?]} finds them, left to right and not overlapping; written
 * out, as every template's query is scanned on each lint.
 */
final class RangeWindows {

  private RangeWindows() {}

  /** The windows' durations as written ({@code 5m}, {@code 30s}), in order. */
  static List<String> of(String query) {
    List<String> windows = null;
    int p = query.indexOf('[');
    while (p >= 0) {
      int unitEnd = unitEnd(query, p + 1);
      int end = unitEnd < 0 ? -1 : close(query, unitEnd);
      if (end < 0) {
        p = query.indexOf('[', p + 1);
        continue;
      }
      if (windows == null) {
        windows = new ArrayList<>(2);
      }
      windows.add(query.substring(p + 1, unitEnd));
      p = query.indexOf('[', end);
    }
    return windows == null ? List.of() : windows;
  }

  /** After digits from {@code from} (at least one), the end of the unit; -1 if there is none. */
  private static int unitEnd(String query, int from) {
    int q = from;
    while (q < query.length() && query.charAt(q) >= '0' && query.charAt(q) <= '9') {
      q++;
    }
    if (q == from || q >= query.length()) {
      return -1;
    }
    if (query.startsWith("ms", q) && close(query, q + 2) >= 0) {
      return q + 2; // 'm' alone would be followed by 's', which neither ']' nor ':' is
    }
    return "smhdwy".indexOf(query.charAt(q)) >= 0 ? q + 1 : -1;
  }

  /**
   * After the unit: {@code ]}, or {@code :} and anything up to the next {@code ]}; the index after
   * it, or -1.
   */
  private static int close(String query, int at) {
    if (at >= query.length()) {
      return -1;
    }
    char c = query.charAt(at);
    if (c == ']') {
      return at + 1;
    }
    if (c == ':') {
      int bracket = query.indexOf(']', at + 1);
      return bracket < 0 ? -1 : bracket + 1;
    }
    return -1;
  }
}
