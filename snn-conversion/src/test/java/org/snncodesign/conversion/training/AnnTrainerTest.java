package org.snncodesign.conversion.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.snncodesign.conversion.ann.AnnModel;
import org.snncodesign.conversion.ann.AnnNetwork;
import org.snncodesign.conversion.ann.LabeledImages;
import org.snncodesign.conversion.ann.TensorShape;

class AnnTrainerTest {

  /**
   * Three classes of noisy 12x12 images: a bright bar on the left, in the middle, or on the right.
   */
  static LabeledImages bars(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    TensorShape shape = new TensorShape(1, 16, 16);
    float[] px = new float[n * shape.size()];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      int label = r.nextInt(3);
      labels[i] = label;
      int col = 2 + label * 5 + r.nextInt(2);
      for (int y = 0; y < 16; y++) {
        for (int x = 0; x < 16; x++) {
          float v = (float) (r.nextDouble() * 0.3);
          if (x == col || x == col + 1) {
            v += 0.7f;
          }
          px[i * shape.size() + y * 16 + x] = Math.min(1f, v);
        }
      }
    }
    return new LabeledImages(shape, px, labels, 3);
  }

  @Test
  @DisplayName("Adam on two threads trains a small CNN to near-perfect accuracy on synthetic bars")
  void adamLearnsBars() {
    AnnModel model = CnnArchitectures.lenet(1, 16, 4, 8, 16, 3, 1);
    AnnNetwork net = new AnnNetwork(model);
    LabeledImages train = bars(600, 1);
    LabeledImages test = bars(200, 2);
    double before = net.accuracy(test, 2);
    List<String> log = new ArrayList<>();
    List<EpochReport> reports =
        new AnnTrainer(new TrainingSettings(3, 16, 3e-3, 0.7, Optimizer.ADAM, 0, 0, 2, 3))
            .train(net, train, test, log::add);
    assertThat(reports).hasSize(3);
    assertThat(log).hasSize(3).allMatch(l -> l.startsWith("epoch"));
    assertThat(reports.get(2).meanLoss()).isLessThan(reports.get(0).meanLoss());
    assertThat(reports.get(2).testAccuracy()).isGreaterThan(0.95).isGreaterThan(before);
  }

  @Test
  @DisplayName("SGD with momentum also reduces the loss")
  void sgdLearns() {
    AnnNetwork net = new AnnNetwork(CnnArchitectures.lenet(1, 16, 4, 8, 16, 3, 5));
    TrainingSettings sgd = new TrainingSettings(2, 16, 0.05, 1, Optimizer.SGD, 0.9, 1e-4, 1, 3);
    List<EpochReport> reports = new AnnTrainer(sgd).train(net, bars(400, 3), null, s -> {});
    assertThat(reports.get(1).meanLoss()).isLessThan(reports.get(0).meanLoss());
    assertThat(reports.get(1).testAccuracy()).isNaN();
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 3, 16})
  @DisplayName("the same seed gives bit-identical weights and losses on any number of threads")
  void deterministicOnAnyThreadCount(int threads) {
    assertThat(trained(threads)).isEqualTo(trained(1));
  }

  /**
   * Every weight and bias and the epoch loss after one epoch on {@code threads} threads, as text.
   */
  private static String trained(int threads) {
    AnnModel model = CnnArchitectures.lenet(1, 16, 2, 4, 8, 3, 9);
    AnnNetwork network = new AnnNetwork(model);
    List<EpochReport> reports =
        new AnnTrainer(TrainingSettings.adam(1, 5).withThreads(threads))
            .train(network, bars(100, 4), null, x -> {});
    StringBuilder text = new StringBuilder(Double.toString(reports.get(0).meanLoss()));
    for (int i = 0; i < network.layers(); i++) {
      text.append(Arrays.toString(network.weights(i))).append(Arrays.toString(network.bias(i)));
    }
    return text.toString();
  }
}
