package org.snncodesign.conversion.attention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.api.energy.EnergyTable;
import org.snncodesign.conversion.ann.LabeledImages;
import org.snncodesign.conversion.snn.PhaseCoding;
import org.snncodesign.conversion.training.Optimizer;
import org.snncodesign.conversion.training.TrainingSettings;
import org.snncodesign.conversion.transformer.DigitsCsv;
import org.snncodesign.conversion.transformer.VitConfig;
import org.snncodesign.conversion.transformer.VitModel;
import org.snncodesign.conversion.transformer.VitNetwork;
import org.snncodesign.conversion.transformer.VitTrainer;

class SpikedAttentionConverterTest {
  @Test
  @DisplayName(
      "a trained digits ViT converts to one spike per neuron, keeps its accuracy and reports every layer")
  void convertsDigitsVit() throws Exception {
    assumeTrue(DigitsCsv.present(), "digits not in ../../shared/data/digits");
    LabeledImages train = DigitsCsv.load(0, 1000);
    LabeledImages test = DigitsCsv.load(1600, 1797);
    VitConfig c = new VitConfig(1, 8, 8, 2, 16, 1, 2, 32, 10);
    VitModel model = VitModel.initialised("digits-vit", c, 1);
    new VitTrainer(new TrainingSettings(4, 16, 3e-3, 0.8, Optimizer.ADAM, 0, 0, 2, 3))
        .train(new VitNetwork(model), train, null, line -> {});
    PhaseCoding coding = PhaseCoding.rootOfTwo(4, 8);
    SpikingVit snn = new SpikedAttentionConverter(99.9).convert(model, train.head(200), coding);
    SpikedAttentionEvaluation e = SpikedAttentionEvaluation.of(model, snn, test, 2, 50);
    assertThat(e.annAccuracy()).isGreaterThan(0.5);
    assertThat(e.snnAccuracy()).isGreaterThan(e.annAccuracy() - 0.08);
    // At most one spike per neuron.
    assertThat(e.spikes()).isLessThanOrEqualTo(e.neurons());
    assertThat(e.layerErrors())
        .extracting(LayerError::layer)
        .containsExactlyElementsOf(snn.layerNames());
    for (LayerError err : e.layerErrors()) {
      // Errors accumulate through the network; no population may drift beyond 60% relative RMS.
      assertThat(err.relativeRmsError()).as(err.layer()).isLessThan(0.6);
    }
    SpikedAttentionReport report =
        SpikedAttentionReport.of("digits", model, snn, e, EnergyTable.HOROWITZ_45NM, 0.1);
    JsonNode json = new ObjectMapper().readTree(report.toJson());
    for (String field :
        new String[] {
          "dataset",
          "ann_accuracy",
          "snn_accuracy",
          "timesteps",
          "spikes_per_neuron",
          "ann_macs",
          "snn_acs",
          "ann_energy_pj",
          "snn_energy_pj",
          "energy_ratio",
          "layer_errors"
        }) {
      assertThat(json.has(field)).as(field).isTrue();
    }
    assertThat(json.get("timesteps").asInt()).isEqualTo(snn.windows() * 32);
    assertThat(json.get("ann_macs").asLong()).isEqualTo(model.macs());
    assertThat(json.get("layer_errors").size()).isEqualTo(snn.layerNames().size());
    assertThat(report.layerErrors()).hasSize(snn.layerNames().size());
    assertThat(report.table()).contains("block0.attention");
  }
}
