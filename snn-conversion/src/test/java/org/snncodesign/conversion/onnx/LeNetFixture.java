package org.snncodesign.conversion.onnx;

import static org.snncodesign.conversion.onnx.OnnxWriter.floatAttr;
import static org.snncodesign.conversion.onnx.OnnxWriter.floatTensor;
import static org.snncodesign.conversion.onnx.OnnxWriter.intAttr;
import static org.snncodesign.conversion.onnx.OnnxWriter.ints;
import static org.snncodesign.conversion.onnx.OnnxWriter.longTensor;
import static org.snncodesign.conversion.onnx.OnnxWriter.node;
import static org.snncodesign.conversion.onnx.OnnxWriter.tensorAttr;
import static org.snncodesign.conversion.onnx.OnnxWriter.valueInfo;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A LeNet-like CNN as {@code torch.onnx.export} writes it, with seeded random weights, and a naive
 * reference forward pass written from the ONNX operator definitions (independent of the ANN code
 * under test).
 *
 * <p>input 1x12x12 - Conv 3x3 pad 1 (4) - Relu - MaxPool 2 - Conv 3x3 (6) - BatchNormalization -
 * Relu - MaxPool 2 - Flatten (or Reshape [-1, 24]) - Gemm transB=1 (10) - Relu - MatMul (3) - Add
 * bias - Softmax.
 */
final class LeNetFixture {
  final float[] w1 = new float[4 * 9];
  final float[] b1 = new float[4];
  final float[] w2 = new float[6 * 4 * 9];
  final float[] b2 = new float[6];
  final float[] gamma = new float[6];
  final float[] beta = new float[6];
  final float[] mean = new float[6];
  final float[] var = new float[6];
  final float[] w3 = new float[10 * 24];
  final float[] b3 = new float[10];
  final float[] w4 = new float[10 * 3]; // MatMul's B: [in = 10][out = 3]
  final float[] b4 = new float[3];
  static final float EPS = 1e-3f;

  LeNetFixture(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    for (float[] a : new float[][] {w1, b1, w2, b2, gamma, beta, mean, w3, b3, w4, b4}) {
      for (int i = 0; i < a.length; i++) {
        a[i] = (float) (r.nextDouble() * 2 - 1) * 0.6f;
      }
    }
    for (int i = 0; i < var.length; i++) {
      var[i] = (float) (0.3 + r.nextDouble());
    }
  }

