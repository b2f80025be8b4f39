package org.snncodesign.flow.lsm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.api.learning.LearningRule;
import org.snncodesign.api.plugin.PluginRegistry;
import org.snncodesign.learning.lsm.Liquid;
import org.snncodesign.learning.lsm.LiquidParameters;

class LiquidPlasticityTest {
  private final LearningRule stdp = PluginRegistry.discover().require(LearningRule.class, "stdp");

  private static Liquid liquid(LsmTask task) {
    return Liquid.create(
        LiquidParameters.builder().neurons(80).inputChannels(task.channels()).seed(5).build());
  }

  @Test
  @DisplayName(
      "the rule changes a copy's input synapses from the presentations and leaves the liquid as it was")
  void adaptsACopy() throws IOException {
    LsmTask task = LsmTask.digits(null, 12);
    Liquid liquid = liquid(task);
    float[] before = liquid.input().values().clone();
    LiquidPlasticity.Result result =
        LiquidPlasticity.adaptInputs(liquid, stdp, Map.of(), task.inputs(), 2, 5);

    assertThat(result.presentations()).isEqualTo(24);
    assertThat(result.potentiated() + result.depressed()).isPositive();
    assertThat(result.totalChange()).isPositive();
    assertThat(liquid.input().values()).containsExactly(before);
    assertThat(result.adapted().input().values()).isNotEqualTo(before);
    assertThat(result.adapted().recurrent().values()).containsExactly(liquid.recurrent().values());
  }

  @Test
  @DisplayName(
      "a weight bound not given is the liquid's largest input weight; given parameters win")
  void parameters() throws IOException {
    LsmTask task = LsmTask.digits(null, 4);
    Liquid liquid = liquid(task);
    float max = 0;
    for (float w : liquid.input().values()) {
      max = Math.max(max, w);
    }
    assertThat(
            LiquidPlasticity.adaptInputs(liquid, stdp, Map.of(), task.inputs(), 1, 5).parameters())
        .containsEntry("w_max", (double) max);
    assertThat(
            LiquidPlasticity.adaptInputs(
                    liquid, stdp, Map.of("w_max", 0.5, "a_plus", 0.0), task.inputs(), 1, 5)
                .parameters())
        .containsEntry("w_max", 0.5)
        .containsEntry("a_plus", 0.0);
    assertThatThrownBy(
            () -> LiquidPlasticity.adaptInputs(liquid, stdp, Map.of(), task.inputs(), 0, 5))
        .hasMessageContaining("epochs");
  }
}
