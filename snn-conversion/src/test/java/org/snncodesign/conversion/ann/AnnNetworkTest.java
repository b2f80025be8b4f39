package org.snncodesign.conversion.ann;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AnnNetworkTest {

  /** Textbook convolution, straight from the definition. */
  private static float[] referenceConv(Conv2dLayer c, TensorShape in, float[] x) {
    TensorShape out = c.outputShape(in);
    float[] y = new float[out.size()];
    for (int o = 0; o < c.outChannels(); o++) {
      for (int i = 0; i < out.height(); i++) {
        for (int j = 0; j < out.width(); j++) {
          double sum = c.bias()[o];
          for (int ch = 0; ch < c.inChannels(); ch++) {
            for (int u = 0; u < c.kernelHeight(); u++) {
              for (int v = 0; v < c.kernelWidth(); v++) {
                int r = i * c.stride() - c.padding() + u;
                int s = j * c.stride() - c.padding() + v;
                if (r >= 0 && r < in.height() && s >= 0 && s < in.width()) {
                  sum +=
                      c.weights()[
                              ((o * c.inChannels() + ch) * c.kernelHeight() + u) * c.kernelWidth()
                                  + v]
                          * x[(ch * in.height() + r) * in.width() + s];
                }
              }
            }
          }
          y[(o * out.height() + i) * out.width() + j] = (float) sum;
        }
      }
    }
    return y;
  }

  @Test
  @DisplayName("convolution with stride, padding and a non-square kernel matches the definition")
  void convolutionMatchesDefinition() {
    SplittableRandom r = new SplittableRandom(5);
    for (int[] cfg : new int[][] {{1, 0}, {2, 1}, {3, 2}, {2, 0}}) {
      Conv2dLayer c =
          new Conv2dLayer("c", 3, 2, 3, 2, cfg[0], cfg[1], new float[2 * 3 * 3 * 2], new float[2]);
      TestModels.fill(c.weights(), r, 1);
      TestModels.fill(c.bias(), r, 1);
      TensorShape in = new TensorShape(3, 7, 8);
      float[] x = new float[in.size()];
      TestModels.fill(x, r, 1);
      AnnNetwork net = new AnnNetwork(AnnModel.of("m", in, List.of(c)));
      float[] y = net.forward(net.newWorkspace(), x, 0);
      float[] expected = referenceConv(c, in, x);
      assertThat(y).hasSameSizeAs(expected);
      for (int k = 0; k < y.length; k++) {
        assertThat(y[k])
            .as("stride %d padding %d output %d", cfg[0], cfg[1], k)
            .isCloseTo(expected[k], within(1e-5f));
      }
    }
  }

  @Test
  @DisplayName("pooling, flatten, dense and residual layers compute their definitions")
  void smallLayersComputeDefinitions() {
    TensorShape in = new TensorShape(1, 2, 4);
    float[] x = {1, -2, 3, 4, 5, 6, -7, 8};
    AnnModel model =
        AnnModel.of(
            "m",
            in,
            List.of(
                new ResidualAddLayer("twice", "input"),
                new MaxPoolLayer("max", 2, 2),
                new FlattenLayer("flat"),
                new DenseLayer("fc", 2, 1, new float[] {1, -1}, new float[] {0.5f})));
    AnnNetwork net = new AnnNetwork(model);
    AnnWorkspace ws = net.newWorkspace();
    float[] y = net.forward(ws, x, 0);
    // twice: 2x; max of {2,-4,10,12} = 12, of {6,8,-14,16} = 16; fc = 12 - 16 + 0.5
    assertThat(ws.activation(1)).containsExactly(12f, 16f);
    assertThat(y).containsExactly(-3.5f);
    AnnNetwork avg = new AnnNetwork(AnnModel.of("a", in, List.of(new AvgPoolLayer("avg", 2, 2))));
    assertThat(avg.forward(avg.newWorkspace(), x, 0)).containsExactly(2.5f, 2.0f);
  }

  @Test
  @DisplayName("folding batch norm leaves the network's outputs unchanged")
  void batchNormFoldingPreservesOutputs() {
    AnnModel model = TestModels.everyKind(11);
    AnnModel folded = BatchNormFolding.fold(model);
    assertThat(folded.layers()).noneMatch(l -> l instanceof BatchNormLayer);
    assertThat(folded.layers()).hasSize(model.layers().size() - 1);
    AnnNetwork a = new AnnNetwork(model);
    AnnNetwork b = new AnnNetwork(folded);
    SplittableRandom r = new SplittableRandom(2);
    float[] x = new float[model.inputShape().size()];
    for (int trial = 0; trial < 5; trial++) {
      TestModels.fill(x, r, 1);
      float[] ya = a.forward(a.newWorkspace(), x, 0).clone();
      float[] yb = b.forward(b.newWorkspace(), x, 0);
      for (int k = 0; k < ya.length; k++) {
        assertThat(yb[k]).isCloseTo(ya[k], within(1e-4f));
      }
    }
  }

  @Test
  @DisplayName(
      "MAC count is kernel size times output positions for convolutions plus dense weights")
  void macCount() {
    AnnModel model = TestModels.everyKind(1);
    // conv1: 4x5x5 outputs x 2*3*3; conv2: 4x5x5 x 4*3*3; fc: 16 x 3
    assertThat(model.macs()).isEqualTo(100L * 18 + 100L * 36 + 48);
  }
}
