package dev.rolloutkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolloutkit.rules.Rule;
import dev.rolloutkit.rules.RuleProvider;
import dev.rolloutkit.traffic.TrafficRouter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lookups answered once per JVM, and by one source: what an application assumes counts only before the first lookup. */
class ProvidersTest {

  private static final Providers.Known NOTHING = new Providers.Known() {
    @Override
    public List<RuleProvider> ruleProviders() {
      return List.of();
    }

    @Override
    public List<TrafficRouter> routers() {
      return List.of();
    }

    @Override
    public List<com.fasterxml.jackson.databind.ser.Serializers> serializers() {
      return List.of();
    }
  };

  @Test
  void should_refuse_what_an_application_assumes_once_something_was_looked_up() {
    List<Rule> before = Providers.rules();
    assertThat(before).isNotEmpty();

    assertThat(Providers.assume(NOTHING)).isFalse();

    assertThat(Providers.rules()).isSameAs(before);
  }
}
