package dev.rolloutkit.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Model objects with random content, set through their setters (seeded, so a failure names its
 * seed): strings empty or not, numbers, flags, lists and maps empty or holding nulls, nested
 * objects four levels deep, enums, IntOrString and Quantity, and additional properties, some named
 * like a typed property (fabric8 then writes the additional one in the typed one's place) and some
 * null. For comparing ways of writing the model.
 */
public final class RandomModelObjects {
  private static final int DEPTH = 4;

  /**
   * Jackson as fabric8 configures it ({@code KubernetesSerialization} on a new {@code
   * ObjectMapper}), with no generated serializers: the reference they are compared with.
   */
  public static final ObjectMapper JACKSON = new ObjectMapper();

  static {
    new KubernetesSerialization(JACKSON, true);
  }

  /** The seeds the identity tests run with (one parameterized case each). */
  public static java.util.stream.Stream<Integer> seeds() {
    return java.util.stream.IntStream.range(0, 12).boxed();
  }

  /**
   * Asserts that what {@code tree} makes of random objects (seeded) of each named class is what
   * fabric8's mapper makes of them ({@code valueToTree}, compared as JSON text, so field order
   * counts), wherever it makes anything (null means "left to the mapper"), and that it makes more
   * than a fifth of them.
   */
  public static void assertTreesAsJackson(
      List<String> classNames,
      int seed,
      java.util.function.Function<Object, com.fasterxml.jackson.databind.JsonNode> tree)
      throws Exception {
    Random random = new Random(seed);
    int made = 0;
    for (String name : classNames) {
      Object value = new RandomModelObjects(random).fill(Class.forName(name));
      com.fasterxml.jackson.databind.JsonNode node = tree.apply(value);
      if (node != null) {
        made++;
        assertThat(node.toString())
            .as("%s, seed %d", name, seed)
            .isEqualTo(JACKSON.valueToTree(value).toString());
      }
    }
    assertThat(made)
        .as("objects made by the fast path, seed %d", seed)
        .isGreaterThan(classNames.size() / 5);
  }

  private final Random random;
  private final java.util.function.Function<Random, String> strings;

  public RandomModelObjects(Random random) {
    this.random = random;
    this.strings = null;
  }

  /** Objects whose strings, and the keys of their maps, come from {@code strings}. */
  public RandomModelObjects(Random random, java.util.function.Function<Random, String> strings) {
    this.random = random;
    this.strings = strings;
  }

  /** A {@code type} with random content. */
  public Object fill(Class<?> type) throws Exception {
    return fill(type, 0);
  }

  private Object fill(Class<?> type, int depth) throws Exception {
    Object bean = type.getConstructor().newInstance();
    List<Method> setters =
        Arrays.stream(type.getMethods())
            .filter(
                m ->
                    m.getName().startsWith("set")
                        && m.getParameterCount() == 1
                        && !Modifier.isStatic(m.getModifiers()))
            .sorted(Comparator.comparing(Method::toGenericString))
            .toList();
    List<String> names = new ArrayList<>();
    for (Method setter : setters) {
      if (setter.getName().equals("setAdditionalProperties") || random.nextInt(3) == 0) {
        continue;
      }
      String property =
          Character.toLowerCase(setter.getName().charAt(3)) + setter.getName().substring(4);
      names.add(property);
      if (property.equals("apiVersion") || property.equals("kind")) {
        continue;
      }
      Type declared = setter.getGenericParameterTypes()[0];
      if (declared
          instanceof
          java.lang.reflect.TypeVariable<?> variable) { // CustomResource's spec and status
        declared = bound(type, variable);
      }
      setter.invoke(bean, value(declared, depth));
    }
    Method extra =
        Arrays.stream(type.getMethods())
            .filter(m -> m.getName().equals("setAdditionalProperty"))
            .findFirst()
            .orElse(null);
    if (extra != null && random.nextInt(3) == 0) {
      for (int i = random.nextInt(3); i >= 0; i--) {
        String key =
            !names.isEmpty() && random.nextBoolean()
                ? names.get(random.nextInt(names.size()))
                : "x-" + random.nextInt(5);
        extra.invoke(bean, key, random.nextInt(4) == 0 ? null : loose(depth));
      }
    }
    return bean;
  }

  /**
   * What a subclass binds its superclass's type parameter to ({@code CustomResource<RolloutSpec,
   * RolloutStatus>}).
   */
  private static Type bound(Class<?> type, java.lang.reflect.TypeVariable<?> variable) {
    ParameterizedType parent = (ParameterizedType) type.getGenericSuperclass();
    java.lang.reflect.TypeVariable<?>[] names =
        ((Class<?>) parent.getRawType()).getTypeParameters();
    for (int i = 0; i < names.length; i++) {
      if (names[i].getName().equals(variable.getName())) {
        return parent.getActualTypeArguments()[i];
      }
    }
    throw new IllegalStateException(type + " does not bind " + variable);
  }

  private Object value(Type type, int depth) throws Exception {
    if (random.nextInt(8) == 0) {
      return null;
    }
    Class<?> raw =
        type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
    if (raw == String.class) {
      return strings != null
          ? strings.apply(random)
          : random.nextInt(5) == 0 ? "" : "s" + random.nextInt(100);
    } else if (raw == Integer.class || raw == int.class) {
      return random.nextInt(200) - 50;
    } else if (raw == Long.class || raw == long.class) {
      return random.nextLong();
    } else if (raw == Boolean.class || raw == boolean.class) {
      return random.nextBoolean();
    } else if (raw == Double.class || raw == double.class) {
      return random.nextInt(1000) / 8.0;
    } else if (raw == IntOrString.class) {
      return random.nextBoolean()
          ? new IntOrString(random.nextInt(100))
          : new IntOrString(random.nextInt(100) + "%");
    } else if (raw == Quantity.class) {
      return new Quantity(random.nextInt(512) + "Mi");
    } else if (raw.isEnum()) {
      Object[] constants = raw.getEnumConstants();
      return constants[random.nextInt(constants.length)];
    } else if (raw == List.class) {
      Type item = ((ParameterizedType) type).getActualTypeArguments()[0];
      List<Object> list = new ArrayList<>();
      for (int i = depth >= DEPTH ? 0 : random.nextInt(3); i > 0; i--) {
        list.add(random.nextInt(6) == 0 ? null : value(item, depth + 1));
      }
      return list;
    } else if (raw == Map.class) {
      Type item = ((ParameterizedType) type).getActualTypeArguments()[1];
      Map<String, Object> map = new LinkedHashMap<>();
      for (int i = depth >= DEPTH ? 0 : random.nextInt(3); i > 0; i--) {
        map.put(
            strings != null && random.nextBoolean()
                ? strings.apply(random)
                : "k" + random.nextInt(9),
            random.nextInt(6) == 0 ? null : value(item, depth + 1));
      }
      return map;
    } else if (raw == Object.class) {
      return loose(depth);
    } else if (depth < DEPTH && !raw.isInterface() && !Modifier.isAbstract(raw.getModifiers())) {
      try {
        raw.getConstructor();
      } catch (NoSuchMethodException e) {
        return null;
      }
      return fill(raw, depth + 1);
    }
    return null;
  }

  /** A value as YAML reading would give it: text, a number, a flag, a list or a map. */
  private Object loose(int depth) {
    return switch (random.nextInt(depth >= DEPTH ? 3 : 5)) {
      case 0 -> strings != null ? strings.apply(random) : "v" + random.nextInt(10);
      case 1 -> random.nextInt(10);
      case 2 -> random.nextBoolean();
      case 3 -> new ArrayList<>(List.of("a", random.nextInt(3)));
      default -> new LinkedHashMap<>(Map.of("n", loose(depth + 1)));
    };
  }
}
