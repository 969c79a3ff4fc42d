package dev.rolloutkit.codegen;

import dev.rolloutkit.codegen.WirePlan.Bean;
import dev.rolloutkit.codegen.WirePlan.ListOf;
import dev.rolloutkit.codegen.WirePlan.MapOf;
import dev.rolloutkit.codegen.WirePlan.Property;
import dev.rolloutkit.codegen.WirePlan.Scalar;
import dev.rolloutkit.codegen.WirePlan.ValueKind;
import dev.rolloutkit.codegen.WirePlan.WrittenClass;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Java sources for a {@link WirePlan}: one serializer class per written model class (so a run loads
 * only the ones it uses), each with a static {@code write} that nested values call directly, and
 * one {@code Serializers} that hands them to Jackson by class name (so looking one up loads no
 * model class).
 */
final class WireSources {

  private final WirePlan plan;
  private final String packageName;
  private final String registryName;
  private final Map<Class<?>, String> names = new LinkedHashMap<>();

  WireSources(WirePlan plan, String packageName, String registryName) {
    this.plan = plan;
    this.packageName = packageName;
    this.registryName = registryName;
    List<WrittenClass> written = plan.written();
    for (int i = 0; i < written.size(); i++) {
      Class<?> type = written.get(i).type();
      names.put(type, String.format("W%04d%s", i, type.getSimpleName()));
    }
  }

  /** File name (without {@code .java}) → source. */
  Map<String, String> sources() {
    Map<String, String> sources = new LinkedHashMap<>();
    plan.written().forEach(w -> sources.put(names.get(w.type()), serializer(w)));
    sources.put(registryName, registry());
    return sources;
  }

  private String registry() {
    StringBuilder s = header();
    s.append(
        "/**\n"
            + " * Hands Jackson the generated serializer of each model class it asks about; others"
            + " are left to Jackson. Called with\n");
    s.append(
        " * no configuration (rolloutkit's mapper-free trees), it needs only the type's raw class;"
            + " a serializer then written to\n");
    s.append(
        " * without a provider throws {@link UnsupportedOperationException} for a value only"
            + " Jackson's mapper writes its way.\n"
            + " */\n");
    s.append("public final class ")
        .append(registryName)
        .append(" extends com.fasterxml.jackson.databind.ser.Serializers.Base {\n\n");
    s.append("  /** How many model classes have a generated serializer. */\n");
    s.append("  public static final int CLASSES = ").append(names.size()).append(";\n\n");
    s.append(
        "  @Override\n  public com.fasterxml.jackson.databind.JsonSerializer<?> findSerializer(\n");
    s.append(
        "      com.fasterxml.jackson.databind.SerializationConfig config,"
            + " com.fasterxml.jackson.databind.JavaType type,\n");
    s.append("      com.fasterxml.jackson.databind.BeanDescription description) {\n");
    s.append("    return forClassName(type.getRawClass().getName());\n  }\n\n");
    s.append("  /** The generated serializer for the class of this binary name, or null. */\n");
    s.append(
        "  static com.fasterxml.jackson.databind.JsonSerializer<?> forClassName(String name) {\n");
    s.append("    switch (name) {\n");
    names.forEach(
        (type, name) ->
            s.append("      case \"")
                .append(type.getName())
                .append("\": return serializer(new ")
                .append(name)
                .append("());\n"));
    s.append("      default: return null;\n    }\n  }\n\n");
    // Returned as Object and cast: returning each class as a JsonSerializer would make the verifier
    // load all of them to
    // check they are serializers, the first time this method runs (hundreds of classes on a cold
    // start).
    s.append(
        "  private static com.fasterxml.jackson.databind.JsonSerializer<?> serializer(Object"
            + " serializer) {\n");
    s.append("    return (com.fasterxml.jackson.databind.JsonSerializer<?>) serializer;\n  }\n\n");
    s.append("  /** The binary names of the model classes with a generated serializer. */\n");
    s.append(
        "  public static java.util.List<String> classNames() {\n    return java.util.List.of(\n");
    s.append(
        String.join(
            ",\n", names.keySet().stream().map(t -> "        \"" + t.getName() + "\"").toList()));
    s.append(");\n  }\n\n");
    s.append(HELPERS);
    s.append("}\n");
    return s.toString();
  }

