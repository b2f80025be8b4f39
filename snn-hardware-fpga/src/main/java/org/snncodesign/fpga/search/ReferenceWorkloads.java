package org.snncodesign.fpga.search;

import java.util.List;
import java.util.Random;
import org.snncodesign.api.Checks;
import org.snncodesign.api.hardware.LayerWorkload;
import org.snncodesign.api.hardware.Workload;
import org.snncodesign.api.sparse.CsrMatrix;
import org.snncodesign.api.spike.SpikeRaster;

/**
 * Seeded synthetic workloads for the hardware commands when no network is named. They have the
 * shape and sparsity of an MNIST spiking MLP but are <b>not</b> a trained network: spikes are
 * Bernoulli and weights random.
 */
public final class ReferenceWorkloads {
  private ReferenceWorkloads() {}

  /**
   * A 784-500-10 MLP over {@code steps} steps: input spike rate 0.15 (about the ink fraction of
   * MNIST digits under rate coding), hidden rate 0.10, weight density {@code weightDensity} (1 -
   * sparsity), 4-bit weights.
   */
  public static Workload mnistMlp(int steps, double weightDensity, long seed) {
    Checks.positive(steps, "steps");
    Checks.checkArgument(
        weightDensity > 0 && weightDensity <= 1,
        "weightDensity must be in (0, 1], got %s",
        weightDensity);
    Random random = new Random(seed);
    return new Workload(
        "synthetic-mnist-784-500-10",
        List.of(
            LayerWorkload.measured(
                "fc1",
                bernoulliRaster(random, steps, 784, 0.15),
                weights(random, 784, 500, weightDensity),
                4),
            LayerWorkload.measured(
                "fc2",
                bernoulliRaster(random, steps, 500, 0.10),
                weights(random, 500, 10, weightDensity),
                4)));
  }

  /** Bernoulli({@code rate}) spikes, drawn step by step, neuron by neuron, from {@code random}. */
  public static SpikeRaster bernoulliRaster(Random random, int steps, int neurons, double rate) {
    SpikeRaster raster = new SpikeRaster(steps, neurons);
    for (int t = 0; t < steps; t++) {
      for (int n = 0; n < neurons; n++) {
        if (random.nextDouble() < rate) {
          raster.set(t, n);
        }
      }
    }
    return raster;
  }

  // Non-zero 4-bit values in [-8, 7] \ {0}.
  private static CsrMatrix weights(Random random, int rows, int cols, double density) {
    float[] dense = new float[rows * cols];
    for (int k = 0; k < dense.length; k++) {
      if (random.nextDouble() < density) {
        int v = random.nextInt(15) - 8;
        dense[k] = v >= 0 ? v + 1 : v;
      }
    }
    return CsrMatrix.fromDense(rows, cols, dense);
  }
}
