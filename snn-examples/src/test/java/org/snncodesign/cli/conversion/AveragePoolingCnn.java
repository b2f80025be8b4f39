package org.snncodesign.cli.conversion;

import java.util.List;
import java.util.SplittableRandom;
import org.snncodesign.conversion.ann.AnnLayer;
import org.snncodesign.conversion.ann.AnnModel;
import org.snncodesign.conversion.ann.AvgPoolLayer;
import org.snncodesign.conversion.ann.Conv2dLayer;
import org.snncodesign.conversion.ann.DenseLayer;
import org.snncodesign.conversion.ann.FlattenLayer;
import org.snncodesign.conversion.ann.ReluLayer;
import org.snncodesign.conversion.ann.TensorShape;
import org.snncodesign.conversion.training.CnnArchitectures;

/**
 * conv 5x5 (4) - ReLU - avgpool 2 - flatten - dense 10 for 1x28x28 input: a CNN NIR can express (no
 * max pool).
 */
public final class AveragePoolingCnn {
  private AveragePoolingCnn() {}

  /** He-uniform weights from {@code seed}, zero biases. */
  public static AnnModel create(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Conv2dLayer conv = Conv2dLayer.zeros("conv1", 1, 4, 5, 1, 0);
    DenseLayer fc = DenseLayer.zeros("fc", 4 * 12 * 12, 10);
    CnnArchitectures.heUniform(conv.weights(), conv.fanIn(), random);
    CnnArchitectures.heUniform(fc.weights(), fc.inputs(), random);
    List<AnnLayer> layers =
        List.of(
            conv,
            new ReluLayer("relu1"),
            new AvgPoolLayer("pool1", 2, 2),
            new FlattenLayer("flatten"),
            fc);
    return AnnModel.of("avg-cnn", new TensorShape(1, 28, 28), layers);
  }
}
