package org.snncodesign.learning.surrogate;

import java.util.Arrays;
import org.snncodesign.api.Checks;
import org.snncodesign.api.sparse.BitmapMatrix;
import org.snncodesign.api.sparse.CsrMatrix;

/**
 * A fully connected synapse layer {@code inputs -> outputs} of a {@link SpikingNetwork}: weights,
 * biases and, once quantised, the bit width and step of its weights.
 *
 * <p>Weights are stored pre-major: the synapse from presynaptic {@code i} to postsynaptic {@code j}
 * is {@code weights[i * outputs + j]}. That is the orientation of {@link CsrMatrix} rows = pre,
 * cols = post used by the learning rules and the sparse kernels, and it lets a spike of input
 * {@code i} add one contiguous row to the currents (event-driven, vectorisable). The arrays are the
 * live parameters: a trainer writes them in place.
 */
public final class DenseLayer extends WeightedLayer implements SpikingLayer {
  private final int inputs;
  private final int outputs;

  /**
   * Wraps the arrays (not copied).
   *
   * @param bits weight bit width when quantised (2..8), 0 for full-precision floats
   * @param scale the quantisation step when {@code bits > 0} (each weight is an integer times it),
   *     else 0
   */
  public DenseLayer(int inputs, int outputs, float[] weights, float[] bias, int bits, float scale) {
    super(weights, bias);
    this.inputs = Checks.positive(inputs, "inputs");
    this.outputs = Checks.positive(outputs, "outputs");
    Checks.checkArgument(
        weights.length == (long) inputs * outputs,
        "layer %d -> %d needs %d weights, got %d",
        inputs,
        outputs,
        (long) inputs * outputs,
        weights.length);
    Checks.checkArgument(
        bias.length == outputs,
        "layer %d -> %d needs %d biases, got %d",
        inputs,
        outputs,
        outputs,
        bias.length);
    setQuantization(bits, scale);
  }

  /** A full-precision layer of zero weights and biases. */
  public DenseLayer(int inputs, int outputs) {
    this(
        inputs, outputs, new float[Math.multiplyExact(inputs, outputs)], new float[outputs], 0, 0f);
  }

  @Override
  public int inputs() {
    return inputs;
  }

  @Override
  public int outputs() {
    return outputs;
  }

  /** {@link #inputs()}: one weight row per presynaptic input. */
  @Override
  public int weightRows() {
    return inputs;
  }

  /** {@link #outputs()}. */
  @Override
  public int weightCols() {
    return outputs;
  }

  /** The non-zero weights as CSR, rows = presynaptic inputs, columns = postsynaptic outputs. */
  public CsrMatrix toCsr() {
    return CsrMatrix.fromDense(inputs, outputs, weights);
  }

  /** The non-zero weights as an occupancy bitmap plus values (the FireFly-S weight format). */
  public BitmapMatrix toBitmap() {
    return BitmapMatrix.fromCsr(toCsr());
  }

  /** A deep copy. */
  @Override
  public DenseLayer copy() {
    return new DenseLayer(inputs, outputs, weights.clone(), bias.clone(), bits, scale);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DenseLayer l
        && l.inputs == inputs
        && l.outputs == outputs
        && l.bits == bits
        && Float.floatToIntBits(l.scale) == Float.floatToIntBits(scale)
        && Arrays.equals(l.weights, weights)
        && Arrays.equals(l.bias, bias);
  }

  @Override
  public int hashCode() {
    return (Arrays.hashCode(weights) * 31 + Arrays.hashCode(bias)) * 31 + bits;
  }

  @Override
  public String toString() {
    return "DenseLayer[" + inputs + " -> " + outputs + (bits > 0 ? ", " + bits + "-bit" : "") + "]";
  }
}