  /**
   * What the generated serializers share, written into each registry so the generated code depends
   * on Jackson and the model alone: additional properties, the check that a map can be written
   * directly, and the values left to Jackson.
   */
  private static final String HELPERS =
      String.join(
          "\n",
          "  /** Thrown, without a provider, for a value only Jackson's mapper can write as it"
              + " writes it. */",
          "  static final UnsupportedOperationException NEEDS_MAPPER = new"
              + " UnsupportedOperationException(\"needs Jackson's mapper\") {",
          "    private static final long serialVersionUID = 1L;",
          "",
          "    @Override",
          "    public synchronized Throwable fillInStackTrace() {",
          "      return this;",
          "    }",
          "  };",
          "",
          "  /**",
          "   * Writes a value the generated code has no direct call for: with a provider,"
              + " Jackson's serializer for its class;",
          "   * without one, strings, integers, longs, booleans and an IntOrString holding one of"
              + " these, else NEEDS_MAPPER.",
          "   */",
          "  static void other(Object value, com.fasterxml.jackson.core.JsonGenerator g,"
              + " com.fasterxml.jackson.databind.SerializerProvider p)",
          "      throws java.io.IOException {",
          "    if (p != null) {",
          "      p.defaultSerializeValue(value, g);",
          "    } else if (value instanceof String) {",
          "      g.writeString((String) value);",
          "    } else if (value instanceof Integer) {",
          "      g.writeNumber(((Integer) value).intValue());",
          "    } else if (value instanceof Long) {",
          "      g.writeNumber(((Long) value).longValue());",
          "    } else if (value instanceof Boolean) {",
          "      g.writeBoolean(((Boolean) value).booleanValue());",
          "    } else if (value != null && value.getClass() =="
              + " io.fabric8.kubernetes.api.model.IntOrString.class) {",
          "      Object inner = ((io.fabric8.kubernetes.api.model.IntOrString) value).getValue();",
          "      if (inner == null) {",
          "        g.writeNull();",
          "      } else if (inner instanceof String || inner instanceof Integer) {",
          "        other(inner, g, null);",
          "      } else {",
          "        throw NEEDS_MAPPER;",
          "      }",
          "    } else {",
          "      throw NEEDS_MAPPER;",
          "    }",
          "  }",
          "",
          "  /** True if value is a map whose keys are all non-null strings (else Jackson writes"
              + " it, and reports a null key). */",
          "  static boolean stringKeys(Object value) {",
          "    if (!(value instanceof java.util.Map)) {",
          "      return false;",
          "    }",
          "    for (Object key : ((java.util.Map<?, ?>) value).keySet()) {",
          "      if (!(key instanceof String)) {",
          "        return false;",
          "      }",
          "    }",
          "    return true;",
          "  }",
          "",
          "  /** A class's additional properties as fields of the object being written, as"
              + " Jackson's any-getter writes them. */",
          "  static void additional(java.util.Map<?, ?> extra,"
              + " com.fasterxml.jackson.core.JsonGenerator g,",
          "      com.fasterxml.jackson.databind.SerializerProvider p) throws java.io.IOException {",
          "    if (extra == null) {",
          "      return;",
          "    }",
          "    for (java.util.Map.Entry<?, ?> e : extra.entrySet()) {",
          "      Object key = e.getKey();",
          "      if (key instanceof String) {",
          "        g.writeFieldName((String) key);",
          "      } else if (key == null) {",
          "        throw com.fasterxml.jackson.databind.JsonMappingException.from(g,",
          "            \"Null key for a Map not allowed in JSON (use a converting"
              + " NullKeySerializer?)\");",
          "      } else if (p == null) {",
          "        throw NEEDS_MAPPER;",
          "      } else {",
          "        p.findKeySerializer(key.getClass(), null).serialize(key, g, p);",
          "      }",
          "      Object value = e.getValue();",
          "      if (value == null) {",
          "        g.writeNull();",
          "      } else if (value instanceof String) {",
          "        g.writeString((String) value);",
          "      } else {",
          "        other(value, g, p);",
          "      }",
          "    }",
          "  }",
          "");

