package org.snncodesign.conversion.snn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.conversion.ann.AnnModel;
import org.snncodesign.conversion.ann.LabeledImages;
import org.snncodesign.conversion.ann.TestModels;

class RateSimulatorTest {

  @Test
  @DisplayName(
      "the rate-coded IF network approaches the ANN as time steps grow, and costs grow with them")
  void convergesWithTime() {
    AnnModel model = TestModels.convertible(7);
    LabeledImages data = TestModels.selfLabelled(model, 80, 3);
    ConvertedNetwork snn = new AnnToSnnConverter(99.9).convert(model, data);
    List<SnnEvaluation> runs = new RateSimulator(snn, 4, 64, 512).evaluate(data, 2);
    assertThat(runs).hasSize(3);
    assertThat(runs.get(2).accuracy())
        .isGreaterThan(0.9)
        .isGreaterThanOrEqualTo(runs.get(0).accuracy());
    assertThat(runs.get(2).synapticOps()).isGreaterThan(runs.get(1).synapticOps());
    assertThat(runs.get(1).timesteps()).isEqualTo(64);
    assertThat(runs.get(2).spikesPerNeuron()).isGreaterThan(1);
  }
}
