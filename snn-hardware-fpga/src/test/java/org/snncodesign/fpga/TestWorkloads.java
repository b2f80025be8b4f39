package org.snncodesign.fpga;

import java.util.List;
import java.util.Random;
import org.snncodesign.api.hardware.LayerWorkload;
import org.snncodesign.api.hardware.Workload;
import org.snncodesign.api.sparse.CsrMatrix;
import org.snncodesign.api.spike.SpikeRaster;
import org.snncodesign.fpga.search.ReferenceWorkloads;

/** Small hand-made and seeded random workloads for the model tests. */
public final class TestWorkloads {
  private TestWorkloads() {}

  /** A raster from rows of spiking neuron indices, one row per step. */
  public static SpikeRaster raster(int neurons, int[]... spikingPerStep) {
    SpikeRaster raster = new SpikeRaster(spikingPerStep.length, neurons);
    for (int t = 0; t < spikingPerStep.length; t++) {
      for (int n : spikingPerStep[t]) {
        raster.set(t, n);
      }
    }
    return raster;
  }

  public static Workload single(SpikeRaster spikes, CsrMatrix weights, int weightBits) {
    return new Workload("test", List.of(LayerWorkload.measured("l0", spikes, weights, weightBits)));
  }

  /** Bernoulli spikes of rate {@code rate}. */
  public static SpikeRaster randomRaster(Random random, int steps, int neurons, double rate) {
    return ReferenceWorkloads.bernoulliRaster(random, steps, neurons, rate);
  }

  /**
   * Brute-force count of (spike, non-zero weight) pairs: the accumulates a sparsity-skipping array
   * performs.
   */
  public static long synapticPairs(SpikeRaster spikes, CsrMatrix weights) {
    int[] pointers = weights.rowPointers();
    float[] values = weights.values();
    long pairs = 0;
    for (int t = 0; t < spikes.timeSteps(); t++) {
      for (int i = 0; i < weights.rows(); i++) {
        if (spikes.get(t, i)) {
          for (int p = pointers[i]; p < pointers[i + 1]; p++) {
            pairs += values[p] != 0f ? 1 : 0;
          }
        }
      }
    }
    return pairs;
  }

  /**
   * Weights with density {@code density}, non-zero values uniform in [-maxAbs, maxAbs] \ {0}
   * (integers).
   */
  public static CsrMatrix randomWeights(
      Random random, int rows, int cols, double density, int maxAbs) {
    float[] dense = new float[rows * cols];
    for (int k = 0; k < dense.length; k++) {
      if (random.nextDouble() < density) {
        int v = random.nextInt(maxAbs) + 1;
        dense[k] = random.nextBoolean() ? v : -v;
      }
    }
    return CsrMatrix.fromDense(rows, cols, dense);
  }
}
