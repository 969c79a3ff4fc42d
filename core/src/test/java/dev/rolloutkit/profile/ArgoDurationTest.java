package dev.rolloutkit.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.OptionalLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Pause durations are read as Argo reads them: integer seconds, or Go's time.ParseDuration truncated to seconds. */
class ArgoDurationTest {

  @ParameterizedTest(name = "{0} → {1}s")
  @CsvSource({
      "0, 0", "30, 30", "'+30', 30", "'-5', -5", "90s, 90", "2m, 120", "1h30m, 5400", "1.5h, 5400", "500ms, 0", "1500ms, 1",
      "2m30s, 150", "-1m, -60", "+5m, 300", "1h0m0s, 3600", "100us, 0", "3µs, 0", ".5m, 30", "1.m, 60", "60s, 60", "120s, 120"})
  void should_read_seconds_like_argo(String text, long seconds) {
    assertThat(ArgoDuration.seconds(text)).isEqualTo(OptionalLong.of(seconds));
  }

  @ParameterizedTest(name = "''{0}'' is not a duration")
  @ValueSource(strings = {"1d", "2w", "2 days", "", "m", "1h30", "1.2.3s", "s1", "1 m", "abc", "--1m", ".s", "1e3s", "1H"})
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
    assertThatThrownBy(() -> ArgoDuration.format(Duration.ofMillis(500))).hasMessageContaining("whole, non-negative seconds");
    assertThatThrownBy(() -> ArgoDuration.format(Duration.ofSeconds(-1))).hasMessageContaining("whole, non-negative seconds");
  }
}
