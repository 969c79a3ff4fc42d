package dev.rolloutkit.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * Seeded random data for the YAML writers' identity tests: strings glued from given pieces, integers, one more kind of
 * number the test chooses, booleans, nulls, and maps and lists nested up to five levels.
 */
final class RandomDocuments {

  private final Random random;
  private final String[] pieces;
  private final int maxPieces;
  private final Function<Random, Object> otherNumber;

  RandomDocuments(long seed, String[] pieces, int maxPieces, Function<Random, Object> otherNumber) {
    this.random = new Random(seed);
    this.pieces = pieces;
    this.maxPieces = maxPieces;
    this.otherNumber = otherNumber;
  }

  /** Up to {@code maxPieces - 1} pieces, possibly none. */
  String string() {
    StringBuilder s = new StringBuilder();
    int n = random.nextInt(maxPieces);
    for (int i = 0; i < n; i++) {
      s.append(pieces[random.nextInt(pieces.length)]);
    }
    return s.toString();
  }

  Map<String, Object> map(int depth) {
    Map<String, Object> map = new LinkedHashMap<>();
    int n = random.nextInt(5);
    for (int i = 0; i < n; i++) {
      map.put(string(), value(depth));
    }
    return map;
  }

  private Object value(int depth) {
    return switch (random.nextInt(depth > 3 ? 7 : 9)) {
      case 0, 1, 2 -> string();
      case 3 -> random.nextBoolean() ? random.nextInt() : random.nextLong();
      case 4 -> otherNumber.apply(random);
      case 5 -> random.nextBoolean();
      case 6 -> null;
      case 7 -> map(depth + 1);
      default -> {
        List<Object> list = new ArrayList<>();
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
          list.add(value(depth + 1));
        }
        yield list;
      }
    };
  }
}
