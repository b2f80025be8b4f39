package org.snncodesign.learning.quantization;

import java.util.ArrayList;
import java.util.List;
import org.snncodesign.api.Checks;
import org.snncodesign.learning.surrogate.SpikingLayer;
import org.snncodesign.learning.surrogate.SpikingNetwork;
import org.snncodesign.learning.surrogate.WeightTransform;

/**
 * Learned step size quantisation (LSQ; Esser et al., "Learned step size quantization", ICLR 2020)
 * of the weights to signed {@code b}-bit integers with one trained step {@code s} per layer:
 *
 * <pre>
 *   q = clip(round(w / s), -Q_N, Q_P),   w_q = q s,   Q_N = 2^(b-1), Q_P = 2^(b-1) - 1
 * </pre>
 *
 * Backward: the straight-through estimator passes {@code dL/dw_q} to {@code w} inside the clipping
 * range and blocks it outside; the step receives {@code dL/ds = g sum_i dL/dw_q,i * (round(w_i/s) -
 * w_i/s inside, -Q_N or Q_P when clipped)} with the gradient scale {@code g = 1 / sqrt(N Q_P)} (N
 * weights in the layer). The step starts at {@code 2 mean|w| / sqrt(Q_P)}.
 *
 * <p>For spiking networks (as in FireFly-S) only the synaptic weights are quantised; spikes are
 * already binary. Zero weights (pruned synapses) stay exactly zero. Each forward pass records
 * {@code bits} and the step in the {@link SpikingLayer} (dense or convolutional: the step is per
 * layer, the kernel weights are quantised like any others), so {@link
 * QuantizedWeights#of(SpikingLayer)} exports the integers.
 */
public final class LsqQuantizer implements WeightTransform {
  private static final float MIN_STEP = 1e-8f;

  private final int bits;
  private final int negativeLevels;
  private final int positiveLevels;
  private final List<float[]> steps = new ArrayList<>();
  private final List<float[]> stepGradients = new ArrayList<>();
  private SpikingNetwork network;

  /**
   * @param bits weight bit width, 2 to 8
   */
  public LsqQuantizer(int bits) {
    Checks.checkArgument(bits >= 2 && bits <= 8, "LSQ bit width must be in [2, 8], got %d", bits);
    this.bits = bits;
    this.negativeLevels = 1 << (bits - 1);
    this.positiveLevels = (1 << (bits - 1)) - 1;
  }

  public int bits() {
    return bits;
  }

  /** The current step of layer {@code layer}. */
  public float step(int layer) {
    return steps.get(layer)[0];
  }

  @Override
  public void attach(SpikingNetwork target) {
    this.network = target;
  }

  @Override
  public void initialise(int layer, float[] input) {
    while (steps.size() <= layer) {
      steps.add(new float[1]);
      stepGradients.add(new float[1]);
    }
    double sum = 0;
    for (float w : input) {
      sum += Math.abs(w);
    }
    float step = (float) (2 * sum / input.length / Math.sqrt(positiveLevels));
    steps.get(layer)[0] = step > MIN_STEP ? step : 1e-3f;
  }

  @Override
  public void forward(int layer, float[] input, float[] output) {
    float step = steps.get(layer)[0];
    quantize(input, step, bits, output);
    if (network != null) {
      network.layer(layer).setQuantization(bits, step);
    }
  }

  /** {@code output[i] = clip(round(input[i] / step), -2^(bits-1), 2^(bits-1) - 1) * step}. */
  public static void quantize(float[] input, float step, int bits, float[] output) {
    int low = -(1 << (bits - 1));
    int high = (1 << (bits - 1)) - 1;
    for (int i = 0; i < input.length; i++) {
      output[i] = level(input[i], step, low, high) * step;
    }
  }

  /**
   * The integer level of {@code w}: {@code clip(round(w / step), low, high)} (round half away from
   * zero).
   */
  static int level(float w, float step, int low, int high) {
    float v = w / step;
    int q = (int) Math.signum(v) * (int) (Math.abs(v) + 0.5f);
    return Math.max(low, Math.min(high, q));
  }

  @Override
  public void backward(int layer, float[] input, float[] gradient) {
    float step = steps.get(layer)[0];
    double stepGradient = 0;
    for (int i = 0; i < input.length; i++) {
      float v = input[i] / step;
      float g = gradient[i];
      if (v <= -negativeLevels) {
        stepGradient -= g * negativeLevels;
        gradient[i] = 0f;
      } else if (v >= positiveLevels) {
        stepGradient += g * positiveLevels;
        gradient[i] = 0f;
      } else {
        float rounded = Math.signum(v) * (int) (Math.abs(v) + 0.5f);
        stepGradient += g * (rounded - v);
      }
    }
    stepGradients.get(layer)[0] +=
        (float) (stepGradient / Math.sqrt((double) input.length * positiveLevels));
  }

  @Override
  public float[] parameters(int layer) {
    return steps.get(layer);
  }

  @Override
  public float[] parameterGradients(int layer) {
    return stepGradients.get(layer);
  }

  @Override
  public void afterStep(int layer, float[] input, long step) {
    float[] s = steps.get(layer);
    if (!(s[0] > MIN_STEP)) {
      s[0] = MIN_STEP;
    }
  }
}
