package org.snncodesign.flow.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.learning.quantization.LsqQuantizer;

class PerLayerTransformTest {

  @Test
  @DisplayName(
      "layer 0 is quantised by its own 2-bit LSQ from the preset step, layer 1 passes through unchanged")
  void delegatesPerLayer() {
    LsqQuantizer twoBits = new LsqQuantizer(2);
    PerLayerTransform t =
        new PerLayerTransform(
            List.of(twoBits, PerLayerTransform.IDENTITY), new float[][] {{0.5f}, null});
    float[] w0 = {0.3f, -1.4f, 0.9f, 0f};
    float[] w1 = {0.3f, -1.4f};
    t.initialise(0, w0);
    t.initialise(1, w1);
    assertThat(t.parameters(0)).containsExactly(0.5f);
    assertThat(t.parameters(1)).isEmpty();
    float[] out0 = new float[4];
    float[] out1 = new float[2];
    t.forward(0, w0, out0);
    t.forward(1, w1, out1);
    // round(w / 0.5) clipped to [-2, 1]: 0.3 -> 1, -1.4 -> -3 -> -2, 0.9 -> 2 -> 1, 0 -> 0.
    assertThat(out0).containsExactly(0.5f, -1f, 0.5f, 0f);
    assertThat(out1).containsExactly(0.3f, -1.4f);
    assertThatThrownBy(() -> t.forward(2, w1, out1)).hasMessageContaining("layer 2 outside [0, 2)");
  }
}
