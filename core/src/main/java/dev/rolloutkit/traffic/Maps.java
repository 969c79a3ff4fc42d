package dev.rolloutkit.traffic;

import java.util.Map;
import java.util.TreeMap;

/** Maps written to YAML are sorted, so output never depends on the order a caller's map iterates in. */
final class Maps {

  private Maps() {}

  static Map<String, String> sorted(Map<String, String> map) {
    return map.isEmpty() ? null : new TreeMap<>(map);
  }
}
