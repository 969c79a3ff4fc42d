package dev.rolloutkit.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Lint's reading of a file's bytes as text: 7-bit files take a shortcut that must read exactly as UTF-8 decoding does. */
class TextDecodingTest {

  static IntStream seeds() {
    return IntStream.range(0, 12);
  }

  /** What a strict UTF-8 decoder gives, or "malformed". */
  private static String decoded(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return "malformed";
    }
  }

  private static String read(byte[] bytes) {
    try {
      return Lint.utf8(bytes);
    } catch (CharacterCodingException e) {
      return "malformed";
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void should_read_bytes_as_a_strict_utf8_decoder_does(int seed) {
    Random random = new Random(seed);
    String[] pieces = {"apiVersion: v1\n", "kind: Service\n", "  name: web\n", "é", "ü", "→", "日本", "😀", "\u0000", "\t", "~", "\u007f"};
    for (int i = 0; i < 300; i++) {
      StringBuilder text = new StringBuilder();
      int n = random.nextInt(12);
      for (int k = 0; k < n; k++) {
        text.append(pieces[random.nextInt(random.nextBoolean() ? 3 : pieces.length)]);
      }
      byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
      if (bytes.length > 0 && random.nextInt(4) == 0) {
        bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256); // often malformed, sometimes still 7-bit
      }
      String expected = decoded(bytes);
      assertThat(read(bytes)).as("bytes %s", java.util.Arrays.toString(bytes)).isEqualTo(expected);
    }
  }
}
