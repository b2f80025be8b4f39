package org.snncodesign.learning.surrogate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snncodesign.api.InvalidInputException;
import org.snncodesign.api.graph.GraphAnnotations;
import org.snncodesign.api.graph.NetworkGraph;
import org.snncodesign.api.plugin.PluginRegistry;

@DisplayName("A network's neuron model")
class NeuronModelChoiceTest {
  private static SpikingNetwork network() {
    return SpikingNetwork.initialise(
        new int[] {6, 5, 3}, 4, 0.8f, 0.5f, ResetMode.SUBTRACT, Readout.MEMBRANE, 7);
  }

  @Test
  @DisplayName("is the built-in lif, or if for beta 1, unless another is given")
  void builtInByDefault() {
    assertThat(network().neuronModel().name()).isEqualTo("lif");
    assertThat(network().hasBuiltInNeurons()).isTrue();
    SpikingNetwork integrating =
        SpikingNetwork.initialise(
            new int[] {6, 3}, 4, 1f, 0.5f, ResetMode.ZERO, Readout.SPIKE_COUNT, 7);
    assertThat(integrating.neuronModel().name()).isEqualTo("if");
  }

  @Test
  @DisplayName("of another plugin trains with its dynamics: here the LIF's, so the same gradients")
  void pluginDynamicsTrain() {
    ToyData data = ToyData.blocks(6, 6, 3, 0.4f, 2);
    SpikingNetwork builtIn = network();
    SpikingNetwork plugin = network().withNeuron(new LeakyNeuronFixture());
    TrainingOptions options = TrainingOptions.builder().threads(1).build();
    float[][][] expected;
    float[][][] actual;
    try (SurrogateGradientTrainer t = new SurrogateGradientTrainer(builtIn, options)) {
      expected = t.gradients(data.features, data.labels);
    }
    try (SurrogateGradientTrainer t = new SurrogateGradientTrainer(plugin, options)) {
      actual = t.gradients(data.features, data.labels);
    }
    assertThat(actual).isDeepEqualTo(expected);
    assertThat(plugin).isNotEqualTo(builtIn);
  }

  @Test
  @DisplayName("is named in the model file and the graph, and found again by name when read")
  void survivesFileAndGraph(@TempDir Path dir) throws Exception {
    SpikingNetwork plugin = network().withNeuron(new LeakyNeuronFixture());
    Path file = dir.resolve("model.json");
    SpikingNetworkJson.write(plugin, file);
    assertThat(SpikingNetworkJson.read(file)).isEqualTo(plugin);
    NetworkGraph graph = SpikingNetworkGraphs.toGraph(plugin, 1e-3);
    assertThat(GraphAnnotations.neuronModel(graph, "lif0")).contains(LeakyNeuronFixture.NAME);
    assertThat(GraphAnnotations.neuronModel(graph, "li1")).isEmpty();
    assertThat(SpikingNetworkGraphs.fromGraph(graph)).isEqualTo(plugin);
    assertThat(SpikingNetworkJson.toTree(network()).has("neuron")).isFalse();
  }

  @Test
  @DisplayName("must be trainable: another is refused in one line naming it and the trainable ones")
  void untrainableRefused() {
    assertThatThrownBy(() -> TrainableNeurons.require(PluginRegistry.discover(), "izhikevich"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "neuron model 'izhikevich' cannot be trained with surrogate gradients: it does not"
                + " implement TrainableNeuronModel (its discrete dynamics and their derivatives);"
                + " trainable models: if, lif, test-leaky");
  }

  @Test
  @DisplayName("must take the network's beta: a model without tau_m cannot leak")
  void leakWithoutTimeConstantRefused() {
    assertThatThrownBy(
            () -> network().withNeuron(TrainableNeurons.require(PluginRegistry.discover(), "if")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "neuron model 'if' has no membrane time constant tau_m, so it cannot decay by beta ="
                + " 0.8 per step; train it with beta 1");
  }
}
