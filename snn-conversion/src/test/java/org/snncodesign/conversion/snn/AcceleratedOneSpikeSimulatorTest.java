package org.snncodesign.conversion.snn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.api.InvalidInputException;
import org.snncodesign.api.energy.EnergyModel;
import org.snncodesign.api.hardware.Accelerator;
import org.snncodesign.api.hardware.HardwareReport;
import org.snncodesign.api.hardware.Workload;
import org.snncodesign.api.sparse.CsrMatrix;
import org.snncodesign.conversion.ann.AnnModel;
import org.snncodesign.conversion.ann.DenseLayer;
import org.snncodesign.conversion.ann.FlattenLayer;
import org.snncodesign.conversion.ann.LabeledImages;
import org.snncodesign.conversion.ann.ReluLayer;
import org.snncodesign.conversion.ann.TensorShape;
import org.snncodesign.conversion.ann.TestModels;

class AcceleratedOneSpikeSimulatorTest {

  /** Flatten - dense - relu - dense - relu - dense: fully connected stages only. */
  static AnnModel denseModel(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    DenseLayer fc1 = DenseLayer.zeros("fc1", 36, 20);
    TestModels.fill(fc1.weights(), r, 0.6);
    TestModels.fill(fc1.bias(), r, 0.05);
    DenseLayer fc2 = DenseLayer.zeros("fc2", 20, 12);
    TestModels.fill(fc2.weights(), r, 0.6);
    TestModels.fill(fc2.bias(), r, 0.05);
    DenseLayer fc3 = DenseLayer.zeros("fc3", 12, 5);
    TestModels.fill(fc3.weights(), r, 0.6);
    TestModels.fill(fc3.bias(), r, 0.05);
    return AnnModel.of(
        "dense",
        new TensorShape(1, 6, 6),
        List.of(
            new FlattenLayer("flat"),
            fc1,
            new ReluLayer("relu1"),
            fc2,
            new ReluLayer("relu2"),
            fc3));
  }

  @Test
  @DisplayName(
      "on a dense network the kernel path gives the simulator's phases, potentials, predictions and adds")
  void denseEqualsSimulator() {
    AnnModel model = denseModel(11);
    LabeledImages data = TestModels.selfLabelled(model, 80, 5);
    ConvertedNetwork snn = new AnnToSnnConverter(99.9).convert(model, data);
    assertEquivalent(snn, data, PhaseCoding.rootOfTwo(2, 8), 16);
  }

  @Test
  @DisplayName(
      "conv, residual and max-pool stages also match, since convolutions are already CSR fan-outs")
  void convolutionalEqualsSimulator() {
    AnnModel model = TestModels.convertible(7);
    LabeledImages data = TestModels.selfLabelled(model, 60, 3);
    ConvertedNetwork snn = new AnnToSnnConverter(99.9).convert(model, data);
    assertEquivalent(snn, data, PhaseCoding.rootOfTwo(1, 8), 7);
    assertEquivalent(snn, data, PhaseCoding.rootOfTwo(4, 10), 60);
  }

