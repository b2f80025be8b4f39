package org.snncodesign.conversion.training;

import java.util.List;
import java.util.SplittableRandom;
import org.snncodesign.api.Checks;
import org.snncodesign.conversion.ann.AnnLayer;
import org.snncodesign.conversion.ann.AnnModel;
import org.snncodesign.conversion.ann.AvgPoolLayer;
import org.snncodesign.conversion.ann.Conv2dLayer;
import org.snncodesign.conversion.ann.DenseLayer;
import org.snncodesign.conversion.ann.FlattenLayer;
import org.snncodesign.conversion.ann.MaxPoolLayer;
import org.snncodesign.conversion.ann.ReluLayer;
import org.snncodesign.conversion.ann.TensorShape;

/** Default networks for the trainer, initialised with He-uniform weights and zero biases. */
public final class CnnArchitectures {
  private CnnArchitectures() {}

  /**
   * A LeNet-class CNN for {@code 1 x 28 x 28} inputs (LeCun et al., Proc. IEEE 1998, with ReLU and
   * max pooling): conv 5x5 ({@code c1} filters) - ReLU - maxpool 2 - conv 5x5 ({@code c2}) - ReLU -
   * maxpool 2 - flatten - dense ({@code hidden}) - ReLU - dense ({@code classes}). Biases are used
   * throughout.
   */
  public static AnnModel lenet(
      int channels, int size, int c1, int c2, int hidden, int classes, long seed) {
    Checks.checkArgument(size >= 16, "lenet needs images of at least 16 x 16, got %d", size);
    int s1 = (size - 4) / 2;
    int s2 = (s1 - 4) / 2;
    Checks.checkArgument(s2 >= 1, "image size %d is too small for two 5x5 convolutions", size);
    SplittableRandom random = new SplittableRandom(seed);
    Conv2dLayer conv1 = Conv2dLayer.zeros("conv1", channels, c1, 5, 1, 0);
    Conv2dLayer conv2 = Conv2dLayer.zeros("conv2", c1, c2, 5, 1, 0);
    DenseLayer fc1 = DenseLayer.zeros("fc1", c2 * s2 * s2, hidden);
    DenseLayer fc2 = DenseLayer.zeros("fc2", hidden, classes);
    heUniform(conv1.weights(), conv1.fanIn(), random);
    heUniform(conv2.weights(), conv2.fanIn(), random);
    heUniform(fc1.weights(), fc1.inputs(), random);
    heUniform(fc2.weights(), fc2.inputs(), random);
    List<AnnLayer> layers =
        List.of(
            conv1,
            new ReluLayer("relu1"),
            new MaxPoolLayer("pool1", 2, 2),
            conv2,
            new ReluLayer("relu2"),
            new MaxPoolLayer("pool2", 2, 2),
            new FlattenLayer("flatten"),
            fc1,
            new ReluLayer("relu3"),
            fc2);
    return AnnModel.of(
        "lenet-" + c1 + "-" + c2 + "-" + hidden, new TensorShape(channels, size, size), layers);
  }

  /**
   * The small CNN for the embedded {@code 1 x 8 x 8} digits (10 classes), named {@code digits-cnn}:
   * conv 3x3 (16 filters, zero padding 1) - ReLU - average pool 2 - flatten - dense 64 - ReLU -
   * dense 10. Average pooling keeps it exportable to NIR, which has no max pooling.
   */
  public static AnnModel digits(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Conv2dLayer conv = Conv2dLayer.zeros("conv", 1, 16, 3, 1, 1);
    DenseLayer hidden = DenseLayer.zeros("fc1", 16 * 4 * 4, 64);
    DenseLayer output = DenseLayer.zeros("fc2", 64, 10);
    heUniform(conv.weights(), conv.fanIn(), random);
    heUniform(hidden.weights(), hidden.inputs(), random);
    heUniform(output.weights(), output.inputs(), random);
    return AnnModel.of(
        "digits-cnn",
        new TensorShape(1, 8, 8),
        List.of(
            conv,
            new ReluLayer("relu1"),
            new AvgPoolLayer("pool", 2, 2),
            new FlattenLayer("flatten"),
            hidden,
            new ReluLayer("relu2"),
            output));
  }

  /** The default MNIST CNN: {@code lenet(1, 28, 16, 32, 128, 10, seed)}. */
  public static AnnModel mnistDefault(long seed) {
    return lenet(1, 28, 16, 32, 128, 10, seed);
  }

  /**
   * He-uniform initialisation (He et al., ICCV 2015): uniform in {@code [-sqrt(6 / fanIn), sqrt(6 /
   * fanIn)]}, which keeps the activation variance constant through ReLU layers.
   */
  public static void heUniform(float[] weights, int fanIn, SplittableRandom random) {
    double limit = Math.sqrt(6.0 / fanIn);
    for (int i = 0; i < weights.length; i++) {
      weights[i] = (float) ((random.nextDouble() * 2 - 1) * limit);
    }
  }
}
