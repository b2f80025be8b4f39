package org.snncodesign.api.spike;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Spike rasters")
class SpikeRasterTest {
  @Test
  @DisplayName(
      "set bits read back, and counts per step, per neuron and in total agree with a boolean grid")
  void countsAgreeWithBooleanGrid() {
    Random random = new Random(7);
    int steps = 13;
    int neurons = 130; // spans three words per step, the last one partial
    boolean[][] grid = new boolean[steps][neurons];
    SpikeRaster raster = new SpikeRaster(steps, neurons);
    for (int t = 0; t < steps; t++) {
      for (int n = 0; n < neurons; n++) {
        if (random.nextDouble() < 0.2) {
          grid[t][n] = true;
          raster.set(t, n);
        }
      }
    }
    long total = 0;
    int[] perNeuron = new int[neurons];
    for (int t = 0; t < steps; t++) {
      int atStep = 0;
      for (int n = 0; n < neurons; n++) {
        assertThat(raster.get(t, n)).isEqualTo(grid[t][n]);
        if (grid[t][n]) {
          atStep++;
          perNeuron[n]++;
        }
      }
      assertThat(raster.countAt(t)).isEqualTo(atStep);
      total += atStep;
    }
    assertThat(raster.count()).isEqualTo(total);
    assertThat(raster.countsPerNeuron()).containsExactly(perNeuron);
    assertThat(raster.density()).isEqualTo((double) total / (steps * neurons));
  }

  @Test
  @DisplayName("a neuron's train lists its spike steps in order")
  void trainOfNeuron() {
    SpikeRaster raster = new SpikeRaster(10, 70);
    raster.set(2, 69);
    raster.set(7, 69);
    raster.set(5, 3);
    assertThat(raster.train(69).times()).containsExactly(2, 7);
  }

  @Test
  @DisplayName("an index outside the raster is refused with the raster's shape")
  void outOfRange() {
    SpikeRaster raster = new SpikeRaster(4, 8);
    assertThatThrownBy(() -> raster.set(4, 0)).hasMessageContaining("4 x 8");
    assertThatThrownBy(() -> new SpikeRaster(-1, 8)).hasMessageContaining("timeSteps");
  }

  @Test
  @DisplayName("spike trains must increase")
  void trainsIncrease() {
    assertThatThrownBy(() -> new SpikeTrain(3, new int[] {1, 1})).hasMessageContaining("neuron 3");
  }
}