  private static void assertEquivalent(
      ConvertedNetwork snn, LabeledImages data, PhaseCoding coding, int batch) {
    OneSpikeSimulator reference = new OneSpikeSimulator(snn, coding);
    LoopAccelerator kernel = new LoopAccelerator();
    AcceleratedOneSpikeSimulator accel = new AcceleratedOneSpikeSimulator(snn, coding, kernel);
    int[] offsets = new int[data.count()];
    for (int i = 0; i < offsets.length; i++) {
      offsets[i] = data.offset(i);
    }
    AcceleratedOneSpikeSimulator.Batch run = accel.run(data.pixels(), offsets);
    int last = snn.stageCount() - 1;
    float[] phi = coding.phaseWeights();
    for (int i = 0; i < data.count(); i++) {
      int[][] expected = reference.phases(data.pixels(), data.offset(i));
      for (int s = 0; s < snn.stageCount(); s++) {
        assertThat(run.phases()[i][s]).as("sample %d stage %d", i, s).containsExactly(expected[s]);
      }
      float[] potentials = reference.outputPotentials(data.pixels(), data.offset(i));
      for (int c = 0; c < potentials.length; c++) {
        assertThat(run.currents()[i][last][c])
            .isCloseTo(potentials[c], within(1e-4f * (1 + Math.abs(potentials[c]))));
      }
      assertThat(run.predictions()[i]).isEqualTo(reference.predict(data.pixels(), data.offset(i)));
      // Every stage's current is sum_k B^-k (S_k x W) + b, recomputed here in double from the
      // source phases.
      for (int s = 1; s < snn.stageCount(); s++) {
        if (snn.kind(s) == StageKind.MAX_POOL) {
          assertThat(run.currents()[i][s]).isNull();
          continue;
        }
        double[] v = new double[snn.neurons(s)];
        float[] bias = snn.stageList().get(s).bias();
        for (int j = 0; j < v.length; j++) {
          v[j] = bias[j];
        }
        int[] sources = snn.sources(s);
        for (int t = 0; t < sources.length; t++) {
          CsrMatrix w = snn.fanouts(s).get(t);
          int[] src = expected[sources[t]];
          for (int j = 0; j < src.length; j++) {
            if (src[j] < 0) {
              continue;
            }
            for (int q = w.rowPointers()[j]; q < w.rowPointers()[j + 1]; q++) {
              v[w.columnIndices()[q]] += (double) phi[src[j]] * w.values()[q];
            }
          }
        }
        for (int j = 0; j < v.length; j++) {
          assertThat((double) run.currents()[i][s][j])
              .isCloseTo(v[j], within(1e-4 * (1 + Math.abs(v[j]))));
        }
      }
    }
    SnnEvaluation ref = reference.evaluate(data, 1);
    int before = kernel.calls;
    AcceleratedOneSpikeSimulator.AcceleratedEvaluation e = accel.evaluate(data, batch);
    assertThat(e.backend()).isEqualTo("test-loops");
    assertThat(e.kernelCalls()).isEqualTo(kernel.calls - before).isPositive();
    assertThat(e.kernelAdds()).isEqualTo(ref.synapticOps()).isPositive();
    assertThat(e.evaluation().synapticOps()).isEqualTo(ref.synapticOps());
    assertThat(e.evaluation().neuronOps()).isEqualTo(ref.neuronOps());
    assertThat(e.evaluation().spikes()).isEqualTo(ref.spikes());
    assertThat(e.evaluation().correct()).isEqualTo(ref.correct());
    assertThat(e.evaluation().timesteps()).isEqualTo(ref.timesteps());
    assertThat(run.kernelAdds()).isEqualTo(ref.synapticOps());
  }

  @Test
  @DisplayName(
      "batching does not change the results, and one kernel call serves a whole batch per term")
  void batchSizeIsInvisible() {
    AnnModel model = denseModel(3);
    LabeledImages data = TestModels.selfLabelled(model, 30, 9);
    ConvertedNetwork snn = new AnnToSnnConverter(99.9).convert(model, data);
    PhaseCoding coding = PhaseCoding.rootOfTwo(1, 8);
    LoopAccelerator kernel = new LoopAccelerator();
    AcceleratedOneSpikeSimulator accel = new AcceleratedOneSpikeSimulator(snn, coding, kernel);
    var one = accel.evaluate(data, 1);
    var all = accel.evaluate(data, 30);
    assertThat(all.evaluation().correct()).isEqualTo(one.evaluation().correct());
    assertThat(all.kernelAdds()).isEqualTo(one.kernelAdds());
    assertThat(all.kernelCalls()).isLessThanOrEqualTo(3).isLessThan(one.kernelCalls());
    assertThat(accel.latency()).isEqualTo(new OneSpikeSimulator(snn, coding).latency());
  }

  @Test
  @DisplayName("a backend that only models hardware is refused with its name")
  void refusesModelOnlyBackend() {
    AnnModel model = denseModel(3);
    LabeledImages data = TestModels.selfLabelled(model, 10, 9);
    ConvertedNetwork snn = new AnnToSnnConverter(99.9).convert(model, data);
    Accelerator modelOnly =
        new Accelerator() {
          @Override
          public String name() {
            return "paper-model";
          }

          @Override
          public String description() {
            return "models only";
          }

          @Override
          public HardwareReport evaluate(Workload workload, EnergyModel energy) {
            throw new UnsupportedOperationException();
          }
        };
    assertThatThrownBy(
            () -> new AcceleratedOneSpikeSimulator(snn, PhaseCoding.rootOfTwo(1, 8), modelOnly))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("paper-model");
  }
}
