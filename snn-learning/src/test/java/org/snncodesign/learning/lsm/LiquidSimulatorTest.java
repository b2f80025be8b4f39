package org.snncodesign.learning.lsm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.api.spike.SpikeRaster;
import org.snncodesign.learning.lsm.readout.Features;
import org.snncodesign.learning.lsm.readout.RidgeRegression;
import org.snncodesign.neurons.engine.PropagationMode;

class LiquidSimulatorTest {

  private static Liquid liquid(int neurons, int channels, long seed) {
    return Liquid.create(
        LiquidParameters.builder().neurons(neurons).inputChannels(channels).seed(seed).build());
  }

  private static SpikeRaster randomInput(int steps, int channels, double p, long seed) {
    SpikeRaster r = new SpikeRaster(steps, channels);
    SplittableRandom random = new SplittableRandom(seed);
    for (int t = 0; t < steps; t++) {
      for (int c = 0; c < channels; c++) {
        if (random.nextDouble() < p) {
          r.set(t, c);
        }
      }
    }
    return r;
  }

  @Test
  @DisplayName("clock-driven and event-driven runs of the liquid give identical spikes")
  void clockEqualsEvent() {
    Liquid l = liquid(150, 4, 3);
    SpikeRaster input = randomInput(80, 4, 0.3, 1);
    SpikeRaster event = new LiquidSimulator(l, 10, PropagationMode.EVENT).raster(input);
    SpikeRaster clock = new LiquidSimulator(l, 10, PropagationMode.CLOCK).raster(input);
    assertThat(event.count()).isPositive();
    assertThat(clock).isEqualTo(event);
  }

  @Test
  @DisplayName("every sample starts from rest: running A, B, A gives A's spikes twice")
  void samplesAreIndependent() {
    LiquidSimulator sim = new LiquidSimulator(liquid(100, 2, 5), 5);
    SpikeRaster a = randomInput(50, 2, 0.4, 1);
    SpikeRaster b = randomInput(50, 2, 0.4, 2);
    SpikeRaster first = sim.raster(a);
    sim.raster(b);
    assertThat(sim.raster(a)).isEqualTo(first);
  }

  @Test
  @DisplayName("without input the liquid stays silent (there is no bias current)")
  void silentWithoutInput() {
    LiquidSimulator sim = new LiquidSimulator(liquid(80, 2, 1), 0);
    assertThat(sim.raster(new SpikeRaster(100, 2)).count()).isZero();
  }

  @Test
  @DisplayName(
      "the binned state sums, over bins, to each neuron's spike count, which the activity also holds")
  void statesAreBinnedCounts() {
    Liquid l = liquid(90, 3, 7);
    SpikeRaster input = randomInput(60, 3, 0.3, 4);
    int[] counts = new LiquidSimulator(l, 20).raster(input).countsPerNeuron();
    LiquidSimulator sim = new LiquidSimulator(l, 20);
    int bins = 4;
    float[] state = new float[bins * 90];
    sim.state(input, bins, state, 0);
    long[] activity = sim.activity();
    for (int i = 0; i < 90; i++) {
      float sum = 0;
      for (int b = 0; b < bins; b++) {
        sum += state[b * 90 + i];
      }
      assertThat(sum).isEqualTo(counts[i]);
      assertThat(activity[i]).isEqualTo(counts[i]);
    }
    assertThat(sim.totalSteps()).isEqualTo(80);
  }

  @Test
  @DisplayName(
      "a liquid with a ridge readout tells 'A then B' from 'B then A', which spike totals cannot")
  void liquidRemembersOrder() {
    Liquid l = liquid(135, 2, 2);
    int samples = 160;
    List<SpikeRaster> inputs = new ArrayList<>();
    int[] labels = new int[samples];
    float[] totals = new float[samples * 2];
    for (int s = 0; s < samples; s++) {
      labels[s] = s % 2;
      SpikeRaster r = new SpikeRaster(60, 2);
      SplittableRandom random = new SplittableRandom(100 + s);
      int first = labels[s];
      for (int t = 0; t < 30; t++) {
        if (random.nextDouble() < 0.4) {
          r.set(t, first);
        }
        if (random.nextDouble() < 0.4) {
          r.set(t + 30, 1 - first);
        }
      }
      int[] counts = r.countsPerNeuron();
      totals[2 * s] = counts[0];
      totals[2 * s + 1] = counts[1];
      inputs.add(r);
    }
    // One bin covering the whole sample: the order must be held in which neurons fired, not when.
    Features states = LiquidStates.compute(new LiquidSimulator(l, 0), inputs, 1);
    int[] train = java.util.stream.IntStream.range(0, 120).toArray();
    int[] test = java.util.stream.IntStream.range(120, samples).toArray();
    int[] trainLabels = java.util.Arrays.copyOfRange(labels, 0, 120);
    int[] testLabels = java.util.Arrays.copyOfRange(labels, 120, samples);
    double accuracy =
        RidgeRegression.fit(states.rows(train), trainLabels, 2, 10)
            .accuracy(states.rows(test), testLabels);
    Features inputTotals = new Features(samples, 2, totals);
    double baseline =
        RidgeRegression.fit(inputTotals.rows(train), trainLabels, 2, 10)
            .accuracy(inputTotals.rows(test), testLabels);
    assertThat(accuracy).isGreaterThanOrEqualTo(0.8);
    assertThat(baseline).isLessThan(accuracy - 0.15);
  }
}
