package dev.rolloutkit.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The written-out scan finds the windows the pattern finds. */
class RangeWindowsTest {

  private static final Pattern WINDOW =
      Pattern.compile("\\[(\\d+(?:ms|s|m|h|d|w|y))(?::[^\\]]*)?]");

  private static List<String> byPattern(String query) {
    List<String> found = new ArrayList<>();
    Matcher m = WINDOW.matcher(query);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }

  @Test
  void should_find_range_and_subquery_windows() {
    String query =
        "sum(rate(http_requests_total{code=~\"5..\",rollouts_pod_template_hash=\"{{args.hash}}\"}[5m]))"
            + " / sum(rate(x[30s])) + max_over_time(y[1h:1m]) + z[100ms] + w[2m:] + v[5m:1m:] +"
            + " bad[5] + bad[m] + [5ms:1s]";
    assertThat(RangeWindows.of(query))
        .containsExactly("5m", "30s", "1h", "100ms", "2m", "5m", "5ms")
        .isEqualTo(byPattern(query));
    assertThat(RangeWindows.of("")).isEmpty();
  }

  static List<Integer> seeds() {
    return dev.rolloutkit.testing.RandomModelObjects.seeds().toList();
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void should_find_what_the_pattern_finds_in_random_text(int seed) {
    Random random = new Random(seed);
    String alphabet = "[[[]]]::0123456789mmsshdwyx {}(),5";
    for (int i = 0; i < 3000; i++) {
      StringBuilder b = new StringBuilder();
      for (int n = random.nextInt(24); n > 0; n--) {
        b.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String query = b.toString();
      assertThat(RangeWindows.of(query)).as(query).isEqualTo(byPattern(query));
    }
  }
}
