package org.snncodesign.conversion.transformer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.api.InvalidInputException;
import org.snncodesign.conversion.training.CrossEntropy;

class VitNetworkTest {
  private static final VitConfig TINY = new VitConfig(1, 4, 4, 2, 4, 2, 2, 6, 3);

  private static float[] randomImage(SplittableRandom r, int n) {
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = (float) r.nextDouble();
    }
    return x;
  }

  @Test
  @DisplayName("the analytic gradient of every parameter matches central finite differences")
  void gradientCheck() {
    VitModel model = VitModel.initialised("tiny", TINY, 3);
    float[] p = model.parameters();
    SplittableRandom r = new SplittableRandom(5);
    // Perturb gains, shifts and biases away from their initial 1 / 0 so their gradients are
    // generic.
    for (int i = 0; i < p.length; i++) {
      p[i] += (float) (0.3 * (r.nextDouble() - 0.5));
    }
    VitNetwork net = new VitNetwork(model);
    VitWorkspace ws = net.newWorkspace();
    float[] x = randomImage(r, TINY.inputSize());
    int label = 1;
    ws.clearGradients();
    net.forward(ws, x, 0);
    net.backward(ws, label);
    float[] analytic = ws.gradients().clone();
    int checked = 0;
    for (int k = 0; k < p.length; k++) {
      float saved = p[k];
      double best = Double.MAX_VALUE;
      double numericBest = 0;
      for (double eps : new double[] {1e-2, 1e-3}) {
        p[k] = (float) (saved + eps);
        double up = loss(net, ws, x, label);
        p[k] = (float) (saved - eps);
        double down = loss(net, ws, x, label);
        p[k] = saved;
        double numeric = (up - down) / (2 * eps);
        if (Math.abs(numeric - analytic[k]) < best) {
          best = Math.abs(numeric - analytic[k]);
          numericBest = numeric;
        }
      }
      assertThat((double) analytic[k])
          .as("parameter %d", k)
          .isCloseTo(numericBest, within(2e-3 + 3e-2 * Math.abs(numericBest)));
      checked++;
    }
    assertThat(checked).isEqualTo(new VitLayout(TINY).size);
  }

  private static double loss(VitNetwork net, VitWorkspace ws, float[] x, int label) {
    return CrossEntropy.of(net.forward(ws, x, 0), label);
  }

  @Test
  @DisplayName(
      "attention rows are probability distributions and layer norm outputs have zero mean, unit variance")
  void invariants() {
    VitModel model = VitModel.initialised("tiny", TINY, 9);
    VitNetwork net = new VitNetwork(model);
    VitWorkspace ws = net.newWorkspace();
    net.forward(ws, randomImage(new SplittableRandom(1), TINY.inputSize()), 0);
    float[] att = ws.attention(0);
    int t = TINY.tokens();
    for (int row = 0; row < TINY.heads() * t; row++) {
      double sum = 0;
      for (int j = 0; j < t; j++) {
        assertThat(att[row * t + j]).isBetween(0f, 1f);
        sum += att[row * t + j];
      }
      assertThat(sum).isCloseTo(1.0, within(1e-5));
    }
    float[] hat = ws.ln1Hat(1);
    for (int i = 0; i < t; i++) {
      double mean = 0;
      double var = 0;
      for (int k = 0; k < TINY.dim(); k++) {
        mean += hat[i * TINY.dim() + k];
        var += hat[i * TINY.dim() + k] * hat[i * TINY.dim() + k];
      }
      assertThat(mean / TINY.dim()).isCloseTo(0, within(1e-5));
      assertThat(var / TINY.dim()).isCloseTo(1, within(1e-3));
    }
  }

  @Test
  @DisplayName(
      "a model survives the JSON round trip bit-exact and a wrong parameter count is refused")
  void jsonRoundTrip() {
    VitModel model = VitModel.initialised("tiny", TINY, 11);
    VitModel back = VitJson.fromJson(VitJson.toJson(model));
    assertThat(back).isEqualTo(model);
    assertThat(VitJson.toJson(back)).isEqualTo(VitJson.toJson(model));
    String broken = VitJson.toJson(model).replace("\"parameters\":[", "\"parameters\":[1.0,");
    assertThatThrownBy(() -> VitJson.fromJson(broken))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("parameters");
  }

  @Test
  @DisplayName("MACs count projections, both attention products, the MLP and the head")
  void macs() {
    VitConfig c = VitConfig.mnist();
    long t = 16;
    long d = 48;
    long expected = t * d * 49 + t * (4 * d * d + 2 * d * 96) + 2 * t * t * d + 10 * d;
    assertThat(VitModel.initialised("m", c, 1).macs()).isEqualTo(expected);
  }
}
