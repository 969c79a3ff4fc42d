package dev.rolloutkit.lint;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Splits a very large lint into parts no rule can see across, so only one part is in memory at a
 * time. Documents are grouped by namespace; two namespaces are one part when a document of one
 * mentions the other anywhere (a host {@code svc.other.svc.cluster.local}, a gateway {@code
 * other/gw}, a {@code namespace: other} field, any word equal to the other's name), and
 * cluster-scoped documents ({@code Cluster*} kinds, {@code Namespace}) are one more "namespace"
 * that every document mentioning a cluster scope joins. Over-joining only costs memory;
 * under-joining would lose findings, so every string is looked at.
 */
final class Partitions {

  /** The pseudo-namespace of cluster-scoped documents. */
  static final String CLUSTER = " cluster";

  private final Map<String, Set<Integer>> filesByNamespace = new LinkedHashMap<>();

  /**
   * Per home, the words its documents mention that could name a namespace (DNS labels) or the
   * cluster scope.
   */
  private final Map<String, Set<String>> mentionsByHome = new HashMap<>();

  private final Map<String, String> parent = new HashMap<>();

  /** The home (namespace, or {@link #CLUSTER}) of a document. */
  static String home(JsonNode document) {
    String ns = document.path("metadata").path("namespace").asText("");
    return clusterScoped(document.path("kind").asText(""))
        ? CLUSTER
        : ns.isEmpty() ? "default" : ns;
  }

  /** Notes a document of file number {@code file}: its home, and what it mentions. */
  void add(int file, JsonNode document) {
    String home = home(document);
    filesByNamespace.computeIfAbsent(home, k -> new java.util.TreeSet<>()).add(file);
    collect(document, "", mentionsByHome.computeIfAbsent(home, k -> new HashSet<>()));
  }

  private static boolean clusterScoped(String kind) {
    return kind.startsWith("Cluster")
        || kind.equals("Namespace")
        || kind.equals("CustomResourceDefinition");
  }

  private static void collect(JsonNode node, String field, Set<String> words) {
    if (node.isObject()) {
      node.fields().forEachRemaining(e -> collect(e.getValue(), e.getKey(), words));
    } else if (node.isArray()) {
      node.forEach(n -> collect(n, field, words));
    } else if (node.isTextual()) {
      String text = node.asText();
      if (field.equals("kind") && clusterScoped(text)) {
        words.add(CLUSTER);
      }
      int start = -1;
      for (int i = 0; i <= text.length(); i++) {
        char c = i < text.length() ? text.charAt(i) : ' ';
        boolean part = Character.isLetterOrDigit(c) || c == '-' || c == '_';
        if (part && start < 0) {
          start = i;
        } else if (!part && start >= 0) {
          String word = text.substring(start, i);
          if (dnsLabel(word)) {
            words.add(word);
          }
          start = -1;
        }
      }
    } else if (node.isBoolean() && node.asBoolean() && field.equals("clusterScope")) {
      words.add(CLUSTER);
    }
  }

  /**
   * Whether {@code word} could name a namespace: a DNS label (lower-case letters, digits, '-'; at
   * most 63).
   */
  private static boolean dnsLabel(String word) {
    if (word.length() > 63 || word.charAt(0) == '-' || word.charAt(word.length() - 1) == '-') {
      return false;
    }
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
        return false;
      }
    }
    return true;
  }

  /** A part: the homes it joins and the file numbers holding their documents, in file order. */
  record Part(Set<String> homes, java.util.SortedSet<Integer> files) {}

  /** The parts, ordered by their first file. */
  List<Part> parts() {
    filesByNamespace.keySet().forEach(n -> parent.putIfAbsent(n, n));
    mentionsByHome.forEach(
        (home, words) -> {
          for (String w : words) {
            if (!w.equals(home) && parent.containsKey(w)) {
              union(home, w);
            }
          }
        });
    Map<String, Part> byRoot = new HashMap<>();
    for (Map.Entry<String, Set<Integer>> e : filesByNamespace.entrySet()) {
      Part part =
          byRoot.computeIfAbsent(
              find(e.getKey()), k -> new Part(new HashSet<>(), new java.util.TreeSet<>()));
      part.homes().add(e.getKey());
      part.files().addAll(e.getValue());
    }
    List<Part> parts = new ArrayList<>(byRoot.values());
    parts.sort(java.util.Comparator.comparing(p -> p.files().first()));
    return parts;
  }

  private String find(String n) {
    String root = n;
    while (!parent.get(root).equals(root)) {
      root = parent.get(root);
    }
    while (!parent.get(n).equals(root)) {
      String next = parent.get(n);
      parent.put(n, root);
      n = next;
    }
    return root;
  }

  private void union(String a, String b) {
    String ra = find(a);
    String rb = find(b);
    if (!ra.equals(rb)) {
      parent.put(ra.compareTo(rb) < 0 ? rb : ra, ra.compareTo(rb) < 0 ? ra : rb);
    }
  }
}
