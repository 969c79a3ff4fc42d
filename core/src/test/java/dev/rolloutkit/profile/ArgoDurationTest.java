package dev.rolloutkit.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.OptionalLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pause durations are read as Argo reads them: integer seconds, or Go's time.ParseDuration
 * truncated to seconds.
 */
class ArgoDurationTest {

  @ParameterizedTest(name = "{0} → {1}s")
  @CsvSource({
    "0, 0", "30, 30", "'+30', 30", "'-5', -5", "90s, 90", "2m, 120", "1h30m, 5400", "1.5h, 5400",
        "500ms, 0", "1500ms, 1",
    "2m30s, 150", "-1m, -60", "+5m, 300", "1h0m0s, 3600", "100us, 0", "3µs, 0", ".5m, 30",
        "1.m, 60", "60s, 60", "120s, 120"
  })
  void should_read_seconds_like_argo(String text, long seconds) {
    assertThat(ArgoDuration.seconds(text)).isEqualTo(OptionalLong.of(seconds));
  }

  @ParameterizedTest(name = "''{0}'' is not a duration")
  @ValueSource(
      strings = {
        "1d", "2w", "2 days", "", "m", "1h30", "1.2.3s", "s1", "1 m", "abc", "--1m", ".s", "1e3s",
        "1H"
      })
  void should_reject_what_argo_cannot_parse(String text) {
    assertThat(ArgoDuration.seconds(text)).isEmpty();
    assertThat(ArgoDuration.isValidPause(text)).isFalse();
  }

  @ParameterizedTest
  @CsvSource({"0, 0s", "45, 45s", "60, 1m", "90, 1m30s", "3600, 1h", "5400, 1h30m", "3661, 1h1m1s"})
  void should_format_whole_seconds_as_compact_go_durations(long seconds, String text) {
    assertThat(ArgoDuration.format(Duration.ofSeconds(seconds))).isEqualTo(text);
    assertThat(ArgoDuration.seconds(text)).isEqualTo(OptionalLong.of(seconds));
  }

  @org.junit.jupiter.api.Test
  void should_refuse_to_format_fractions_and_negatives() {
    assertThatThrownBy(() -> ArgoDuration.format(Duration.ofMillis(500)))
        .hasMessageContaining("whole, non-negative seconds");
    assertThatThrownBy(() -> ArgoDuration.format(Duration.ofSeconds(-1)))
        .hasMessageContaining("whole, non-negative seconds");
  }

  /**
   * The shortcut for the common forms gives what the general reading gives, for random
   * duration-like texts.
   */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
  void should_read_the_common_forms_quickly_as_the_general_reading_does(int seed) {
    java.util.Random random = new java.util.Random(seed);
    String alphabet = "0123456789000+-.smhsmhnuµ d";
    int simple = 0;
    for (int i = 0; i < 20_000; i++) {
      StringBuilder b = new StringBuilder();
      if (random.nextInt(4) == 0) {
        b.append(random.nextBoolean() ? '-' : '+');
      }
      b.append(
          random.nextInt(5) == 0
              ? Long.toString(random.nextLong() & Long.MAX_VALUE)
              : Integer.toString(random.nextInt(100_000)));
      for (int k = random.nextInt(3); k > 0; k--) {
        b.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String text =
          random.nextInt(10) == 0 ? b.substring(random.nextInt(b.length())) : b.toString();
      if (text.isEmpty()) {
        continue;
      }
      if (ArgoDuration.simpleSeconds(text) != Long.MIN_VALUE) {
        simple++;
      }
      assertThat(ArgoDuration.seconds(text)).as(text).isEqualTo(ArgoDuration.generalSeconds(text));
    }
    assertThat(simple).as("texts the shortcut read").isGreaterThan(5_000);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "9223372036s",
        "9223372037s",
        "153722867m",
        "153722868m",
        "2562047h",
        "2562048h",
        "99999999999ms",
        "99999999999h",
        "999999999999s",
        "-9223372037s",
        "00000000001m",
        "+0ms",
        "-0s"
      })
  void should_read_the_limits_of_go_durations_as_the_general_reading_does(String text) {
    assertThat(ArgoDuration.seconds(text)).isEqualTo(ArgoDuration.generalSeconds(text));
  }
}
