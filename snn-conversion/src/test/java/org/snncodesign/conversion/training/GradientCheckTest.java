package org.snncodesign.conversion.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.conversion.ann.AnnModel;
import org.snncodesign.conversion.ann.AnnNetwork;
import org.snncodesign.conversion.ann.AnnWorkspace;
import org.snncodesign.conversion.ann.BatchNormFolding;
import org.snncodesign.conversion.ann.TestModels;

class GradientCheckTest {

  private static double loss(AnnNetwork net, AnnWorkspace ws, float[] x, int label) {
    return CrossEntropy.of(net.forward(ws, x, 0), label);
  }

  @Test
  @DisplayName("back-propagated gradients of every parameter match central finite differences")
  void gradientsMatchFiniteDifferences() {
    AnnModel model = BatchNormFolding.fold(TestModels.everyKind(21));
    AnnNetwork net = new AnnNetwork(model);
    AnnWorkspace ws = net.newWorkspace();
    SplittableRandom r = new SplittableRandom(4);
    float[] x = new float[model.inputShape().size()];
    TestModels.fill(x, r, 1);
    int label = 1;
    ws.clearParameterGradients();
    net.forward(ws, x, 0);
    net.backward(ws, label);
    int checked = 0;
    for (int layer = 0; layer < net.layers(); layer++) {
      float[][] params = {net.weights(layer), net.bias(layer)};
      float[][] grads = {ws.weightGradients(layer), ws.biasGradients(layer)};
      if (params[0] == null) {
        continue;
      }
      float[][] analytic = {grads[0].clone(), grads[1].clone()};
      for (int p = 0; p < 2; p++) {
        for (int k = 0; k < params[p].length; k += 3) {
          // ReLU and max-pool kinks can sit within a finite-difference step; take the closer of two
          // steps.
          double best = Double.MAX_VALUE;
          double numeric = 0;
          for (double eps : new double[] {1e-3, 1e-4}) {
            float saved = params[p][k];
            params[p][k] = (float) (saved + eps);
            double up = loss(net, ws, x, label);
            params[p][k] = (float) (saved - eps);
            double down = loss(net, ws, x, label);
            params[p][k] = saved;
            double estimate = (up - down) / (2 * eps);
            if (Math.abs(estimate - analytic[p][k]) < best) {
              best = Math.abs(estimate - analytic[p][k]);
              numeric = estimate;
            }
          }
          assertThat((double) analytic[p][k])
              .as("layer %d param %d[%d]", layer, p, k)
              .isCloseTo(
                  numeric, org.assertj.core.api.Assertions.within(1e-3 + 2e-2 * Math.abs(numeric)));
          checked++;
        }
      }
    }
    assertThat(checked).isGreaterThan(50);
  }

  @Test
  @DisplayName(
      "the input gradient matches finite differences too (through residual and pooling paths)")
  void inputGradientMatches() {
    AnnModel model = BatchNormFolding.fold(TestModels.everyKind(8));
    AnnNetwork net = new AnnNetwork(model);
    AnnWorkspace ws = net.newWorkspace();
    float[] x = new float[model.inputShape().size()];
    TestModels.fill(x, new SplittableRandom(9), 1);
    net.forward(ws, x, 0);
    net.backward(ws, 2);
    float[] analytic = net.inputGradient(ws).clone();
    double eps = 1e-2;
    for (int k = 0; k < x.length; k += 2) {
      float saved = x[k];
      x[k] = (float) (saved + eps);
      double up = loss(net, ws, x, 2);
      x[k] = (float) (saved - eps);
      double down = loss(net, ws, x, 2);
      x[k] = saved;
      double numeric = (up - down) / (2 * eps);
      assertThat((double) analytic[k])
          .as("input %d", k)
          .isCloseTo(
              numeric, org.assertj.core.api.Assertions.within(2e-3 + 2e-2 * Math.abs(numeric)));
    }
  }
}
