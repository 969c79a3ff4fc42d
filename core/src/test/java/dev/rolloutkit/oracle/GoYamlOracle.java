package dev.rolloutkit.oracle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;

/**
 * How kubectl reads a YAML text into JSON, written for tests and independently of rolloutkit's
 * reader: documents split at {@code ---} lines as apimachinery's {@code YAMLReader} splits them;
 * each read by SnakeYAML's parser (not the snakeyaml-engine parser rolloutkit uses), first document
 * only as go-yaml's {@code Unmarshal}; plain scalars resolved by a transcription of go-yaml v2.4's
 * {@code resolve.go}; merge keys, aliases and repeated keys as its {@code decode.go}; keys turned
 * into strings as sigs.k8s.io/yaml's {@code convertToJSONableObject}; and numbers that JSON cannot
 * carry refused as {@code json.Marshal} refuses them.
 */
public final class GoYamlOracle {

  private static final String TAG = "tag:yaml.org,2002:";
  private static final String STR = TAG + "str";
  private static final String INT = TAG + "int";
  private static final String FLOAT = TAG + "float";
  private static final String BOOL = TAG + "bool";
  private static final String NULL = TAG + "null";
  private static final String MERGE = TAG + "merge";
  private static final String TIMESTAMP = TAG + "timestamp";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private GoYamlOracle() {}

  /** What kubectl cannot read, with go-yaml's or Go's reason in our words. */
  public static final class Refused extends Exception {
    Refused(String message) {
      super(message);
    }
  }

  /**
   * A text the oracle cannot judge (Go's behaviour depends on map order, or on an edge not
   * modelled).
   */
  public static final class Undecided extends Exception {
    Undecided(String message) {
      super(message);
    }
  }

  /** The JSON documents kubectl reads from {@code text}, in order; empty documents are skipped. */
  public static List<JsonNode> read(String text) throws Refused, Undecided {
    List<JsonNode> documents = new ArrayList<>();
    for (String chunk : split(text)) {
      Object value = firstDocument(chunk);
      if (value != null) {
        documents.add(json(value));
      }
    }
    return documents;
  }

  /** apimachinery's YAMLReader: a line starting with {@code ---} ends a document. */
  static List<String> split(String text) throws Refused {
    List<String> chunks = new ArrayList<>();
    StringBuilder chunk = new StringBuilder();
    for (String line : text.split("(?<=\n)", -1)) {
      if (line.startsWith("---")) {
        String rest = line.substring(3).trim();
        if (!rest.isEmpty() && rest.charAt(0) != '#') {
          throw new Refused("content on a --- line");
        }
        chunks.add(chunk.toString());
        chunk.setLength(0);
      } else {
        chunk.append(line);
      }
    }
    chunks.add(chunk.toString());
    return chunks;
  }

  // ---- parsing: SnakeYAML's events into nodes ----

  private record Node(
      char kind, String tag, String value, boolean plain, List<Node> children, int[] alias) {}

  private static Object firstDocument(String chunk) throws Refused, Undecided {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(true);
    Iterator<Event> events;
    List<Event> list = new ArrayList<>();
    try {
      events = new Yaml(options).parse(new StringReader(chunk)).iterator();
      while (events.hasNext()) {
        Event e = events.next();
        list.add(e);
        if (e.is(Event.ID.DocumentEnd)) {
          break; // go-yaml's Unmarshal reads the first document only
        }
      }
    } catch (RuntimeException e) {
      throw new Undecided("SnakeYAML cannot parse it: " + e.getMessage());
    }
    Map<String, Node> anchors = new HashMap<>();
    Iterator<Event> it = list.iterator();
    while (it.hasNext()) {
      Event e = it.next();
      if (e.is(Event.ID.DocumentStart)) {
        Event first = it.next();
        if (first.is(Event.ID.DocumentEnd)) {
          return null;
        }
        return decode(node(first, it, anchors));
      }
    }
    return null;
  }

