package org.snncodesign.spmm.study;

import org.snncodesign.api.Checks;
import org.snncodesign.api.sparse.CsrMatrix;
import org.snncodesign.api.spike.SpikeRaster;
import org.snncodesign.spmm.workload.RandomSpmmOperands;

/**
 * One spiking layer's product {@code S (rows x inputs) x W (inputs x outputs)} with seeded
 * synthetic operands: the spikes drawn with {@code seed}, the weights with {@code seed + 1}, so
 * that one seed fixes both and the two never share a random stream.
 *
 * @param rows rows of S: time steps x batch
 * @param inputs K, presynaptic neurons
 * @param outputs M, postsynaptic neurons
 * @param seed seed of the operands
 */
public record SpmmLayer(int rows, int inputs, int outputs, long seed) {
  /** Checks that every dimension is positive. */
  public SpmmLayer {
    Checks.positive(rows, "rows");
    Checks.positive(inputs, "inputs");
    Checks.positive(outputs, "outputs");
  }

  /** The spikes: each (row, input) cell spikes with probability {@code spikeRate}. */
  public SpikeRaster spikes(double spikeRate) {
    return RandomSpmmOperands.spikes(rows, inputs, spikeRate, seed);
  }

  /**
   * The weights: each entry is zero with probability {@code weightSparsity}, else uniform in [-1,
   * 1).
   */
  public CsrMatrix weights(double weightSparsity) {
    Checks.checkArgument(
        weightSparsity >= 0 && weightSparsity <= 1,
        "weight sparsity must be in [0, 1], got %s",
        weightSparsity);
    return RandomSpmmOperands.weights(inputs, outputs, 1 - weightSparsity, seed + 1);
  }
}
