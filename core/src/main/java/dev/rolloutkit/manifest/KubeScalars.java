package dev.rolloutkit.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What Kubernetes makes of a YAML scalar. kubectl and the API server read YAML with
 * sigs.k8s.io/yaml, which decodes each document with go-yaml v2 (YAML 1.1 resolution, {@code
 * resolve.go}) into Go values, then turns them into JSON ({@code convertToJSONableObject}, {@code
 * json.Marshal}). This class is that resolution, rule for rule:
 *
 * <ul>
 *   <li>plain scalars are resolved by their first character: {@code y Y yes Yes YES on …} are
 *       booleans, {@code ~ null Null NULL} and the empty scalar null, {@code .inf .nan} floats,
 *       digits and signs integers ({@code 0x1F}, {@code 0o17}, {@code 017}, {@code 0b101}, {@code
 *       +1}, {@code 1_000}) or floats, {@code <<} the merge key; all else is a string (there are no
 *       base-60 numbers, and timestamps stay strings);
 *   <li>quoted and block scalars are strings, and an explicit tag ({@code !!int "12"}) decides over
 *       the style;
 *   <li>a float that is a whole number below 10^21 is written by Go's JSON encoder without a
 *       fraction, so the API server reads it as an integer; NaN and infinities cannot be written as
 *       JSON at all;
 *   <li>keys become strings: integers in decimal, floats as Go's {@code FormatFloat(k, 'g', -1,
 *       32)}, booleans as {@code true}/{@code false}; a null key is an error.
 * </ul>
 *
 * <p>It also decides how rolloutkit writes a string ({@link #plainIsSafe}): plain only when every
 * reader, YAML 1.1 and 1.2 alike, reads the plain text back as that same string.
 */
final class KubeScalars {

  static final String TAG_PREFIX = "tag:yaml.org,2002:";
  static final String STR = TAG_PREFIX + "str";
  static final String INT = TAG_PREFIX + "int";
  static final String FLOAT = TAG_PREFIX + "float";
  static final String BOOL = TAG_PREFIX + "bool";
  static final String NULL = TAG_PREFIX + "null";
  static final String TIMESTAMP = TAG_PREFIX + "timestamp";
  static final String BINARY = TAG_PREFIX + "binary";
  static final String MERGE = TAG_PREFIX + "merge";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private KubeScalars() {}

  /** The kinds of value go-yaml resolves a scalar to. */
  enum Kind {
    STRING,
    BOOL,
    NULL,
    INT,
    FLOAT,
    MERGE,
    TIMESTAMP
  }

  /**
   * A resolved scalar: its kind and value ({@code String}, {@code Boolean}, null, {@code Long} or
   * {@code BigInteger} for integers beyond a long, {@code Double}).
   */
  record Resolved(Kind kind, Object value) {

    static final Resolved NULL_VALUE = new Resolved(Kind.NULL, null);

    static Resolved string(String text) {
      return new Resolved(Kind.STRING, text);
    }
  }

  /** A scalar Kubernetes cannot read, with the reason in go-yaml's or the JSON encoder's terms. */
  static final class Unreadable extends Exception {
    private static final long serialVersionUID = 1L;

    Unreadable(String message) {
      super(message, null, false, false);
    }
  }

  private static final Map<String, Resolved> WORDS = words();

  private static Map<String, Resolved> words() {
    Map<String, Resolved> m = new java.util.HashMap<>();
    for (String s :
        new String[] {"y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"}) {
      m.put(s, new Resolved(Kind.BOOL, Boolean.TRUE));
    }
    for (String s :
        new String[] {"n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"}) {
      m.put(s, new Resolved(Kind.BOOL, Boolean.FALSE));
    }
    for (String s : new String[] {"", "~", "null", "Null", "NULL"}) {
      m.put(s, Resolved.NULL_VALUE);
    }
    for (String s : new String[] {".nan", ".NaN", ".NAN"}) {
      m.put(s, new Resolved(Kind.FLOAT, Double.NaN));
    }
    for (String s : new String[] {".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"}) {
      m.put(s, new Resolved(Kind.FLOAT, Double.POSITIVE_INFINITY));
    }
    for (String s : new String[] {"-.inf", "-.Inf", "-.INF"}) {
      m.put(s, new Resolved(Kind.FLOAT, Double.NEGATIVE_INFINITY));
    }
    m.put("<<", new Resolved(Kind.MERGE, "<<"));
    return Map.copyOf(m);
  }

  /** go-yaml's {@code yamlStyleFloat}. */
  private static final Pattern YAML_STYLE_FLOAT =
      Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");

  /**
   * What Go's {@code strconv.ParseFloat} accepts of a text starting with '.', once its underscores
   * are checked and dropped.
   */
  private static final Pattern DOT_FLOAT = Pattern.compile("\\.[0-9]+([eE][-+]?[0-9]+)?");

  /** A plain scalar with no tag, as go-yaml's {@code resolve("", text)} resolves it. */
  static Resolved plain(String text) {
    char first = text.isEmpty() ? 'N' : text.charAt(0);
    char hint = hint(first);
    if (hint == 0) {
      return Resolved.string(text);
    }
    Resolved word = WORDS.get(text);
    if (word != null) {
      return word;
    }
    switch (hint) {
      case '.':
        Double dot = dotFloat(text);
        return dot == null ? Resolved.string(text) : new Resolved(Kind.FLOAT, dot);
      case 'D':
      case 'S':
        if (isTimestamp(text)) {
          return new Resolved(Kind.TIMESTAMP, text);
        }
        return number(text);
      default: // 'M' (a word not in the table) and 'N'
        return Resolved.string(text);
    }
  }

  /**
   * go-yaml's {@code resolveTable}: S(ign), D(igit), M(ap lookup), '.', or 0 for "certainly a
   * string".
   */
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
    if (c == '.') {
      return '.';
    }
    return c == 'N' ? 'N' : 0;
  }

  /**
   * Integers ({@code strconv.ParseInt} then {@code ParseUint}, base 0, underscores dropped), then
   * floats, then 0b.
   */
  private static Resolved number(String text) {
    String plain = text.replace("_", "");
    BigInteger parsed = goParseInt(plain);
    if (parsed != null) {
      return integer(parsed);
    }
    if (YAML_STYLE_FLOAT.matcher(plain).matches()) {
      double d = Double.parseDouble(plain);
      if (!Double.isInfinite(
          d)) { // ParseFloat reports overflow as an error: the text is then a string
        return new Resolved(Kind.FLOAT, d);
      }
    }
    // go-yaml's own 0b branches (reached only when Go's base-0 parse failed): ParseInt(rest, 2)
    // takes a sign after 0b.
    if (plain.startsWith("0b")) {
      BigInteger v = goParseBase2(plain.substring(2), true);
      if (v == null) {
        v = goParseBase2(plain.substring(2), false);
      }
      if (v != null) {
        return integer(v);
      }
    } else if (plain.startsWith("-0b")) {
      BigInteger v = goParseBase2("-" + plain.substring(3), true);
      if (v != null) {
        return integer(v);
      }
    }
    return Resolved.string(text);
  }

  private static final BigInteger UINT64_MAX =
      BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
  private static final BigInteger INT64_MIN = BigInteger.valueOf(Long.MIN_VALUE);

  private static Resolved integer(BigInteger v) {
    return new Resolved(Kind.INT, v.bitLength() < 64 ? (Object) v.longValueExact() : v);
  }

  /**
   * Go's {@code ParseInt(s, 2, 64)} (signed) or {@code ParseUint(s, 2, 64)}; null on a syntax or
   * range error.
   */
  private static BigInteger goParseBase2(String s, boolean signed) {
    boolean negative = false;
    if (signed && !s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
      negative = s.charAt(0) == '-';
      s = s.substring(1);
    }
    if (s.isEmpty() || !s.chars().allMatch(c -> c == '0' || c == '1')) {
      return null;
    }
    BigInteger v = new BigInteger(s, 2);
    if (negative) {
      v = v.negate();
    }
    if (signed) {
      return v.compareTo(INT64_MIN) >= 0 && v.bitLength() < 64 ? v : null;
    }
    return v.compareTo(UINT64_MAX) <= 0 ? v : null;
  }

  /**
   * Go's {@code ParseInt(s, 0, 64)}, falling back to {@code ParseUint(s, 0, 64)} as go-yaml does:
   * an optional sign (for ParseInt), then {@code 0b}/{@code 0o}/{@code 0x} prefixes or a leading
   * {@code 0} for octal; null if neither accepts.
   */
  static BigInteger goParseInt(String s) {
    if (s.isEmpty()) {
      return null;
    }
    boolean negative = false;
    String digits = s;
    if (s.charAt(0) == '+' || s.charAt(0) == '-') {
      negative = s.charAt(0) == '-';
      digits = s.substring(1);
    }
    BigInteger magnitude = goParseUint(digits);
    if (magnitude == null) {
      return null;
    }
    BigInteger value = negative ? magnitude.negate() : magnitude;
    if (value.compareTo(INT64_MIN) >= 0 && value.bitLength() < 64) {
      return value; // ParseInt
    }
    // ParseUint on the whole text (no sign allowed) takes what ParseInt could not hold.
    return s.charAt(0) == '+' || s.charAt(0) == '-' ? null : magnitude;
  }

  /** Go's {@code ParseUint(s, 0, 64)} without underscores; null on a syntax or range error. */
  private static BigInteger goParseUint(String s) {
    if (s.isEmpty()) {
      return null;
    }
    int base = 10;
    String digits = s;
    if (s.charAt(0) == '0') {
      char second = s.length() >= 3 ? Character.toLowerCase(s.charAt(1)) : 0;
      if (second == 'b') {
        base = 2;
        digits = s.substring(2);
      } else if (second == 'o') {
        base = 8;
        digits = s.substring(2);
      } else if (second == 'x') {
        base = 16;
        digits = s.substring(2);
      } else {
        base = 8;
        digits = s.substring(1);
      }
    }
    BigInteger n = BigInteger.ZERO;
    BigInteger b = BigInteger.valueOf(base);
    for (int i = 0; i < digits.length(); i++) {
      int d = asciiDigit(digits.charAt(i));
      if (d < 0 || d >= base) {
        return null;
      }
      n = n.multiply(b).add(BigInteger.valueOf(d));
      if (n.compareTo(UINT64_MAX) > 0) {
        return null;
      }
    }
    return n;
  }

  /** 0-9, then a-z/A-Z as 10-35 (Go's digit values), or -1. */
  private static int asciiDigit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    char lower = (char) (c | 0x20);
    return lower >= 'a' && lower <= 'z' ? lower - 'a' + 10 : -1;
  }

  /** Go's {@code ParseFloat} of a text starting with '.', or null. */
  private static Double dotFloat(String text) {
    if (text.indexOf('_') >= 0) {
      if (!underscoreOk(text)) {
        return null;
      }
      text = text.replace("_", "");
    }
    if (!DOT_FLOAT.matcher(text).matches()) {
      return null;
    }
    double d = Double.parseDouble(text);
    return Double.isInfinite(d) ? null : d;
  }

  /**
   * Go's {@code strconv.underscoreOK}: underscores only between digits (or after a base prefix).
   */
  static boolean underscoreOk(String s) {
    char saw = '^';
    int i = 0;
    if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
      s = s.substring(1);
    }
    boolean hex = false;
    if (s.length() >= 2
        && s.charAt(0) == '0'
        && "box".indexOf(Character.toLowerCase(s.charAt(1))) >= 0) {
      i = 2;
      saw = '0';
      hex = Character.toLowerCase(s.charAt(1)) == 'x';
    }
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9' || hex && "abcdef".indexOf(Character.toLowerCase(c)) >= 0) {
        saw = '0';
        continue;
      }
      if (c == '_') {
        if (saw != '0') {
          return false;
        }
        saw = '_';
        continue;
      }
      if (saw == '_') {
        return false;
      }
      saw = '!';
    }
    return saw != '_';
  }

  private static final Pattern TIMESTAMP_SHAPE =
      Pattern.compile(
          "([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:[Tt]|"
              + " )([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2})(?:[.,][0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})?)?");

  /**
   * Whether go-yaml's {@code parseTimestamp} accepts the text: {@code 2006-1-2}, with a time {@code
   * T15:4:5} (and fraction and zone {@code Z07:00}) or a space-separated time without a zone. Such
   * scalars stay strings in JSON, so this matters only for the writer, which quotes them (other
   * YAML readers make dates of them).
   */
  static boolean isTimestamp(String text) {
    if (text.length() < 8 || !Character.isDigit(text.charAt(0))) {
      return false;
    }
    var m = TIMESTAMP_SHAPE.matcher(text);
    if (!m.matches()) {
      return false;
    }
    boolean spaced = text.length() > 10 && text.indexOf(' ') > 0;
    if (spaced && m.group(7) != null) {
      return false; // "2006-1-2 15:4:5.999999999" has no zone
    }
    if (!spaced && m.group(4) != null && m.group(7) == null) {
      return false; // the T forms need a zone
    }
    int month = Integer.parseInt(m.group(2));
    int day = Integer.parseInt(m.group(3));
    if (month < 1
        || month > 12
        || day < 1
        || day > java.time.YearMonth.of(Integer.parseInt(m.group(1)), month).lengthOfMonth()) {
      return false;
    }
    if (m.group(4) != null
        && (Integer.parseInt(m.group(4)) > 23
            || Integer.parseInt(m.group(5)) > 59
            || Integer.parseInt(m.group(6)) > 59)) {
      return false;
    }
    return true;
  }

  /**
   * A scalar with an explicit tag, as go-yaml's {@code resolve(tag, text)} and its decoder treat
   * it: {@code !!str} and unknown tags keep the text, {@code !!binary} decodes base64, the core
   * tags must resolve to themselves (an {@code !!int} is also allowed where a {@code !!float} is
   * asked for).
   */
  static Resolved tagged(String tag, String text) throws Unreadable {
    switch (tag) {
      case STR:
        return Resolved.string(text);
      case BINARY:
        try {
          // Go's base64.StdEncoding skips line breaks and nothing else.
          byte[] bytes = Base64.getDecoder().decode(text.replace("\r", "").replace("\n", ""));
          String decoded =
              java.nio.charset.StandardCharsets.UTF_8
                  .newDecoder()
                  .decode(java.nio.ByteBuffer.wrap(bytes))
                  .toString();
          return Resolved.string(decoded);
        } catch (IllegalArgumentException e) {
          throw new Unreadable("!!binary value contains invalid base64 data");
        } catch (java.nio.charset.CharacterCodingException e) {
          throw new Unreadable(
              "!!binary value is not UTF-8 text, which a Kubernetes object cannot hold");
        }
      case INT:
      case FLOAT:
      case BOOL:
      case NULL:
      case TIMESTAMP:
        Resolved r = plain(text);
        Kind wanted =
            switch (tag) {
              case INT -> Kind.INT;
              case FLOAT -> Kind.FLOAT;
              case BOOL -> Kind.BOOL;
              case NULL -> Kind.NULL;
              default -> Kind.TIMESTAMP;
            };
        if (r.kind() == wanted) {
          return r;
        }
        if (wanted == Kind.FLOAT && r.kind() == Kind.INT) {
          return new Resolved(Kind.FLOAT, new BigDecimal(r.value().toString()).doubleValue());
        }
        throw new Unreadable(
            "cannot decode " + shortTag(r.kind()) + " `" + text + "` as a " + shortTag(wanted));
      default:
        return Resolved.string(text); // !!merge and tags go-yaml does not resolve keep the text
    }
  }

  private static String shortTag(Kind kind) {
    return switch (kind) {
      case STRING -> "!!str";
      case BOOL -> "!!bool";
      case NULL -> "!!null";
      case INT -> "!!int";
      case FLOAT -> "!!float";
      case MERGE -> "!!merge";
      case TIMESTAMP -> "!!timestamp";
    };
  }

  private static final BigDecimal JSON_EXPONENT_FORM = new BigDecimal("1e21");

  /**
   * The JSON value Kubernetes makes of a resolved scalar: a float that Go's JSON encoder writes
   * without a fraction is an integer to the API server; NaN and infinities cannot be encoded
   * ({@code json: unsupported value}).
   */
  /**
   * The shortest decimal that reads back as {@code d}, the closest of that length (what Go's {@code
   * strconv} writes; Java 17's {@code Double.toString} is not always the shortest).
   */
  static BigDecimal shortest(double d) {
    BigDecimal exact = new BigDecimal(d);
    if (d == 0) {
      return BigDecimal.ZERO;
    }
    for (int p = 1; p < 17; p++) {
      BigDecimal r = exact.round(new java.math.MathContext(p, java.math.RoundingMode.HALF_EVEN));
      if (r.doubleValue() == d) {
        return r;
      }
    }
    return exact.round(new java.math.MathContext(17, java.math.RoundingMode.HALF_EVEN));
  }

  static JsonNode toJson(Resolved r) throws Unreadable {
    switch (r.kind()) {
      case STRING:
      case TIMESTAMP:
      case MERGE:
        return NODES.textNode((String) r.value());
      case BOOL:
        return NODES.booleanNode((Boolean) r.value());
      case NULL:
        return NODES.nullNode();
      case INT:
        return r.value() instanceof Long l ? integer(l) : NODES.numberNode((BigInteger) r.value());
      default:
        double d = (Double) r.value();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
          throw new Unreadable(
              "json: unsupported value: "
                  + goFloat(d)
                  + " (Kubernetes sends objects as JSON, which has no NaN or infinity; quote the"
                  + " value if it is text)");
        }
        // Go's JSON writes a float below 1e21 in full with its shortest digits ("1.5", or
        // "1152921504606847200" for 2^60 + 256), which the API server reads as an integer when it
        // has no fraction.
        BigDecimal digits = shortest(d);
        if (digits.abs().compareTo(JSON_EXPONENT_FORM) < 0
            && digits.stripTrailingZeros().scale() <= 0) {
          BigInteger whole = digits.toBigIntegerExact();
          return whole.bitLength() < 64 ? integer(whole.longValueExact()) : NODES.numberNode(whole);
        }
        return NODES.numberNode(d);
    }
  }

  /**
   * An integer node as Jackson's own JSON reading makes it: int-sized values as int nodes (some
   * creators take no long).
   */
  static JsonNode integer(long value) {
    return value == (int) value ? NODES.numberNode((int) value) : NODES.numberNode(value);
  }

  private static String goFloat(double d) {
    return Double.isNaN(d) ? "NaN" : d > 0 ? "+Inf" : "-Inf";
  }

  /**
   * The JSON field name Kubernetes makes of a resolved mapping key (sigs.k8s.io/yaml's key
   * conversion).
   */
  static String toKey(Resolved r) throws Unreadable {
    switch (r.kind()) {
      case STRING:
      case TIMESTAMP:
      case MERGE:
        return (String) r.value();
      case BOOL:
        return r.value().toString();
      case INT:
        if (r.value() instanceof Long l) {
          return Long.toString(l);
        }
        throw new Unreadable("unsupported map key of type: uint64, key: " + r.value());
      case FLOAT:
        return goFloat32Key((Double) r.value());
      default:
        throw new Unreadable(
            "unsupported map key of type: <nil> (a null key; quote it if it is text)");
    }
  }

  /** Go's {@code strconv.FormatFloat(f, 'g', -1, 32)} with go-yaml's names for infinity and NaN. */
  static String goFloat32Key(double d) {
    float f = (float) d;
    if (Float.isNaN(f)) {
      return ".nan";
    }
    if (Float.isInfinite(f)) {
      return f > 0 ? ".inf" : "-.inf";
    }
    if (f == 0) {
      return (Float.floatToRawIntBits(f) < 0) ? "-0" : "0";
    }
    // The shortest decimal that reads back as this float32 (round half even to n digits, the first
    // n that round-trips).
    BigDecimal exact = new BigDecimal(f);
    BigDecimal shortest = exact;
    for (int n = 1; n <= 9; n++) {
      BigDecimal candidate = exact.round(new MathContext(n, RoundingMode.HALF_EVEN));
      if (candidate.floatValue() == f) {
        shortest = candidate;
        break;
      }
    }
    BigDecimal digits = shortest.stripTrailingZeros();
    String unscaled = digits.unscaledValue().abs().toString();
    int exponent = unscaled.length() - 1 - digits.scale(); // decimal exponent of the first digit
    String sign = f < 0 ? "-" : "";
    if (exponent < -4
        || exponent >= 6) { // Go's shortest 'g' format switches to an exponent at 1e+06
      String mantissa =
          unscaled.length() == 1 ? unscaled : unscaled.charAt(0) + "." + unscaled.substring(1);
      String e = Integer.toString(Math.abs(exponent));
      return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + (e.length() < 2 ? "0" + e : e);
    }
    return sign + digits.abs().toPlainString();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Writing

  private static final org.yaml.snakeyaml.resolver.Resolver YAML_11 =
      new org.yaml.snakeyaml.resolver.Resolver();
  private static final org.snakeyaml.engine.v2.resolver.ScalarResolver YAML_12_CORE =
      new org.snakeyaml.engine.v2.resolver.CoreScalarResolver(true);
  private static final org.snakeyaml.engine.v2.resolver.ScalarResolver YAML_12_JSON =
      new org.snakeyaml.engine.v2.resolver.JsonScalarResolver();

  /**
   * Whether {@code text}, written as a plain scalar, reads back as this string everywhere: in
   * Kubernetes (go-yaml v2, above), under YAML 1.1's full set of types (SnakeYAML's resolver:
   * base-60 numbers, {@code =}, timestamps …) and under YAML 1.2's core and JSON schemas
   * (snakeyaml-engine's resolvers). Whether plain style is possible at all (indicators, spaces,
   * line breaks) is the emitter's own decision.
   */
  static boolean plainIsSafe(String text) {
    if (text.isEmpty()) {
      return false;
    }
    return isPlainWord(text) || resolvesAsStringEverywhere(text);
  }

  /**
   * The common case of {@link #plainIsSafe}, decided without the resolvers (they are most of a cold
   * render's writing time): a text that starts with an ASCII letter is resolved by every reader
   * above only against whole words (booleans and nulls), so any other such text is a string. Exact
   * for what it accepts; {@code KubeScalarsTest} checks it against {@link
   * #resolvesAsStringEverywhere}.
   */
  static boolean isPlainWord(String text) {
    char c = text.charAt(0);
    if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')) {
      return false;
    }
    return switch (text.length()) {
      case 1 -> c != 'y' && c != 'Y' && c != 'n' && c != 'N';
      case 2 -> !text.equalsIgnoreCase("no") && !text.equalsIgnoreCase("on");
      case 3 -> !text.equalsIgnoreCase("yes") && !text.equalsIgnoreCase("off");
      case 4 -> !text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("null");
      case 5 -> !text.equalsIgnoreCase("false");
      default -> true;
    };
  }

  /** {@link #plainIsSafe} by asking each reader's resolver. */
  static boolean resolvesAsStringEverywhere(String text) {
    if (text.isEmpty()) {
      return false;
    }
    Kind kind = plain(text).kind();
    if (kind != Kind.STRING) {
      return false;
    }
    if (!org.yaml.snakeyaml.nodes.Tag.STR.equals(
        YAML_11.resolve(org.yaml.snakeyaml.nodes.NodeId.scalar, text, true))) {
      return false;
    }
    return org.snakeyaml.engine.v2.nodes.Tag.STR.equals(YAML_12_CORE.resolve(text, true))
        && org.snakeyaml.engine.v2.nodes.Tag.STR.equals(YAML_12_JSON.resolve(text, true));
  }

  /**
   * Whether a string must be written double-quoted with escapes: it holds a character YAML 1.1
   * readers (Kubernetes among them) take as a line break but 1.2 readers do not (NEL, LS, PS), a
   * byte-order mark, or a character no YAML stream may carry raw (C0 and C1 controls other than tab
   * and line feed, DEL, lone surrogates, U+FFFE/U+FFFF).
   */
  static boolean needsEscapes(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 && c != '\n' && c != '\t'
          || c >= 0x7f && c <= 0x9f
          || c == 0x2028
          || c == 0x2029
          || c == 0xfeff
          || c == 0xfffe
          || c == 0xffff) {
        return true;
      }
      if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c)
            && i + 1 < text.length()
            && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
        } else {
          return true;
        }
      }
    }
    return false;
  }
}