  private static Node node(Event e, Iterator<Event> it, Map<String, Node> anchors)
      throws Undecided {
    if (e instanceof AliasEvent alias) {
      Node target = anchors.get(alias.getAnchor());
      if (target == null) {
        throw new Undecided("unknown anchor");
      }
      return target;
    }
    Node made;
    if (e instanceof ScalarEvent s) {
      made =
          new Node(
              's',
              s.getTag(),
              s.getValue(),
              s.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN && s.getTag() == null,
              List.of(),
              null);
    } else if (e instanceof MappingStartEvent || e instanceof SequenceStartEvent) {
      List<Node> children = new ArrayList<>();
      String tag = ((org.yaml.snakeyaml.events.CollectionStartEvent) e).getTag();
      made = new Node(e instanceof MappingStartEvent ? 'm' : 'q', tag, null, false, children, null);
      String anchor = ((NodeEvent) e).getAnchor();
      if (anchor != null) {
        anchors.put(anchor, made); // an alias inside refers to it (go-yaml refuses the recursion)
      }
      while (true) {
        Event next = it.next();
        if (next.is(Event.ID.MappingEnd) || next.is(Event.ID.SequenceEnd)) {
          break;
        }
        children.add(node(next, it, anchors));
      }
      return made;
    } else {
      throw new Undecided("unexpected event " + e);
    }
    String anchor = ((NodeEvent) e).getAnchor();
    if (anchor != null) {
      anchors.put(anchor, made);
    }
    return made;
  }

  // ---- decoding: go-yaml v2's decode.go into Go values ----

  /** A Go {@code time.Time}-free value: String, Boolean, BigInteger, Double, null, Map, List. */
  private static Object decode(Node n) throws Refused, Undecided {
    switch (n.kind) {
      case 's':
        return scalar(n);
      case 'q':
        List<Object> list = new ArrayList<>();
        for (Node c : n.children) {
          list.add(decode(c));
        }
        return list;
      default:
        Map<Object, Object> map = new LinkedHashMap<>();
        mapping(n, map);
        return map;
    }
  }

  private static void mapping(Node n, Map<Object, Object> out) throws Refused, Undecided {
    for (int i = 0; i < n.children.size(); i += 2) {
      Node key = n.children.get(i);
      Node value = n.children.get(i + 1);
      if (key.kind == 's' && key.value.equals("<<") && (key.plain || MERGE.equals(key.tag))) {
        merge(value, out);
        continue;
      }
      if (key.kind != 's') {
        throw new Undecided("a collection as a key");
      }
      out.put(scalar(key), decode(value));
    }
  }

  private static void merge(Node n, Map<Object, Object> out) throws Refused, Undecided {
    if (n.kind == 'm') {
      mapping(n, out);
    } else if (n.kind == 'q') {
      for (int i = n.children.size() - 1; i >= 0; i--) {
        Node c = n.children.get(i);
        if (c.kind != 'm') {
          throw new Refused("map merge requires map or sequence of maps as the value");
        }
        mapping(c, out);
      }
    } else {
      throw new Refused("map merge requires map or sequence of maps as the value");
    }
  }

  private static final Pattern YAML_STYLE_FLOAT =
      Pattern.compile("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$");

  private static Object scalar(Node n) throws Refused, Undecided {
    String in = n.value;
    if (n.tag == null && !n.plain) {
      return in; // quoted, untagged
    }
    String tag = n.tag == null ? "" : n.tag;
    if (tag.startsWith("!!")) {
      tag = TAG + tag.substring(2);
    }
    if (!(tag.isEmpty()
        || tag.equals(STR)
        || tag.equals(BOOL)
        || tag.equals(INT)
        || tag.equals(FLOAT)
        || tag.equals(NULL)
        || tag.equals(TIMESTAMP))) {
      throw new Undecided("tag " + tag);
    }
    Object[] resolved = resolve(tag, in);
    String rtag = (String) resolved[0];
    Object out = resolved[1];
    if (!(tag.isEmpty() || tag.equals(rtag) || tag.equals(STR))) {
      if (tag.equals(FLOAT) && rtag.equals(INT)) {
        return ((BigInteger) out).doubleValue();
      }
      throw new Refused("cannot decode " + rtag + " `" + in + "` as a " + tag);
    }
    if (rtag.equals(TIMESTAMP)) {
      return in; // decode.go: a timestamp into interface{} stays the text
    }
    return out;
  }