  private String serializer(WrittenClass w) {
    String type = w.type().getCanonicalName();
    String name = names.get(w.type());
    StringBuilder s = header();
    s.append("/** Writes {@code ").append(type).append("} as Jackson's bean serializer does. */\n");
    s.append("final class ")
        .append(name)
        .append(" extends com.fasterxml.jackson.databind.ser.std.StdSerializer<")
        .append(type)
        .append("> {\n\n");
    s.append("  private static final long serialVersionUID = 1L;\n\n");
    s.append("  ").append(name).append("() {\n    super(").append(type).append(".class);\n  }\n\n");
    s.append("  @Override\n  public void serialize(")
        .append(type)
        .append(" value, com.fasterxml.jackson.core.JsonGenerator g,\n");
    s.append(
        "      com.fasterxml.jackson.databind.SerializerProvider p) throws java.io.IOException"
            + " {\n");
    s.append("    write(value, g, p);\n  }\n\n");
    s.append("  static void write(")
        .append(type)
        .append(" v, com.fasterxml.jackson.core.JsonGenerator g,\n");
    s.append(
        "      com.fasterxml.jackson.databind.SerializerProvider p) throws java.io.IOException"
            + " {\n");
    s.append("    g.writeStartObject(v);\n");
    boolean yields = w.properties().stream().anyMatch(p -> p.yieldsTo().isPresent());
    String extra = w.anyGetter().orElse(null);
    if (yields) {
      String getter =
          w.properties().stream().flatMap(p -> p.yieldsTo().stream()).findFirst().orElseThrow();
      s.append("    java.util.Map<?, ?> x = v.").append(getter).append("();\n");
      if (w.properties().stream()
          .flatMap(p -> p.yieldsTo().stream())
          .anyMatch(g -> !g.equals(getter))) {
        throw new IllegalStateException(
            type + ": properties yield to different additional-property getters");
      }
    }
    s.append("    Object o;\n");
    for (int i = 0; i <= w.properties().size(); i++) {
      if (i == w.anyGetterIndex() && extra != null) {
        s.append("    ")
            .append(registryName)
            .append(".additional(v.")
            .append(extra)
            .append("(), g, p);\n");
      }
      if (i < w.properties().size()) {
        property(s, w.properties().get(i));
      }
    }
    s.append("    g.writeEndObject();\n  }\n}\n");
    return s.toString();
  }

  private void property(StringBuilder s, Property p) {
    String name = quoted(p.name());
    s.append("    o = v.").append(p.getter()).append("();\n");
    String yield = p.yieldsTo().isPresent() ? " && (x == null || x.get(" + name + ") == null)" : "";
    String empty =
        !p.skipsEmpty()
            ? ""
            : p.kind() instanceof ListOf
                ? " && !(o instanceof java.util.Collection && ((java.util.Collection<?>)"
                    + " o).isEmpty())"
                : p.kind() instanceof MapOf
                    ? " && !(o instanceof java.util.Map && ((java.util.Map<?, ?>) o).isEmpty())"
                    : p.kind() instanceof Scalar s1 && s1.type() == String.class
                        ? " && !(o instanceof String && ((String) o).isEmpty())"
                        : ""; // numbers, booleans and beans are never empty to Jackson
    s.append("    if (o != null").append(yield).append(empty).append(") {\n");
    s.append("      g.writeFieldName(").append(name).append(");\n");
    s.append("      ").append(value("o", p.kind(), 1)).append("\n");
    s.append("    }");
    if (p.writesNull()) {
      s.append(" else if (o == null").append(yield).append(") {\n");
      s.append("      g.writeFieldName(").append(name).append(");\n      g.writeNull();\n    }");
    }
    s.append("\n");
  }

