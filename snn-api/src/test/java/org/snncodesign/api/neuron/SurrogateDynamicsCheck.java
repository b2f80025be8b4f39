package org.snncodesign.api.neuron;

import java.util.Random;

/**
 * The law every {@link SurrogateDynamics} must obey: with smooth spikes {@code s = S(x)} (a
 * logistic step, whose derivative is then the exact surrogate) and an attached reset, {@link
 * SurrogateDynamics#backward} gives the true gradient of the forward pass. The loss {@code L =
 * sum_t a[t] . s[t] + b . u[T-1]} weighs every step's spikes and the final state with random
 * weights; its analytic gradient with respect to every input current is compared with a central
 * difference. Shared by the tests of the built-in models and of third-party plugins.
 */
public final class SurrogateDynamicsCheck {
  private static final float SHARPNESS = 2f;

  private final SurrogateDynamics dynamics;
  private final int n;
  private final int steps;
  private final int k;
  private final float[] currents;
  private final float[] spikeWeights;
  private final float[] stateWeights;

  /**
   * @param dynamics the dynamics under test
   * @param n neurons
   * @param steps time steps T
   * @param scale the input currents are drawn uniformly from {@code [-scale, 3 scale]}, so that
   *     some neurons cross their threshold
   * @param seed seeds currents and loss weights
   */
  public SurrogateDynamicsCheck(
      SurrogateDynamics dynamics, int n, int steps, float scale, long seed) {
    this.dynamics = dynamics;
    this.n = n;
    this.steps = steps;
    this.k = dynamics.stateSize();
    Random random = new Random(seed);
    currents = new float[steps * n];
    for (int i = 0; i < currents.length; i++) {
      currents[i] = scale * (4 * random.nextFloat() - 1);
    }
    spikeWeights = new float[steps * n];
    for (int i = 0; i < spikeWeights.length; i++) {
      spikeWeights[i] = 2 * random.nextFloat() - 1;
    }
    stateWeights = new float[k * n];
    for (int i = 0; i < stateWeights.length; i++) {
      stateWeights[i] = 2 * random.nextFloat() - 1;
    }
  }

  /**
   * The largest difference between the analytic and the numerical gradient of the loss with respect
   * to an input current, relative to the largest analytic gradient (at least 1e-4).
   */
  public double worstRelativeError() {
    float[] trace = new float[steps * k * n];
    float[] argument = new float[steps * n];
    float[] spikes = new float[steps * n];
    float[] state = new float[k * n];
    forward(trace, argument, spikes, state);
    float[] stateGradient = stateWeights.clone();
    float[] surrogate = new float[n];
    float[] analytic = new float[steps * n];
    for (int t = steps - 1; t >= 0; t--) {
      for (int j = 0; j < n; j++) {
        surrogate[j] = derivative(argument[t * n + j]);
      }
      dynamics.backward(
          n,
          trace,
          t * k * n,
          spikes,
          t * n,
          surrogate,
          spikeWeights,
          t * n,
          stateGradient,
          analytic,
          t * n,
          false);
    }
    double largest = 1e-4;
    for (float g : analytic) {
      largest = Math.max(largest, Math.abs(g));
    }
    double worst = 0;
    float eps = 1e-2f;
    for (int i = 0; i < currents.length; i++) {
      float saved = currents[i];
      currents[i] = saved + eps;
      double up = loss();
      currents[i] = saved - eps;
      double down = loss();
      currents[i] = saved;
      worst = Math.max(worst, Math.abs((up - down) / (2 * eps) - analytic[i]) / largest);
    }
    return worst;
  }

  private double loss() {
    float[] spikes = new float[steps * n];
    float[] state = new float[k * n];
    forward(new float[steps * k * n], new float[steps * n], spikes, state);
    double loss = 0;
    for (int i = 0; i < spikes.length; i++) {
      loss += (double) spikeWeights[i] * spikes[i];
    }
    for (int i = 0; i < state.length; i++) {
      loss += (double) stateWeights[i] * state[i];
    }
    return loss;
  }

  private void forward(float[] trace, float[] argument, float[] spikes, float[] state) {
    dynamics.rest(state, n);
    for (int t = 0; t < steps; t++) {
      dynamics.integrate(n, state, currents, t * n, trace, t * k * n, argument, t * n);
      for (int j = 0; j < n; j++) {
        spikes[t * n + j] = step(argument[t * n + j]);
      }
      dynamics.reset(n, trace, t * k * n, spikes, t * n, state);
    }
  }

  private static float step(float x) {
    return (float) (1 / (1 + Math.exp(-SHARPNESS * x)));
  }

  private static float derivative(float x) {
    float s = step(x);
    return SHARPNESS * s * (1 - s);
  }
}
