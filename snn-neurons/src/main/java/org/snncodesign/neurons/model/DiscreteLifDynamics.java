package org.snncodesign.neurons.model;

import java.util.Arrays;
import org.snncodesign.api.neuron.SurrogateDynamics;

/**
 * The surrogate-gradient dynamics of the built-in LIF and IF models: one state variable, the
 * membrane {@code v}, and per step (snnTorch's discrete LIF; IF is {@code beta = 1})
 *
 * <pre>
 *   h[t] = beta v[t-1] + gain I[t],    x[t] = h[t] - v_th
 *   v[t] = h[t] - v_th s[t]            (reset by subtraction)   or   h[t] (1 - s[t])   (reset to 0)
 * </pre>
 *
 * and backward, {@code g_v} the gradient of {@code v[t]}, {@code S'} the surrogate at {@code x[t]}:
 *
 * <pre>
 *   g_h = (g_s - v_th g_v) S' + g_v               (subtraction)
 *   g_h = (g_s - h g_v) S' + (1 - s) g_v          (reset to 0)
 *   g_I[t] = gain g_h,   g_v[t-1] = beta g_h
 * </pre>
 *
 * where the reset term {@code v_th g_v} or {@code h g_v} is dropped when the reset is detached.
 * With {@code gain = 1} (the trainer's mapping) every value is the same float as without it.
 */
public final class DiscreteLifDynamics implements SurrogateDynamics {
  private final float beta;
  private final float gain;
  private final float threshold;
  private final boolean subtract;

  /**
   * @param beta decay of the membrane per step, in (0, 1]
   * @param gain membrane change per unit of input current, finite
   * @param threshold firing threshold {@code v_th}, finite
   * @param subtract reset by subtracting {@code v_th} (else to 0)
   */
  public DiscreteLifDynamics(float beta, float gain, float threshold, boolean subtract) {
    this.beta = beta;
    this.gain = gain;
    this.threshold = threshold;
    this.subtract = subtract;
  }

  @Override
  public int stateSize() {
    return 1;
  }

  @Override
  public void rest(float[] state, int n) {
    Arrays.fill(state, 0, n, 0f);
  }

  @Override
  public void integrate(
      int n,
      float[] state,
      float[] current,
      int currentOffset,
      float[] trace,
      int traceOffset,
      float[] spikeArgument,
      int argumentOffset) {
    for (int j = 0; j < n; j++) {
      float h = beta * state[j] + gain * current[currentOffset + j];
      trace[traceOffset + j] = h;
      spikeArgument[argumentOffset + j] = h - threshold;
    }
  }

  @Override
  public void reset(
      int n, float[] trace, int traceOffset, float[] spikes, int spikesOffset, float[] state) {
    for (int j = 0; j < n; j++) {
      float h = trace[traceOffset + j];
      float s = spikes[spikesOffset + j];
      state[j] = subtract ? h - threshold * s : h * (1f - s);
    }
  }

  @Override
  public void backward(
      int n,
      float[] trace,
      int traceOffset,
      float[] spikes,
      int spikesOffset,
      float[] surrogate,
      float[] spikeGradient,
      int spikeGradientOffset,
      float[] stateGradient,
      float[] currentGradient,
      int currentGradientOffset,
      boolean detachReset) {
    for (int j = 0; j < n; j++) {
      float gv = stateGradient[j];
      float gs = spikeGradient[spikeGradientOffset + j];
      float gh;
      if (subtract) {
        gh = (gs - (detachReset ? 0f : threshold * gv)) * surrogate[j] + gv;
      } else {
        float h = trace[traceOffset + j];
        gh =
            (gs - (detachReset ? 0f : h * gv)) * surrogate[j]
                + (1f - spikes[spikesOffset + j]) * gv;
      }
      currentGradient[currentGradientOffset + j] = gain * gh;
      stateGradient[j] = beta * gh;
    }
  }
}