  /** A statement writing the non-null {@code var} of {@code kind}. */
  private String value(String var, ValueKind kind, int depth) {
    if (kind instanceof Scalar scalar) {
      Class<?> t = scalar.type();
      if (t == String.class) {
        return "if ("
            + var
            + " instanceof String) g.writeString((String) "
            + var
            + "); else "
            + other(var);
      }
      String call =
          t == Integer.class
              ? "g.writeNumber(((Integer) " + var + ").intValue())"
              : t == Long.class
                  ? "g.writeNumber(((Long) " + var + ").longValue())"
                  : t == Double.class
                      ? "g.writeNumber(((Double) " + var + ").doubleValue())"
                      : "g.writeBoolean(((Boolean) " + var + ").booleanValue())";
      return "if ("
          + var
          + " instanceof "
          + t.getSimpleName()
          + ") "
          + call
          + "; else "
          + other(var);
    }
    if (kind instanceof Bean bean && plan.writes(bean.type())) {
      String t = bean.type().getCanonicalName();
      return "if ("
          + var
          + ".getClass() == "
          + t
          + ".class) "
          + names.get(bean.type())
          + ".write(("
          + t
          + ") "
          + var
          + ", g, p); else "
          + other(var);
    }
    if (kind instanceof ListOf list) {
      String item = "i" + depth;
      return "if ("
          + var
          + " instanceof java.util.List) { java.util.List<?> l"
          + depth
          + " = (java.util.List<?>) "
          + var
          + "; g.writeStartArray(l"
          + depth
          + ", l"
          + depth
          + ".size()); for (Object "
          + item
          + " : l"
          + depth
          + ") { if ("
          + item
          + " == null) g.writeNull(); else { "
          + value(item, list.item(), depth + 1)
          + " } } g.writeEndArray(); }"
          + " else "
          + other(var);
    }
    if (kind instanceof MapOf map) {
      String entry = "e" + depth;
      String val = "m" + depth + "v";
      return "if ("
          + registryName
          + ".stringKeys("
          + var
          + ")) { java.util.Map<?, ?> m"
          + depth
          + " = (java.util.Map<?, ?>) "
          + var
          + "; g.writeStartObject(m"
          + depth
          + "); for (java.util.Map.Entry<?, ?> "
          + entry
          + " : m"
          + depth
          + ".entrySet()) { g.writeFieldName((String) "
          + entry
          + ".getKey()); Object "
          + val
          + " = "
          + entry
          + ".getValue(); if ("
          + val
          + " == null) g.writeNull(); else { "
          + value(val, map.value(), depth + 1)
          + " } } g.writeEndObject(); } else "
          + other(var);
    }
    return other(var);
  }

  /**
   * A statement writing {@code var} the generated code has no direct call for: Jackson's serializer
   * for its class, through the provider, or (when the caller writes without a mapper) what the
   * registry's {@code other} writes itself.
   */
  private String other(String var) {
    return registryName + ".other(" + var + ", g, p);";
  }

  private StringBuilder header() {
    return new StringBuilder(
            "// Generated by dev.rolloutkit.codegen.WireGenerator from Jackson's serializers for"
                + " the model; do not edit.\n")
        .append("package ")
        .append(packageName)
        .append(";\n\n");
  }

  private static String quoted(String text) {
    StringBuilder s = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        s.append('\\').append(c);
      } else if (c < 0x20 || c > 0x7e) {
        s.append(String.format("\\u%04x", (int) c));
      } else {
        s.append(c);
      }
    }
    return s.append('"').toString();
  }
}
