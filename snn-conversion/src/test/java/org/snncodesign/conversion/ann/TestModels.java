package org.snncodesign.conversion.ann;

import java.util.List;
import java.util.SplittableRandom;

/** Small models with every layer kind, for the tests. */
public final class TestModels {
  private TestModels() {}

  public static void fill(float[] values, SplittableRandom random, double scale) {
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) ((random.nextDouble() * 2 - 1) * scale);
    }
  }

  /**
   * input 2x9x9: conv 3x3 s2 p1 (4) - bn - relu - conv 3x3 s1 p1 (4) - residual(relu1) - relu -
   * maxpool 2 ...
   */
  public static AnnModel everyKind(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    Conv2dLayer conv1 = Conv2dLayer.zeros("conv1", 2, 4, 3, 2, 1);
    fill(conv1.weights(), r, 0.5);
    fill(conv1.bias(), r, 0.1);
    float[] gamma = new float[4];
    float[] beta = new float[4];
    float[] mean = new float[4];
    float[] var = new float[4];
    fill(gamma, r, 1);
    fill(beta, r, 0.2);
    fill(mean, r, 0.2);
    for (int c = 0; c < 4; c++) {
      var[c] = (float) (0.5 + r.nextDouble());
    }
    BatchNormLayer bn = new BatchNormLayer("bn1", 4, gamma, beta, mean, var, 1e-5f);
    Conv2dLayer conv2 = Conv2dLayer.zeros("conv2", 4, 4, 3, 1, 1);
    fill(conv2.weights(), r, 0.4);
    fill(conv2.bias(), r, 0.1);
    DenseLayer fc = DenseLayer.zeros("fc", 4 * 2 * 2, 3);
    fill(fc.weights(), r, 0.5);
    fill(fc.bias(), r, 0.1);
    List<AnnLayer> layers =
        List.of(
            conv1,
            bn,
            new ReluLayer("relu1"),
            conv2,
            new ResidualAddLayer("add", "relu1"),
            new ReluLayer("relu2"),
            new AvgPoolLayer("avg", 2, 1),
            new MaxPoolLayer("max", 2, 2),
            new FlattenLayer("flat"),
            fc);
    return AnnModel.of("every-kind", new TensorShape(2, 9, 9), layers);
  }

  /**
   * A model the converter accepts with every convertible kind: conv s2 p1 - bn - relu - conv -
   * residual(relu1) - relu - max pool - avg pool - flatten - dense - relu - dense. Input 2x9x9,
   * values in [0, 1).
   */
  public static AnnModel convertible(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    AnnModel base = everyKind(seed);
    Conv2dLayer conv1 = (Conv2dLayer) base.layers().get(0);
    BatchNormLayer bn = (BatchNormLayer) base.layers().get(1);
    Conv2dLayer conv2 = (Conv2dLayer) base.layers().get(3);
    for (int i = 0; i < conv1.bias().length; i++) {
      bn.beta()[i] = Math.abs(bn.beta()[i]) + 0.1f;
    }
    DenseLayer fc1 = DenseLayer.zeros("fc1", 4 * 2 * 2, 12);
    fill(fc1.weights(), r, 0.8);
    fill(fc1.bias(), r, 0.05);
    DenseLayer fc2 = DenseLayer.zeros("fc2", 12, 4);
    fill(fc2.weights(), r, 0.8);
    fill(fc2.bias(), r, 0.05);
    List<AnnLayer> layers =
        List.of(
            conv1,
            bn,
            new ReluLayer("relu1"),
            conv2,
            new ResidualAddLayer("add", "relu1"),
            new ReluLayer("relu2"),
            new MaxPoolLayer("max", 2, 2),
            new AvgPoolLayer("avg", 1, 1),
            new FlattenLayer("flat"),
            fc1,
            new ReluLayer("relu3"),
            fc2);
    return AnnModel.of("convertible", new TensorShape(2, 9, 9), layers);
  }

  /** conv 3x3 (no padding, 2 -> 3 channels) - relu - flatten - dense 27 -> 4, on 2x5x5 inputs. */
  public static AnnModel unpaddedConv(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    Conv2dLayer conv = Conv2dLayer.zeros("conv", 2, 3, 3, 1, 0);
    TestModels.fill(conv.weights(), r, 0.5);
    TestModels.fill(conv.bias(), r, 0.1);
    DenseLayer fc = DenseLayer.zeros("fc", 27, 4);
    TestModels.fill(fc.weights(), r, 0.5);
    TestModels.fill(fc.bias(), r, 0.1);
    return AnnModel.of(
        "unpadded",
        new TensorShape(2, 5, 5),
        List.of(conv, new ReluLayer("relu"), new FlattenLayer("flat"), fc));
  }

  /** {@code n} uniform random samples in [0, 1) labelled by the ANN's own prediction. */
  public static LabeledImages selfLabelled(AnnModel model, int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    TensorShape shape = model.inputShape();
    float[] px = new float[n * shape.size()];
    for (int i = 0; i < px.length; i++) {
      px[i] = r.nextDouble() < 0.3 ? 0f : (float) r.nextDouble();
    }
    AnnNetwork net = new AnnNetwork(model);
    int[] labels = net.predictAll(new LabeledImages(shape, px, new int[n], 1 << 20), 1);
    return new LabeledImages(shape, px, labels, model.outputs());
  }
}
