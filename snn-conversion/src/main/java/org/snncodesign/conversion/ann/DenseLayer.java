package org.snncodesign.conversion.ann;

import org.snncodesign.api.Checks;

/**
 * Fully connected layer {@code y = W x + b}, with {@code W} stored row-major as {@code
 * [outputs][inputs]} (the layout of PyTorch's {@code nn.Linear} and ONNX {@code Gemm} with {@code
 * transB = 1}).
 *
 * @param name layer name
 * @param inputs input width; the input tensor is read in channel-major order
 * @param outputs output width
 * @param weights {@code outputs * inputs} values
 * @param bias {@code outputs} values
 */
public record DenseLayer(String name, int inputs, int outputs, float[] weights, float[] bias)
    implements AnnLayer {
  public DenseLayer {
    Checks.checkArgument(name != null && !name.isBlank(), "a layer needs a name");
    Checks.positive(inputs, "inputs of layer " + name);
    Checks.positive(outputs, "outputs of layer " + name);
    Checks.checkArgument(
        weights != null && weights.length == (long) inputs * outputs,
        "layer '%s': weights need %d x %d values, got %s",
        name,
        outputs,
        inputs,
        weights == null ? "none" : weights.length);
    Checks.checkArgument(
        bias != null && bias.length == outputs,
        "layer '%s': bias needs %d values, got %s",
        name,
        outputs,
        bias == null ? "none" : bias.length);
  }

  /** A layer with zero weights and bias. */
  public static DenseLayer zeros(String name, int inputs, int outputs) {
    return new DenseLayer(name, inputs, outputs, new float[inputs * outputs], new float[outputs]);
  }

  @Override
  public TensorShape outputShape(TensorShape in) {
    ShapeChecks.require(
        in.size() == inputs, name, "expects %d inputs, got %s = %d", inputs, in, in.size());
    return TensorShape.vector(outputs);
  }
}
