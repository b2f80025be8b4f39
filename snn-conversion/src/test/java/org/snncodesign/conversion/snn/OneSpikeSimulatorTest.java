package org.snncodesign.conversion.snn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.api.energy.EnergyTable;
import org.snncodesign.api.spike.SpikeRaster;
import org.snncodesign.conversion.ann.AnnModel;
import org.snncodesign.conversion.ann.AnnNetwork;
import org.snncodesign.conversion.ann.LabeledImages;
import org.snncodesign.conversion.ann.TestModels;

class OneSpikeSimulatorTest {
  private final AnnModel model = TestModels.convertible(7);
  private final LabeledImages data = TestModels.selfLabelled(model, 120, 3);
  private final ConvertedNetwork snn = new AnnToSnnConverter(99.9).convert(model, data);

  @Test
  @DisplayName("every neuron of every stage fires at most once per window")
  void atMostOneSpike() {
    OneSpikeSimulator sim = new OneSpikeSimulator(snn, PhaseCoding.rootOfTwo(1, 8));
    for (int i = 0; i < 10; i++) {
      for (int s = 0; s < snn.stageCount() - 1; s++) {
        SpikeRaster raster = sim.raster(data.pixels(), data.offset(i), s);
        assertThat(java.util.Arrays.stream(raster.countsPerNeuron()).max().orElse(0))
            .isLessThanOrEqualTo(1);
        assertThat(raster.count())
            .isEqualTo(
                raster.countsPerNeuron().length
                    - java.util.Arrays.stream(sim.phases(data.pixels(), data.offset(i))[s])
                        .filter(p -> p < 0)
                        .count());
      }
    }
  }

  @Test
  @DisplayName(
      "input pixels spike in the phase of their log-quantised value, and pools pass the earliest spike")
  void phasesEncodeValues() {
    PhaseCoding coding = PhaseCoding.rootOfTwo(2, 6);
    OneSpikeSimulator sim = new OneSpikeSimulator(snn, coding);
    int[][] phases = sim.phases(data.pixels(), data.offset(5));
    for (int n = 0; n < phases[0].length; n++) {
      assertThat(phases[0][n])
          .isEqualTo(coding.phaseOf(data.pixels()[data.offset(5) + n] / snn.scale(0)));
    }
    int[] pool = phases[3];
    var windows = snn.stageList().get(3).poolWindows();
    for (int n = 0; n < pool.length; n++) {
      int best = -1;
      for (int q = windows.rowPointers()[n]; q < windows.rowPointers()[n + 1]; q++) {
        int p = phases[2][windows.columnIndices()[q]];
        if (p >= 0 && (best < 0 || p < best)) {
          best = p;
        }
      }
      assertThat(pool[n]).isEqualTo(best);
    }
  }

  @Test
  @DisplayName("synaptic operations are the fan-out lengths of the neurons that spiked")
  void countsSynapticEvents() {
    OneSpikeSimulator sim = new OneSpikeSimulator(snn, PhaseCoding.rootOfTwo(1, 8));
    LabeledImages one = data.head(1);
    int[][] phases = sim.phases(one.pixels(), 0);
    long expected = 0;
    for (int s = 1; s < snn.stageCount(); s++) {
      if (snn.kind(s) == StageKind.MAX_POOL) {
        continue;
      }
      int[] sources = snn.sources(s);
      for (int t = 0; t < sources.length; t++) {
        int[] ptr = snn.fanouts(s).get(t).rowPointers();
        for (int j = 0; j < phases[sources[t]].length; j++) {
          if (phases[sources[t]][j] >= 0) {
            expected += ptr[j + 1] - ptr[j];
          }
        }
      }
    }
    SnnEvaluation e = sim.evaluate(one, 1);
    assertThat(e.synapticOps()).isEqualTo(expected).isPositive();
    assertThat(e.timesteps()).isEqualTo(4 * 8);
  }

  @Test
  @DisplayName(
      "base manipulation: a base closer to 1 tracks the ANN logits more closely than base 2")
  void baseManipulationCutsConversionLoss() {
    double coarse = logitError(PhaseCoding.rootOfTwo(1, 10));
    double fine = logitError(PhaseCoding.rootOfTwo(4, 10));
    assertThat(fine).isLessThan(coarse * 0.6);
  }

  private double logitError(PhaseCoding coding) {
    OneSpikeSimulator sim = new OneSpikeSimulator(snn, coding);
    AnnNetwork ann = new AnnNetwork(org.snncodesign.conversion.ann.BatchNormFolding.fold(model));
    var ws = ann.newWorkspace();
    double err = 0;
    double norm = 0;
    for (int i = 0; i < data.count(); i++) {
      float[] z = ann.forward(ws, data.pixels(), data.offset(i));
      float[] v = sim.outputPotentials(data.pixels(), data.offset(i));
      for (int c = 0; c < z.length; c++) {
        err += Math.abs(v[c] - z[c]);
        norm += Math.abs(z[c]);
      }
    }
    return err / norm;
  }

  @Test
  @DisplayName(
      "with a fine base the one-spike SNN agrees with the ANN on almost every sample, in parallel too")
  void agreesWithAnn() {
    OneSpikeSimulator sim = new OneSpikeSimulator(snn, PhaseCoding.rootOfTwo(4, 12));
    SnnEvaluation single = sim.evaluate(data, 1);
    SnnEvaluation parallel = sim.evaluate(data, 2);
    assertThat(single.accuracy()).isGreaterThan(0.9);
    assertThat(parallel.correct()).isEqualTo(single.correct());
    assertThat(parallel.synapticOps()).isEqualTo(single.synapticOps());
    assertThat(single.spikesPerNeuron()).isBetween(0.0, 1.0);
  }

  @Test
  @DisplayName("the report derives energy from the Horowitz table and states its assumptions")
  void report() {
    OneSpikeSimulator sim = new OneSpikeSimulator(snn, PhaseCoding.rootOfTwo(2, 8));
    SnnEvaluation e = sim.evaluate(data, 1);
    ConversionReport r =
        ConversionReport.of("synthetic", snn, 1.0, e, sim.coding(), EnergyTable.HOROWITZ_45NM, 0.1);
    assertThat(r.annEnergyPj())
        .isCloseTo(model.macs() * 4.6, org.assertj.core.api.Assertions.within(1e-6));
    assertThat(r.snnSynapticEnergyPj())
        .isCloseTo(e.synapticOpsPerSample() * 0.9, org.assertj.core.api.Assertions.within(1e-6));
    assertThat(r.energyRatio())
        .isCloseTo(r.annEnergyPj() / r.snnEnergyPj(), org.assertj.core.api.Assertions.within(1e-9));
    assertThat(r.toJson())
        .contains(
            "\"dataset\":\"synthetic\"",
            "\"ann_accuracy\"",
            "\"snn_accuracy\"",
            "\"timesteps\"",
            "\"spikes_per_neuron\"",
            "\"ann_macs\"",
            "\"snn_acs\"",
            "\"ann_energy_pj\"",
            "\"snn_energy_pj\"",
            "\"energy_ratio\"",
            "\"assumptions\"",
            "2^(1/2)");
    PhaseCoding odd = new PhaseCoding(1.7, 8, 0.8);
    ConversionReport costly =
        ConversionReport.of(
            "s",
            snn,
            1.0,
            new OneSpikeSimulator(snn, odd).evaluate(data, 1),
            odd,
            EnergyTable.HOROWITZ_45NM,
            0);
    assertThat(costly.snnSynapticEnergyPj())
        .isCloseTo(costly.snnAcs() * 4.6, org.assertj.core.api.Assertions.within(1e-6));
  }
}
