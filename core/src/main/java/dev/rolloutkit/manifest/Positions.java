package dev.rolloutkit.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each part of one document's JSON tree was written: for every mapping, the line and column
 * of each key and of its value; for every sequence, where each item starts. Positions are 0-based
 * line and column (code points) packed into a long; {@link #locate} answers in {@link
 * SourceLocation}'s 1-based terms. Keys a merge ({@code <<}) brought in point where the merged
 * mapping wrote them; an alias's copy points where the anchored value was written.
 */
final class Positions {

  private final String file;
  private final long documentStart;
  private final Map<JsonNode, Map<String, long[]>> fields = new IdentityHashMap<>();
  private final Map<JsonNode, List<Long>> items = new IdentityHashMap<>();

  /** The tree these positions are of. */
  private JsonNode root;

  /**
   * Reads the positions when first asked, for documents read without them (most documents are never
   * asked).
   */
  private java.util.function.Supplier<Positions> source;

  private Positions read;

  Positions(String file, long documentStart) {
    this.file = file;
    this.documentStart = documentStart;
  }

  /** Positions read by {@code source} when first asked for. */
  static Positions later(
      String file, long documentStart, java.util.function.Supplier<Positions> source) {
    Positions p = new Positions(file, documentStart);
    p.source = source;
    return p;
  }

  void root(JsonNode root) {
    this.root = root;
  }

  private synchronized Positions resolved() {
    if (source == null) {
      return this;
    }
    if (read == null) {
      read = source.get();
    }
    return read;
  }

  static long pack(int line, int column) {
    return ((long) line << 32) | (column & 0xffffffffL);
  }

  static int line(long position) {
    return (int) (position >>> 32);
  }

  static int column(long position) {
    return (int) position;
  }

  String file() {
    return file;
  }

  long documentStart() {
    return documentStart;
  }

  void field(JsonNode object, String key, long keyPosition, long valuePosition) {
    fields
        .computeIfAbsent(object, o -> new HashMap<>())
        .put(key, new long[] {keyPosition, valuePosition});
  }

  void item(JsonNode array, long position) {
    items.computeIfAbsent(array, a -> new ArrayList<>()).add(position);
  }

  /** The key and value positions of {@code key} in {@code object}, or null. */
  long[] field(JsonNode object, String key) {
    Map<String, long[]> f = fields.get(object);
    return f == null ? null : f.get(key);
  }

  /**
   * Copies what is known of {@code from}'s subtree onto the copy {@code to} (an alias's value, a
   * merged mapping's fields).
   */
  void copy(JsonNode from, JsonNode to) {
    Map<String, long[]> f = fields.get(from);
    if (f != null) {
      for (Map.Entry<String, long[]> e : f.entrySet()) {
        JsonNode child = to.get(e.getKey());
        if (child != null) {
          field(to, e.getKey(), e.getValue()[0], e.getValue()[1]);
          copy(from.get(e.getKey()), child);
        }
      }
    }
    List<Long> i = items.get(from);
    if (i != null) {
      List<Long> copied = new ArrayList<>(i);
      items.put(to, copied);
      for (int n = 0; n < Math.min(from.size(), to.size()); n++) {
        copy(from.get(n), to.get(n));
      }
    }
  }

  /**
   * Where the field at {@code path} ({@code spec.strategy.canary.steps[3].setWeight}; {@code ""}
   * for the document) was written: its key, or the start of its item. A path that goes beyond what
   * the document has is located at the deepest part that exists. Keys that themselves contain dots
   * ({@code app.kubernetes.io/name}) are matched whole.
   */
  SourceLocation locate(String path) {
    Positions p = resolved();
    return toLocation(p.position(p.root, path, false));
  }

  /**
   * Where the value at {@code path} starts (for a typed-reading error, which is about the value).
   */
  SourceLocation locateValue(String path) {
    Positions p = resolved();
    return toLocation(p.position(p.root, path, true));
  }

  private SourceLocation toLocation(long p) {
    return SourceLocation.of(file, line(p) + 1, column(p) + 1);
  }

  private long position(JsonNode root, String path, boolean value) {
    List<Object> segments = segments(path);
    long at = documentStart;
    if (root == null) {
      return at;
    }
    JsonNode node = root;
    int i = 0;
    while (i < segments.size() && node != null) {
      Object segment = segments.get(i);
      if (segment instanceof Integer index) {
        List<Long> list = items.get(node);
        if (list == null || index >= list.size() || !node.isArray()) {
          break;
        }
        at = list.get(index);
        node = node.get(index);
        i++;
      } else {
        // The longest run of name segments that is a key of this mapping ("app.kubernetes.io/name"
        // has dots).
        int matched = -1;
        String key = null;
        StringBuilder name = new StringBuilder();
        for (int j = i; j < segments.size() && segments.get(j) instanceof String s; j++) {
          if (j > i) {
            name.append('.');
          }
          name.append(s);
          if (node.isObject() && node.has(name.toString())) {
            matched = j;
            key = name.toString();
          }
        }
        if (key == null) {
          break;
        }
        long[] where = field(node, key);
        if (where == null) {
          break;
        }
        at = value && matched == segments.size() - 1 ? where[1] : where[0];
        node = node.get(key);
        i = matched + 1;
      }
    }
    return at;
  }

  /** {@code a.b[2].c} → ["a", "b", 2, "c"]; {@code ["a.b"]} quotes a key. */
  static List<Object> segments(String path) {
    List<Object> out = new ArrayList<>();
    int i = 0;
    StringBuilder name = new StringBuilder();
    while (i < path.length()) {
      char c = path.charAt(i);
      if (c == '.') {
        flush(name, out);
        i++;
      } else if (c == '[') {
        flush(name, out);
        int close = path.indexOf(']', i);
        if (close < 0) {
          name.append(path, i, path.length());
          break;
        }
        String inside = path.substring(i + 1, close);
        if (inside.length() >= 2 && inside.startsWith("\"") && inside.endsWith("\"")) {
          out.add(inside.substring(1, inside.length() - 1));
        } else {
          try {
            out.add(Integer.parseInt(inside));
          } catch (NumberFormatException e) {
            out.add(inside);
          }
        }
        i = close + 1;
      } else {
        name.append(c);
        i++;
      }
    }
    flush(name, out);
    return out;
  }

  private static void flush(StringBuilder name, List<Object> out) {
    if (name.length() > 0) {
      out.add(name.toString());
      name.setLength(0);
    }
  }
}
