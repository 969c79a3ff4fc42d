package dev.rolloutkit.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rolloutkit.argo.v1alpha1.Rollout;
import dev.rolloutkit.argo.v1alpha1.RolloutSpec;
import dev.rolloutkit.argo.v1alpha1.RolloutStatus;
import dev.rolloutkit.codegen.WirePlan.Bean;
import dev.rolloutkit.codegen.WirePlan.ListOf;
import dev.rolloutkit.codegen.WirePlan.MapOf;
import dev.rolloutkit.codegen.WirePlan.Property;
import dev.rolloutkit.codegen.WirePlan.Scalar;
import dev.rolloutkit.codegen.WirePlan.WrittenClass;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the plan reads from Jackson's serializers, and the sources written from it. */
class WirePlanTest {

  private static WirePlan plan() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    new KubernetesSerialization(mapper, true);
    return new WirePlan(mapper.getSerializerProviderInstance()).plan(List.of(Rollout.class));
  }

  private static WrittenClass written(WirePlan plan, Class<?> type) {
    return plan.written().stream().filter(w -> w.type() == type).findFirst().orElseThrow();
  }

  private static Property property(WrittenClass w, String name) {
    return w.properties().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void should_take_jacksons_property_order_with_additional_properties_last() throws Exception {
    WrittenClass rollout = written(plan(), Rollout.class);
    assertThat(rollout.properties())
        .extracting(Property::name)
        .containsExactly("apiVersion", "kind", "metadata", "spec", "status");
    assertThat(rollout.anyGetter()).contains("getAdditionalProperties");
    assertThat(rollout.anyGetterIndex()).isEqualTo(5);
    assertThat(property(rollout, "spec").getter()).isEqualTo("getSpec");
  }

  @Test
  void should_let_typed_properties_yield_to_additional_properties_of_the_same_name_as_fabric8_does()
      throws Exception {
    assertThat(property(written(plan(), RolloutSpec.class), "replicas").yieldsTo())
        .contains("getAdditionalProperties");
  }

  @Test
  void should_classify_values_by_their_declared_type() throws Exception {
    WirePlan plan = plan();
    WrittenClass spec = written(plan, RolloutSpec.class);
    assertThat(property(spec, "replicas").kind()).isEqualTo(new Scalar(Integer.class));
    assertThat(property(spec, "strategy").kind()).isInstanceOf(Bean.class);
    WrittenClass meta = written(plan, ObjectMeta.class);
    assertThat(property(meta, "labels").kind()).isEqualTo(new MapOf(new Scalar(String.class)));
    assertThat(property(meta, "finalizers").kind()).isEqualTo(new ListOf(new Scalar(String.class)));
  }

  @Test
  void should_mirror_empty_exclusion_where_the_model_asks_for_it() throws Exception {
    WrittenClass meta = written(plan(), ObjectMeta.class);
    assertThat(property(meta, "labels").skipsEmpty()).isTrue(); // fabric8's @JsonInclude(NON_EMPTY)
    assertThat(property(meta, "name").skipsEmpty()).isFalse();
    assertThat(property(meta, "name").writesNull()).isFalse(); // NON_NULL everywhere
  }

  @Test
  void should_leave_to_jackson_a_class_with_a_property_read_from_a_field() throws Exception {
    WirePlan plan = plan();
    assertThat(plan.writes(RolloutStatus.class)).isFalse();
    assertThat(plan.leftToJackson())
        .anySatisfy(
            reason ->
                assertThat(reason)
                    .startsWith(RolloutStatus.class.getName())
                    .contains("'HPAReplicas'")
                    .contains("not read through a public getter"));
  }

  @Test
  void should_write_one_serializer_per_class_and_a_registry_by_class_name() throws Exception {
    WirePlan plan = plan();
    Map<String, String> sources = new WireSources(plan, "p.q", "Registry").sources();
    assertThat(sources).hasSize(plan.written().size() + 1);
    assertThat(sources.get("W0000Rollout"))
        .contains("package p.q;")
        .contains(
            "extends"
                + " com.fasterxml.jackson.databind.ser.std.StdSerializer<dev.rolloutkit.argo.v1alpha1.Rollout>")
        .contains("g.writeFieldName(\"apiVersion\");")
        .contains("Registry.additional(v.getAdditionalProperties(), g, p);")
        .as("serializers are package-private: only the registry is public")
        .doesNotContain("public final class W0000");
    assertThat(sources.get("W0000Rollout").indexOf("\"metadata\""))
        .isLessThan(sources.get("W0000Rollout").indexOf("\"spec\""));
    assertThat(sources.get("Registry"))
        .contains(
            "case \"dev.rolloutkit.argo.v1alpha1.Rollout\": return serializer(new W0000Rollout());")
        .as(
            "each serializer is returned as an Object, so verifying the registry loads none of"
                + " them")
        .contains("JsonSerializer<?> serializer(Object serializer)")
        .doesNotContain(RolloutStatus.class.getName() + "\":");
  }
}
