package dev.rolloutkit.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolloutkit.rules.RuleProvider;
import dev.rolloutkit.traffic.TrafficRouter;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/**
 * The command line's own list of its jar's services says what a lookup on this module's class path (the jar's
 * contents) finds, in the same order; {@code ShadedJarTest} compares it with the built jar's files.
 */
class OwnJarProvidersTest {

  private final OwnJarProviders own = new OwnJarProviders();

  @Test
  void should_name_the_rule_providers_the_class_path_lookup_finds_in_its_order() {
    assertThat(names(own.ruleProviders())).containsExactlyElementsOf(lookedUp(RuleProvider.class));
  }

  @Test
  void should_name_the_traffic_routers_the_class_path_lookup_finds() {
    assertThat(names(own.routers())).containsExactlyElementsOf(lookedUp(TrafficRouter.class));
  }

  @Test
  void should_name_the_serializer_registries_the_class_path_lookup_finds() {
    assertThat(names(own.serializers())).containsExactlyElementsOf(lookedUp(com.fasterxml.jackson.databind.ser.Serializers.class));
  }

  @Test
  void should_name_the_slf4j_provider_the_class_path_lookup_finds() {
    assertThat(List.of(OwnJarProviders.SLF4J_PROVIDER)).containsExactlyElementsOf(lookedUp(org.slf4j.spi.SLF4JServiceProvider.class));
  }

  @Test
  void should_not_take_the_test_class_path_for_the_jar_alone() {
    assertThat(OwnJarProviders.classPathIsOwnJarAlone()).isFalse();
  }

  private static List<String> lookedUp(Class<?> type) {
    return ServiceLoader.load(type, OwnJarProviders.class.getClassLoader()).stream().map(p -> p.type().getName()).toList();
  }

  private static List<String> names(List<?> providers) {
    return providers.stream().map(p -> p.getClass().getName()).toList();
  }
}
