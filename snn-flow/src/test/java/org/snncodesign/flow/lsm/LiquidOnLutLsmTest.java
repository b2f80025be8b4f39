package org.snncodesign.flow.lsm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.api.spike.SpikeRaster;
import org.snncodesign.learning.lsm.Liquid;
import org.snncodesign.learning.lsm.LiquidParameters;
import org.snncodesign.learning.lsm.LiquidSimulator;

class LiquidOnLutLsmTest {

  @Test
  @DisplayName("binning a liquid's spike raster gives exactly the simulator's own liquid state")
  void binCountsMatchSimulatorState() throws IOException {
    LsmTask task = LsmTask.digits(null, 5);
    Liquid liquid =
        Liquid.create(LiquidParameters.builder().neurons(100).inputChannels(8).seed(4).build());
    LiquidSimulator sim = new LiquidSimulator(liquid, 10);
    for (SpikeRaster input : task.inputs()) {
      for (int bins : new int[] {1, 3, 4}) {
        float[] expected = new float[bins * 100];
        sim.state(input, bins, expected, 0);
        float[] actual = new float[bins * 100 + 7];
        LiquidOnLutLsm.binCounts(sim.raster(input), bins, actual, 7);
        assertThat(Arrays.copyOfRange(actual, 7, actual.length)).containsExactly(expected);
      }
    }
  }

  @Test
  @DisplayName(
      "pruning by activity keeps the asked fraction, and the study gives both arithmetics' accuracy")
  void study() throws IOException {
    LsmTask task = LsmTask.digits(null, 80);
    Liquid full =
        Liquid.create(
            LiquidParameters.builder().neurons(100).inputChannels(task.channels()).seed(4).build());
    Liquid pruned = LiquidOnLutLsm.prunedByActivity(task, full, 0.5, 10);
    assertThat(pruned.neurons()).isEqualTo(50);
    LiquidOnLutLsm.Row row =
        LiquidOnLutLsm.measure(
            "pruned", task, pruned, new LiquidOnLutLsm.Settings(10, 20, 0), line -> {});
    assertThat(row.neurons()).isEqualTo(50);
    assertThat(row.hwCyclesPerSample()).isPositive();
    assertThat(row.hwEnergyNanojoules()).isPositive();
    assertThat(row.accuracyFloat()).isPresent();
    assertThat(row.accuracyFixedPoint()).isPresent();
    assertThat(
            LiquidOnLutLsm.measure(
                    "pruned", task, pruned, new LiquidOnLutLsm.Settings(10, 5, -1), line -> {})
                .accuracyFloat())
        .isEmpty();
  }

  @Test
  @DisplayName(
      "the full and the pruned liquid: the pruned one needs fewer cycles, no DSP, and both arithmetics carry "
          + "the digit identity on the same split")
  void fullAndPruned() throws IOException {
    LsmTask task = LsmTask.digits(null, 0);
    LiquidOnLutLsm.Comparison comparison =
        LiquidOnLutLsm.fullAndPruned(
            task,
            135,
            0.5,
            new LiquidOnLutLsm.Settings(LiquidOnLutLsm.defaultTailSteps(task), 10, 400),
            line -> {});
    assertThat(comparison.samples()).isEqualTo(10);
    assertThat(comparison.liquids())
        .extracting(LiquidOnLutLsm.Row::liquid)
        .containsExactly("full", "pruned");
    LiquidOnLutLsm.Row full = comparison.liquids().get(0);
    LiquidOnLutLsm.Row pruned = comparison.liquids().get(1);
    assertThat(pruned.neurons()).isEqualTo(68);
    assertThat(pruned.hwCyclesPerSample()).isLessThan(full.hwCyclesPerSample());
    assertThat(full.resources()).containsEntry("dsp", 0L);
    for (LiquidOnLutLsm.Row row : comparison.liquids()) {
      // 10 classes: chance is 0.1.
      assertThat(row.accuracyFloat().orElseThrow()).isGreaterThan(0.7);
      assertThat(row.accuracyFixedPoint().orElseThrow()).isGreaterThan(0.7);
    }
  }
}
