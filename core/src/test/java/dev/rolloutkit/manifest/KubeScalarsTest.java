package dev.rolloutkit.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How rolloutkit decides that a string can be written plain, checked against the resolvers. */
class KubeScalarsTest {

  /** Every case variant of every word any of the resolvers knows, and one-letter words. */
  private static List<String> words() {
    List<String> words = new ArrayList<>();
    for (String w : List.of("y", "n", "yes", "no", "on", "off", "true", "false", "null", "nan")) {
      for (int mask = 0; mask < 1 << w.length(); mask++) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < w.length(); i++) {
          char c = w.charAt(i);
          b.append((mask >> i & 1) == 1 ? Character.toUpperCase(c) : c);
        }
        words.add(b.toString());
      }
    }
    for (char c = 'a'; c <= 'z'; c++) {
      words.add(String.valueOf(c));
      words.add(String.valueOf(Character.toUpperCase(c)));
    }
    return words;
  }

  @Test
  void should_accept_as_a_plain_word_only_what_every_resolver_reads_as_a_string() {
    List<String> texts = new ArrayList<>(words());
    Random random = new Random(20261206);
    String alphabet = "abynoftueslYNOFTUESL0123456789._-:/ #=<~+";
    for (int i = 0; i < 20_000; i++) {
      StringBuilder b = new StringBuilder();
      b.append((char) ((random.nextBoolean() ? 'a' : 'A') + random.nextInt(26)));
      for (int n = random.nextInt(8); n > 0; n--) {
        b.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      texts.add(b.toString());
    }
    int plain = 0;
    for (String text : texts) {
      if (KubeScalars.isPlainWord(text)) {
        plain++;
        assertThat(KubeScalars.resolvesAsStringEverywhere(text)).as("'%s'", text).isTrue();
      }
    }
    assertThat(plain).as("texts decided without the resolvers").isGreaterThan(15_000);
  }

  @ParameterizedTest
  @ValueSource(strings = {"yes", "No", "ON", "off", "y", "N", "true", "False", "null", "NULL"})
  void should_leave_every_resolved_word_to_the_resolvers(String word) {
    assertThat(KubeScalars.isPlainWord(word)).isFalse();
    assertThat(KubeScalars.plainIsSafe(word)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"mcp-server", "ghcr.io/acme/mcp-server:1.4.0", "Yes please", "nope", "Nan"})
  void should_write_other_letter_first_texts_plain(String text) {
    assertThat(KubeScalars.isPlainWord(text)).isTrue();
    assertThat(KubeScalars.plainIsSafe(text)).isTrue();
  }
}