  /** go-yaml v2.4 resolve.go's resolve: {tag, value}. */
  private static Object[] resolve(String tag, String in) throws Undecided {
    char hint = in.isEmpty() ? 'N' : hint(in.charAt(0));
    if (hint != 0 && !tag.equals(STR)) {
      Object[] word = WORDS.get(in);
      if (word != null) {
        return word;
      }
      switch (hint) {
        case 'M':
          break;
        case '.':
          Optional<Double> f = goParseFloat(in);
          if (f.isPresent()) {
            return new Object[] {FLOAT, f.get()};
          }
          break;
        case 'D':
        case 'S':
          if ((tag.isEmpty() || tag.equals(TIMESTAMP)) && looksLikeTimestamp(in)) {
            throw new Undecided("a timestamp");
          }
          String plain = in.replace("_", "");
          Optional<BigInteger> i = goParseInt(plain, true);
          if (i.isPresent()) {
            return new Object[] {INT, i.get()};
          }
          Optional<BigInteger> u = goParseInt(plain, false);
          if (u.isPresent()) {
            return new Object[] {INT, u.get()};
          }
          if (YAML_STYLE_FLOAT.matcher(plain).matches()) {
            Optional<Double> d = goParseFloat(plain);
            if (d.isPresent()) {
              return new Object[] {FLOAT, d.get()};
            }
          }
          if (plain.startsWith("0b") || plain.startsWith("-0b")) {
            throw new Undecided("go-yaml's second 0b branch");
          }
          break;
        default:
          throw new IllegalStateException();
      }
    }
    return new Object[] {STR, in};
  }

  private static char hint(char c) {
    if (c == '+' || c == '-') {
      return 'S';
    }
    if (c >= '0' && c <= '9') {
      return 'D';
    }
    if ("yYnNtTfFoO~".indexOf(c) >= 0) {
      return 'M';
    }
    return c == '.' ? '.' : 0;
  }

  private static final Map<String, Object[]> WORDS = new HashMap<>();

  static {
    for (String w :
        List.of("y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON")) {
      WORDS.put(w, new Object[] {BOOL, true});
    }
    for (String w :
        List.of("n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF")) {
      WORDS.put(w, new Object[] {BOOL, false});
    }
    for (String w : List.of("", "~", "null", "Null", "NULL")) {
      WORDS.put(w, new Object[] {NULL, null});
    }
    for (String w : List.of(".nan", ".NaN", ".NAN")) {
      WORDS.put(w, new Object[] {FLOAT, Double.NaN});
    }
    for (String w : List.of(".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF")) {
      WORDS.put(w, new Object[] {FLOAT, Double.POSITIVE_INFINITY});
    }
    for (String w : List.of("-.inf", "-.Inf", "-.INF")) {
      WORDS.put(w, new Object[] {FLOAT, Double.NEGATIVE_INFINITY});
    }
    WORDS.put("<<", new Object[] {MERGE, "<<"});
  }

  /** Four digits and a dash: what go-yaml's parseTimestamp looks at first. */
  private static boolean looksLikeTimestamp(String s) {
    return s.length() > 4
        && s.chars().limit(4).allMatch(c -> c >= '0' && c <= '9')
        && s.charAt(4) == '-';
  }

  /** strconv.ParseInt(s, 0, 64) (signed) or ParseUint(s, 0, 64), without underscores. */
  static Optional<BigInteger> goParseInt(String s, boolean signed) {
    boolean negative = false;
    String t = s;
    if (!t.isEmpty() && (t.charAt(0) == '+' || t.charAt(0) == '-')) {
      if (!signed) {
        return Optional.empty();
      }
      negative = t.charAt(0) == '-';
      t = t.substring(1);
    }
    int base = 10;
    if (t.length() >= 2 && t.charAt(0) == '0') {
      char p = Character.toLowerCase(t.charAt(1));
      if (p == 'x' || p == 'o' || p == 'b') {
        base = p == 'x' ? 16 : p == 'o' ? 8 : 2;
        t = t.substring(2);
      } else {
        base = 8;
        t = t.substring(1);
      }
    }
    if (t.isEmpty()) {
      return Optional.empty(); // "0x", "-", ""
    }
    for (char c : t.toCharArray()) {
      if (c > 'z' || Character.digit(c, base) < 0) {
        return Optional.empty();
      }
    }
    BigInteger v = new BigInteger(t, base);
    if (negative) {
      v = v.negate();
    }
    BigInteger min = signed ? BigInteger.valueOf(Long.MIN_VALUE) : BigInteger.ZERO;
    BigInteger max =
        signed
            ? BigInteger.valueOf(Long.MAX_VALUE)
            : BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    return v.compareTo(min) < 0 || v.compareTo(max) > 0 ? Optional.empty() : Optional.of(v);
  }

