package org.snncodesign.conversion.onnx;

import java.util.Arrays;
import org.snncodesign.api.dataset.InputNormalization;

/**
 * The arithmetic an ONNX graph does on its input before the first layer (PyTorch's {@code (x -
 * mean) / std} written into the model), kept as {@code (x - m_c) / s_c} per channel so that the
 * import records it as the model's {@link InputNormalization} instead of a layer a spiking network
 * has no counterpart for. {@code Sub}, {@code Add}, {@code Div} and {@code Mul} by positive
 * constants compose exactly: a {@code Sub} of {@code c} adds {@code c s} to {@code m}, a {@code
 * Div} by {@code c} multiplies {@code s} by {@code c}.
 */
final class InputAffine {
  private float[] mean;
  private float[] std;

  /**
   * Composes {@code y = x (op) c} onto the normalisation; false (and unchanged) when it is no
   * normalisation step: a scale that is not positive, or values per channel that differ in count
   * from earlier ones.
   */
  boolean compose(Node node, float[] c) {
    String op = node.opType();
    boolean scales = op.equals("Mul") || op.equals("Div");
    for (float v : c) {
      if (scales && !(v > 0 && Float.isFinite(v))) {
        return false;
      }
    }
    if (mean == null) {
      mean = new float[c.length];
      std = new float[c.length];
      Arrays.fill(std, 1f);
    } else if (mean.length != c.length) {
      return false;
    }
    for (int k = 0; k < c.length; k++) {
      switch (op) {
        case "Sub" -> mean[k] += c[k] * std[k];
        case "Add" -> mean[k] -= c[k] * std[k];
        case "Div" -> std[k] *= c[k];
        case "Mul" -> std[k] /= c[k];
        default -> throw node.fail("operator " + op + " is no normalisation step");
      }
    }
    return true;
  }

  /** Whether any arithmetic was composed. */
  boolean changes() {
    return mean != null;
  }

  /** The composed normalisation, on pixels / 255 (what the ONNX file's input is taken to be). */
  InputNormalization normalization() {
    return InputNormalization.of(mean, std);
  }
}
