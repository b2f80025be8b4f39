package org.snncodesign.learning.surrogate;

import java.util.ArrayList;
import java.util.List;

/** Applies SGD-with-momentum or Adam updates to registered (parameter, gradient) array pairs. */
final class Optimizer {
  private static final float BETA1 = 0.9f;
  private static final float BETA2 = 0.999f;
  private static final float EPSILON = 1e-8f;

  private final OptimizerKind kind;
  private final float momentum;
  private final List<float[]> parameters = new ArrayList<>();
  private final List<float[]> gradients = new ArrayList<>();
  private final List<float[]> first = new ArrayList<>();
  private final List<float[]> second = new ArrayList<>();
  private long steps;

  Optimizer(OptimizerKind kind, float momentum) {
    this.kind = kind;
    this.momentum = momentum;
  }

  void register(float[] parameter, float[] gradient) {
    if (parameter.length != gradient.length) {
      throw new IllegalArgumentException(
          "parameter ("
              + parameter.length
              + ") and gradient ("
              + gradient.length
              + ") differ in length");
    }
    parameters.add(parameter);
    gradients.add(gradient);
    first.add(new float[parameter.length]);
    second.add(kind == OptimizerKind.ADAM ? new float[parameter.length] : new float[0]);
  }

  long steps() {
    return steps;
  }

  /** One update with learning rate {@code rate}; gradients are left as they are. */
  void step(float rate) {
    steps++;
    if (kind == OptimizerKind.SGD) {
      for (int a = 0; a < parameters.size(); a++) {
        float[] p = parameters.get(a);
        float[] g = gradients.get(a);
        float[] v = first.get(a);
        for (int i = 0; i < p.length; i++) {
          v[i] = momentum * v[i] + g[i];
          p[i] -= rate * v[i];
        }
      }
      return;
    }
    // Bias corrections folded into the step size (Kingma and Ba, section 2).
    double c1 = 1 - Math.pow(BETA1, steps);
    double c2 = 1 - Math.pow(BETA2, steps);
    float stepSize = (float) (rate * Math.sqrt(c2) / c1);
    float eps = (float) (EPSILON * Math.sqrt(c2));
    for (int a = 0; a < parameters.size(); a++) {
      float[] p = parameters.get(a);
      float[] g = gradients.get(a);
      float[] m = first.get(a);
      float[] v = second.get(a);
      for (int i = 0; i < p.length; i++) {
        float gi = g[i];
        m[i] = BETA1 * m[i] + (1 - BETA1) * gi;
        v[i] = BETA2 * v[i] + (1 - BETA2) * gi * gi;
        p[i] -= stepSize * m[i] / ((float) Math.sqrt(v[i]) + eps);
      }
    }
  }
}