  /** strconv.ParseFloat(s, 64) for the decimal forms go-yaml hands it; out of range is an error. */
  static Optional<Double> goParseFloat(String s) throws Undecided {
    if (!s.matches("[-+]?(\\.[0-9_]+|[0-9_]+(\\.[0-9_]*)?)([eE][-+]?[0-9_]+)?")) {
      return Optional.empty();
    }
    if (s.indexOf('_') >= 0) {
      throw new Undecided("underscores in a float");
    }
    double d = Double.parseDouble(s);
    if (Double.isInfinite(d)) {
      return Optional.empty(); // ErrRange
    }
    if (d == 0 && s.matches("[^eE]*[1-9].*")) {
      throw new Undecided("underflow");
    }
    return Optional.of(d);
  }

  // ---- JSON: sigs.k8s.io/yaml's conversion and Go's json.Marshal ----

  private static JsonNode json(Object v) throws Refused, Undecided {
    if (v == null) {
      return NODES.nullNode();
    }
    if (v instanceof String s) {
      return NODES.textNode(s);
    }
    if (v instanceof Boolean b) {
      return NODES.booleanNode(b);
    }
    if (v instanceof BigInteger i) {
      return NODES.numberNode(i);
    }
    if (v instanceof Double d) {
      if (d.isNaN() || d.isInfinite()) {
        throw new Refused("json: unsupported value " + d);
      }
      // encoding/json: below 1e21 the shortest digits in full ('f'), an integer to the API server
      // when there is no fraction; above, exponent form, a float.
      BigDecimal digits = null;
      for (int p = 1; p <= 17 && digits == null; p++) {
        BigDecimal r = new BigDecimal(d).round(new MathContext(p));
        if (r.doubleValue() == d) {
          digits = r;
        }
      }
      if (Math.abs(d) < 1e21 && digits.stripTrailingZeros().scale() <= 0) {
        return NODES.numberNode(digits.toBigIntegerExact());
      }
      return NODES.numberNode(d);
    }
    if (v instanceof List<?> list) {
      ArrayNode array = NODES.arrayNode();
      for (Object o : list) {
        array.add(json(o));
      }
      return array;
    }
    Map<?, ?> map = (Map<?, ?>) v;
    ObjectNode object = NODES.objectNode();
    Map<String, Object> originals = new HashMap<>();
    for (Object k : map.keySet()) {
      String key;
      try {
        key = key(k);
      } catch (Refused e) {
        continue; // refused below, unless a collision makes the outcome depend on map order
      }
      if (originals.put(key, k) != null) {
        throw new Undecided("two keys become '" + key + "' (Go's map order decides)");
      }
    }
    for (Map.Entry<?, ?> e : map.entrySet()) {
      object.set(key(e.getKey()), json(e.getValue()));
    }
    return object;
  }

  private static String key(Object k) throws Refused {
    if (k instanceof String s) {
      return s;
    }
    if (k instanceof Boolean b) {
      return b.toString();
    }
    if (k instanceof BigInteger i) {
      if (i.bitLength() >= 64) {
        throw new Refused("unsupported map key of type: uint64");
      }
      return i.toString();
    }
    if (k instanceof Double d) {
      return formatFloat32(d);
    }
    throw new Refused("unsupported map key of type: <nil>");
  }

  /** strconv.FormatFloat(f, 'g', -1, 32) with go-yaml's spellings of infinities and NaN. */
  static String formatFloat32(double d) {
    float f = (float) d;
    if (Float.isNaN(f)) {
      return ".nan";
    }
    if (Float.isInfinite(f)) {
      return f > 0 ? ".inf" : "-.inf";
    }
    if (f == 0) {
      return (1 / f < 0) ? "-0" : "0";
    }
    BigDecimal exact = new BigDecimal(f);
    BigDecimal shortest = null;
    for (int p = 1; p <= 9; p++) {
      BigDecimal r = exact.round(new MathContext(p));
      if (r.floatValue() == f) {
        shortest = r;
        break;
      }
    }
    String digits = shortest.unscaledValue().abs().toString().replaceAll("0+$", "");
    if (digits.isEmpty()) {
      digits = "0";
    }
    int exp = shortest.precision() - shortest.scale() - 1; // decimal exponent of the first digit
    String sign = f < 0 ? "-" : "";
    if (exp < -4 || exp >= 6) { // 'g' with the shortest digits decides at precision 6
      String mantissa =
          digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
      String e = String.valueOf(Math.abs(exp));
      return sign + mantissa + "e" + (exp < 0 ? "-" : "+") + (e.length() < 2 ? "0" + e : e);
    }
    return sign + new BigDecimal(new BigInteger(digits), digits.length() - 1 - exp).toPlainString();
  }
}
