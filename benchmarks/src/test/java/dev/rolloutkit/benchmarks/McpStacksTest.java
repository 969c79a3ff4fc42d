package dev.rolloutkit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class McpStacksTest {

  @Test
  void should_produce_the_same_data_three_ways() {
    assertThat(McpStacks.sameData()).isTrue();
    assertThat(McpStacks.documents(McpStacks.rolloutkit())).hasSize(6);
  }

  @Test
  void should_write_the_same_bytes_by_hand_with_fabric8_as_rolloutkit() {
    assertThat(McpStacks.fabric8ByHand()).isEqualTo(McpStacks.rolloutkit());
  }
}