  /**
   * The exported bytes.
   *
   * @param reshape flatten with {@code Reshape} and a {@code Constant} shape instead of {@code
   *     Flatten}
   * @param raw weights in {@code raw_data} (PyTorch) rather than {@code float_data}
   * @param legacyInputs list the initializers among the graph inputs, as exporters before IR 4 did
   */
  byte[] bytes(boolean reshape, boolean raw, boolean legacyInputs) {
    OnnxWriter.Graph g = new OnnxWriter.Graph();
    g.init(floatTensor("conv1.weight", new long[] {4, 1, 3, 3}, w1, raw));
    g.init(floatTensor("conv1.bias", new long[] {4}, b1, raw));
    g.init(floatTensor("conv2.weight", new long[] {6, 4, 3, 3}, w2, raw));
    g.init(floatTensor("conv2.bias", new long[] {6}, b2, raw));
    g.init(floatTensor("bn.weight", new long[] {6}, gamma, raw));
    g.init(floatTensor("bn.bias", new long[] {6}, beta, raw));
    g.init(floatTensor("bn.running_mean", new long[] {6}, mean, raw));
    g.init(floatTensor("bn.running_var", new long[] {6}, var, raw));
    g.init(floatTensor("fc1.weight", new long[] {10, 24}, w3, raw));
    g.init(floatTensor("fc1.bias", new long[] {10}, b3, raw));
    g.init(floatTensor("onnx::MatMul_20", new long[] {10, 3}, w4, raw));
    g.init(floatTensor("fc2.bias", new long[] {3}, b4, raw));
    g.inputs.add(valueInfo("input", -1, 1, 12, 12));
    if (legacyInputs) {
      g.inputs.add(valueInfo("conv1.weight", 4, 1, 3, 3));
      g.inputs.add(valueInfo("fc2.bias", 3));
    }
    g.outputs.add(valueInfo("output", -1, 3));
    g.node(
        node(
            "/conv1/Conv",
            "Conv",
            List.of("input", "conv1.weight", "conv1.bias"),
            List.of("/conv1/Conv_out"),
            ints("dilations", 1, 1),
            intAttr("group", 1),
            ints("kernel_shape", 3, 3),
            ints("pads", 1, 1, 1, 1),
            ints("strides", 1, 1)));
    g.node(node("/relu1/Relu", "Relu", List.of("/conv1/Conv_out"), List.of("/relu1/Relu_out")));
    g.node(
        node(
            "/pool1/MaxPool",
            "MaxPool",
            List.of("/relu1/Relu_out"),
            List.of("/pool1/MaxPool_out"),
            intAttr("ceil_mode", 0),
            ints("kernel_shape", 2, 2),
            ints("pads", 0, 0, 0, 0),
            ints("strides", 2, 2)));
    g.node(
        node(
            "/conv2/Conv",
            "Conv",
            List.of("/pool1/MaxPool_out", "conv2.weight", "conv2.bias"),
            List.of("/conv2/Conv_out"),
            ints("kernel_shape", 3, 3),
            ints("strides", 1, 1)));
    g.node(
        node(
            "/bn/BatchNormalization",
            "BatchNormalization",
            List.of("/conv2/Conv_out", "bn.weight", "bn.bias", "bn.running_mean", "bn.running_var"),
            List.of("/bn/BN_out"),
            floatAttr("epsilon", EPS),
            floatAttr("momentum", 0.9f)));
    g.node(node("/relu2/Relu", "Relu", List.of("/bn/BN_out"), List.of("/relu2/Relu_out")));
    g.node(
        node(
            "/pool2/MaxPool",
            "MaxPool",
            List.of("/relu2/Relu_out"),
            List.of("/pool2/MaxPool_out"),
            ints("kernel_shape", 2, 2),
            ints("strides", 2, 2)));
    if (reshape) {
      g.node(
          node(
              "/Constant",
              "Constant",
              List.of(),
              List.of("/Constant_out"),
              tensorAttr("value", longTensor("", new long[] {2}, new long[] {-1, 24}))));
      g.node(
          node(
              "/Reshape",
              "Reshape",
              List.of("/pool2/MaxPool_out", "/Constant_out"),
              List.of("/flat_out")));
    } else {
      g.node(
          node(
              "/Flatten",
              "Flatten",
              List.of("/pool2/MaxPool_out"),
              List.of("/flat_out"),
              intAttr("axis", 1)));
    }
    g.node(
        node(
            "/fc1/Gemm",
            "Gemm",
            List.of("/flat_out", "fc1.weight", "fc1.bias"),
            List.of("/fc1/Gemm_out"),
            floatAttr("alpha", 1f),
            floatAttr("beta", 1f),
            intAttr("transB", 1)));
    g.node(node("/relu3/Relu", "Relu", List.of("/fc1/Gemm_out"), List.of("/relu3/Relu_out")));
    g.node(
        node(
            "/fc2/MatMul",
            "MatMul",
            List.of("/relu3/Relu_out", "onnx::MatMul_20"),
            List.of("/fc2/MatMul_out")));
    g.node(
        node("/fc2/Add", "Add", List.of("fc2.bias", "/fc2/MatMul_out"), List.of("/fc2/Add_out")));
    g.node(
        node(
            "/Softmax", "Softmax", List.of("/fc2/Add_out"), List.of("output"), intAttr("axis", 1)));
    return OnnxWriter.model(17, g.build());
  }

  /**
   * Logits (the input of the final Softmax) for one 1x12x12 image, computed naively in double
   * precision.
   */
  double[] reference(float[] x) {
    double[] a = OnnxReference.conv(toDouble(x), 1, 12, 12, w1, b1, 4, 3, 1, 1);
    OnnxReference.relu(a);
    a = OnnxReference.maxPool(a, 4, 12, 12, 2, 2);
    a = OnnxReference.conv(a, 4, 6, 6, w2, b2, 6, 3, 1, 0);
    for (int c = 0; c < 6; c++) {
      for (int k = 0; k < 16; k++) {
        int i = c * 16 + k;
        a[i] = gamma[c] * (a[i] - mean[c]) / Math.sqrt(var[c] + EPS) + beta[c];
      }
    }
    OnnxReference.relu(a);
    a = OnnxReference.maxPool(a, 6, 4, 4, 2, 2);
    double[] h = OnnxReference.gemm(a, w3, b3, 24, 10, true, 1, 1);
    OnnxReference.relu(h);
    return OnnxReference.gemm(h, w4, b4, 10, 3, false, 1, 1);
  }

  static double[] toDouble(float[] x) {
    double[] d = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      d[i] = x[i];
    }
    return d;
  }
}
