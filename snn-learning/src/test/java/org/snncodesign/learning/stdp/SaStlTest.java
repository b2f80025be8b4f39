package org.snncodesign.learning.stdp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.api.spike.SpikeRaster;
import org.snncodesign.learning.lsm.Liquid;
import org.snncodesign.learning.lsm.LiquidParameters;
import org.snncodesign.learning.lsm.LiquidSimulator;

class SaStlTest {

  @Test
  @DisplayName("SA-STL keeps the asked share of trainable synapses, drops the rest, and records distances")
  void keepsShare() {
    Liquid liquid = Liquid.create(LiquidParameters.builder().neurons(100).inputChannels(8).seed(3).build());
    SpikeRaster input = new SpikeRaster(120, 8);
    SplittableRandom r = new SplittableRandom(5);
    for (int t = 0; t < 120; t++) {
      for (int c = 0; c < 8; c++) {
        if (r.nextDouble() < 0.3) {
          input.set(t, c);
        }
      }
    }
    int[] outputs = {10, 20, 30};
    SpikeRaster own = new LiquidSimulator(liquid, 0).raster(input);
    SpikeRaster targets = new SpikeRaster(120, 3);
    for (int t = 0; t < 120; t++) {
      for (int o = 0; o < 3; o++) {
        // Targets: the outputs' own spikes shifted by 2 steps.
        if (t >= 2 && own.get(t - 2, outputs[o])) {
          targets.set(t, o);
        }
      }
    }
    SaStl.Settings settings = new SaStl.Settings(10, 0.05, 0.05, 10, 0.5, 1, 5, 0.2);
    SaStl.Result result = new SaStl(settings).train(liquid, outputs, input, targets);
    assertThat(result.trainableSynapses()).isPositive();
    assertThat(result.keptSynapses()).isEqualTo((int) Math.ceil(result.trainableSynapses() * 0.5));
    assertThat(result.learner().synapses())
        .isEqualTo(liquid.synapses() - (result.trainableSynapses() - result.keptSynapses()));
    assertThat(result.vanRossum()).hasSize(11);
    assertThat(result.victorPurpura()).hasSize(11);
    // Dale's law holds after training.
    var w = result.learner().recurrent();
    for (int row = 0; row < w.rows(); row++) {
      for (int k = w.rowPointers()[row]; k < w.rowPointers()[row + 1]; k++) {
        assertThat(w.values()[k] >= 0).isEqualTo(result.learner().isExcitatory(row) || w.values()[k] == 0);
      }
    }
    // The original liquid is untouched.
    assertThat(liquid.synapses()).isEqualTo(Liquid.create(LiquidParameters.builder().neurons(100)
        .inputChannels(8).seed(3).build()).synapses());
  }

  @Test
  @DisplayName("when the output already fires the target, nothing is learned and the distance stays 0")
  void fixedPoint() {
    Liquid liquid = Liquid.create(LiquidParameters.builder().neurons(80).inputChannels(8).seed(4).build());
    SpikeRaster input = new SpikeRaster(100, 8);
    SplittableRandom r = new SplittableRandom(6);
    for (int t = 0; t < 100; t++) {
      for (int c = 0; c < 8; c++) {
        if (r.nextDouble() < 0.3) {
          input.set(t, c);
        }
      }
    }
    SpikeRaster own = new LiquidSimulator(liquid, 0).raster(input);
    int[] outputs = {5, 6};
    SpikeRaster targets = new SpikeRaster(100, 2);
    for (int t = 0; t < 100; t++) {
      for (int o = 0; o < 2; o++) {
        if (own.get(t, outputs[o])) {
          targets.set(t, o);
        }
      }
    }
    SaStl.Result result = new SaStl(new SaStl.Settings(3, 0.1, 0.05, 10, 1, 1, 5, 0.2)).train(liquid, outputs,
        input, targets);
    assertThat(result.vanRossum()).containsOnly(0.0);
    assertThat(result.learner().recurrent()).isEqualTo(liquid.recurrent());
  }
}
