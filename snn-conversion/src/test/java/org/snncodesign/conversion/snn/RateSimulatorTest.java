package org.snncodesign.conversion.snn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.conversion.ann.AnnModel;
import org.snncodesign.conversion.ann.LabeledImages;
import org.snncodesign.conversion.ann.TestModels;
import org.snncodesign.neurons.engine.PropagationMode;
import org.snncodesign.neurons.integrate.IntegrateAndFire;
import org.snncodesign.neurons.lif.LeakyIntegrateAndFire;

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

  @Test
  @DisplayName(
      "with the if plugin's populations, every spike of every stage at every step and the read-out"
          + " are the built-in loop's, bit for bit, where every sum is exact in float")
  void ifPluginIsTheBuiltInLoopOnABinaryGrid() {
    long hiddenSpikes = 0;
    for (long seed = 1; seed <= 5; seed++) {
      ConvertedNetwork net = EngineRateRunnerTest.dyadic(seed);
      LabeledImages images = EngineRateRunnerTest.gridImages(4, 6, seed);
      RateSimulator builtIn = new RateSimulator(net, 10, 48);
      RateSimulator plugin = new RateSimulator(net, new IntegrateAndFire(), 10, 48);
      for (int s = 0; s < images.count(); s++) {
        RateTrace expected = builtIn.trace(images, s);
        RateTrace actual = plugin.trace(images, s);
        assertThat(actual.spikes()).isDeepEqualTo(expected.spikes());
        assertThat(actual.output()).isDeepEqualTo(expected.output());
        for (int[] step : expected.spikes()) {
          hiddenSpikes += step[1] + step[2];
        }
      }
    }
    assertThat(hiddenSpikes).isPositive();
  }

  @Test
  @DisplayName(
      "on converted networks the if plugin gives the built-in loop's spikes, predictions and"
          + " operation counts, and its read-outs within float re-association error")
  void ifPluginMatchesTheBuiltInLoopOnConvertedNetworks() {
    for (AnnModel model :
        List.of(
            EngineRateRunnerTest.dense(3),
            EngineRateRunnerTest.conv(4),
            TestModels.convertible(7))) {
      LabeledImages data = TestModels.selfLabelled(model, 40, 5);
      ConvertedNetwork net = new AnnToSnnConverter(99.9).convert(model, data);
      RateSimulator builtIn = new RateSimulator(net, 16, 48);
      RateSimulator plugin = new RateSimulator(net, new IntegrateAndFire(), 16, 48);
      for (int s = 0; s < data.count(); s++) {
        RateTrace expected = builtIn.trace(data, s);
        RateTrace actual = plugin.trace(data, s);
        assertThat(actual.spikes())
            .as("%s sample %d", model.name(), s)
            .isDeepEqualTo(expected.spikes());
        for (int c = 0; c < expected.output().length; c++) {
          for (int o = 0; o < expected.output()[c].length; o++) {
            assertThat(actual.output()[c][o])
                .isCloseTo(expected.output()[c][o], Offset.offset(1e-3f));
          }
        }
      }
      List<SnnEvaluation> a = builtIn.evaluate(data, 2);
      List<SnnEvaluation> b = plugin.evaluate(data, 1);
      for (int c = 0; c < a.size(); c++) {
        assertThat(b.get(c).correct()).isEqualTo(a.get(c).correct());
        assertThat(b.get(c).synapticOps()).isEqualTo(a.get(c).synapticOps());
        assertThat(b.get(c).neuronOps()).isEqualTo(a.get(c).neuronOps());
        assertThat(b.get(c).spikes()).isEqualTo(a.get(c).spikes());
      }
    }
  }

  @Test
  @DisplayName(
      "a neuron plugin runs the same in the simulator as on the engine: lif's spikes and read-outs"
          + " bit for bit on feed-forward networks")
  void pluginRunsAsOnTheEngine() {
    for (AnnModel model : List.of(EngineRateRunnerTest.dense(3), EngineRateRunnerTest.conv(4))) {
      LabeledImages data = TestModels.selfLabelled(model, 20, 5);
      ConvertedNetwork net = new AnnToSnnConverter(99.9).convert(model, data);
      RateSimulator simulator = new RateSimulator(net, new LeakyIntegrateAndFire(), 16, 48);
      EngineRateRunner engine =
          new EngineRateRunner(net, new LeakyIntegrateAndFire(), PropagationMode.EVENT, 16, 48);
      for (int s = 0; s < data.count(); s++) {
        RateTrace expected = engine.trace(data, s);
        RateTrace actual = simulator.trace(data, s);
        assertThat(actual.spikes())
            .as("%s sample %d", model.name(), s)
            .isDeepEqualTo(expected.spikes());
        assertThat(actual.output()).isDeepEqualTo(expected.output());
      }
    }
  }

  @Test
  @DisplayName(
      "lif neurons, whose potential leaks between inputs, spike less than if neurons and still"
          + " classify")
  void leakyNeurons() {
    AnnModel model = TestModels.convertible(7);
    LabeledImages data = TestModels.selfLabelled(model, 80, 3);
    ConvertedNetwork snn = new AnnToSnnConverter(99.9).convert(model, data);
    SnnEvaluation integrate = new RateSimulator(snn, 512).evaluate(data, 2).get(0);
    SnnEvaluation leaky =
        new RateSimulator(snn, new LeakyIntegrateAndFire(), 512).evaluate(data, 2).get(0);
    assertThat(leaky.spikes()).isLessThan(integrate.spikes() * 95 / 100);
    assertThat(leaky.accuracy()).isGreaterThan(0.9);
  }
}
