package org.snncodesign.neurons;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.api.coding.SpikeDecoder;
import org.snncodesign.api.coding.SpikeEncoder;
import org.snncodesign.api.neuron.NeuronModel;
import org.snncodesign.api.neuron.NeuronParameters;
import org.snncodesign.api.plugin.Plugin;
import org.snncodesign.api.plugin.PluginRegistry;

class PluginDiscoveryTest {
  private final PluginRegistry registry = PluginRegistry.discover();

  @Test
  @DisplayName(
      "The registry loads the five neuron models and five codings of this module without problems")
  void modelsAndCodingsAreDiscovered() {
    assertThat(registry.providers(NeuronModel.class).stream().map(Plugin::name).toList())
        .contains("if", "lif", "lif-cond", "alif", "izhikevich");
    assertThat(registry.providers(SpikeEncoder.class).stream().map(Plugin::name).toList())
        .contains("rate", "ttfs", "phase", "phase1", "burst");
    assertThat(registry.problems()).isEmpty();
  }

  @Test
  @DisplayName(
      "Every coding here also decodes, and every model builds a population from its defaults")
  void everyProviderWorksWithDefaults() {
    for (SpikeEncoder coding : registry.providers(SpikeEncoder.class)) {
      assertThat(coding).as(coding.name()).isInstanceOf(SpikeDecoder.class);
    }
    List<NeuronModel> models = registry.providers(NeuronModel.class);
    for (NeuronModel model : models) {
      var population = model.create(3, NeuronParameters.withDt(1e-4));
      assertThat(population.size()).as(model.name()).isEqualTo(3);
      assertThat(population.step(new float[3], new long[1])).as(model.name()).isBetween(0, 3);
      assertThat(model.defaultParameters()).as(model.name()).isNotEmpty();
    }
  }
}
