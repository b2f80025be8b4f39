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

  /** input 2x9x9: conv 3x3 s2 p1 (4) - bn - relu - conv 3x3 s1 p1 (4) - residual(relu1) - relu - maxpool 2 ... */
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
    List<AnnLayer> layers = List.of(conv1, bn, new ReluLayer("relu1"), conv2,
        new ResidualAddLayer("add", "relu1"), new ReluLayer("relu2"), new AvgPoolLayer("avg", 2, 1),
        new MaxPoolLayer("max", 2, 2), new FlattenLayer("flat"), fc);
    return AnnModel.of("every-kind", new TensorShape(2, 9, 9), layers);
  }
}
