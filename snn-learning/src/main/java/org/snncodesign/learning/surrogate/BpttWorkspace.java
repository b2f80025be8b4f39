package org.snncodesign.learning.surrogate;

import java.util.Arrays;

/**
 * One thread's buffers for the forward pass over T steps and backpropagation through time of one
 * sample; the gradients go to the accumulators set with {@link #accumulateInto}. Everything is
 * allocated once; a sample allocates nothing.
 *
 * <p>Memory per layer of {@code n} neurons is {@code 4 T n} floats (pre-reset membrane {@code h},
 * spikes {@code s}, gradient of the input current, gradient of the spikes), i.e. linear in T.
 *
 * <p>Backward pass (derived from the update in {@link SpikingNetwork}; {@code g_x = dL/dx}, {@code
 * S'} the surrogate, {@code g_v[t] = beta g_h[t+1]}, {@code g_v[T-1] = 0}):
 *
 * <pre>
 *   SUBTRACT: g_h[t] = (g_s[t] - v_th g_v[t]) S'(h[t] - v_th) + g_v[t]
 *   ZERO:     g_h[t] = (g_s[t] - h[t] g_v[t]) S'(h[t] - v_th) + (1 - s[t]) g_v[t]
 * </pre>
 *
 * where the reset term ({@code v_th g_v} or {@code h g_v}) is dropped when the reset is detached
 * from the graph (Zenke and Vogels 2021 find this trains better). Then {@code g_I[t] = g_h[t]},
 * {@code g_b = sum_t g_I[t]}, {@code g_W[i][j] = sum_t x_i[t] g_I[t][j]} and the spikes below
 * receive {@code g_s[t] = W g_I[t]} (for a {@link ConvLayer} the same sums run over the positions
 * that share each kernel weight and channel bias; see {@link LayerKernels}).
 */
final class BpttWorkspace {
  private final SpikingNetwork network;
  private final SurrogateFunction surrogate;
  private final boolean smoothSpikes;
  private final boolean detachReset;
  private final int steps;
  private final int depth;
  private final int[] widths;

  /** Pre-reset membrane h[t], [t * n + j]. */
  private final float[][] membrane;

  /** Spikes s[t] (0 or 1; the smooth step value when smoothSpikes). */
  private final float[][] spikes;

  /** dL/dI[t] for each layer. */
  private final float[][] currentGradient;

  /** dL/ds[t] for each layer. */
  private final float[][] spikeGradient;

  /** What each layer passes up: its spikes, or their average pooling for a pooling conv layer. */
  private final float[][] passed;

  private final int[] passedWidths;

  /** dL/d(passed), the spike gradient itself unless the layer pools. */
  private final float[][] passedGradient;

  /** Post-reset membrane of the step being simulated. */
  private final float[] potential;

  private final float[] inputCurrent;
  private final float[] logits;
  private GradientBuffer gradients;
  private float[] input;
  private int inputOffset;

  BpttWorkspace(
      SpikingNetwork network,
      SurrogateFunction surrogate,
      boolean smoothSpikes,
      boolean detachReset,
      boolean withGradients) {
    this.network = network;
    this.surrogate = surrogate;
    this.smoothSpikes = smoothSpikes;
    this.detachReset = detachReset;
    this.steps = network.timesteps();
    this.depth = network.layers().size();
    this.widths = new int[depth];
    this.membrane = new float[depth][];
    this.spikes = new float[depth][];
    this.currentGradient = new float[depth][];
    this.spikeGradient = new float[depth][];
    this.passed = new float[depth][];
    this.passedWidths = new int[depth];
    this.passedGradient = new float[depth][];
    int widest = 0;
    for (int l = 0; l < depth; l++) {
      SpikingLayer layer = network.layer(l);
      int n = layer.neurons();
      widths[l] = n;
      widest = Math.max(widest, n);
      membrane[l] = new float[steps * n];
      spikes[l] = new float[steps * n];
      if (withGradients) {
        currentGradient[l] = new float[steps * n];
        spikeGradient[l] = new float[steps * n];
      }
      boolean pools = n != layer.outputs();
      passedWidths[l] = layer.outputs();
      passed[l] = pools ? new float[steps * layer.outputs()] : spikes[l];
      passedGradient[l] =
          pools && withGradients ? new float[steps * layer.outputs()] : spikeGradient[l];
    }
    this.potential = new float[widest];
    this.inputCurrent = new float[widest];
    this.logits = new float[network.outputs()];
  }

  /** Where the following {@link #backward} calls add their gradients. */
  void accumulateInto(GradientBuffer target) {
    this.gradients = target;
  }

  float[] logits() {
    return logits;
  }

  /** Spikes of layer {@code l} from the last forward pass, {@code [t * n + j]}. */
  float[] spikes(int l) {
    return spikes[l];
  }

  /** Runs the sample at {@code features[offset ..]} for T steps, filling the logits. */
  void forward(float[] features, int offset) {
    this.input = features;
    this.inputOffset = offset;
    float beta = network.beta();
    float threshold = network.threshold();
    boolean subtract = network.reset() == ResetMode.SUBTRACT;
    boolean membraneReadout = network.readout() == Readout.MEMBRANE;
    Arrays.fill(logits, 0f);
    for (int l = 0; l < depth; l++) {
      SpikingLayer layer = network.layer(l);
      int n = widths[l];
      float[] h = membrane[l];
      float[] s = spikes[l];
      boolean last = l == depth - 1;
      boolean integrateOnly = last && membraneReadout;
      Arrays.fill(potential, 0, n, 0f);
      if (l == 0) {
        // Direct encoding: the same analog current at every step, computed once.
        LayerKernels.current(layer, features, offset, inputCurrent, 0);
      }
      for (int t = 0; t < steps; t++) {
        int base = t * n;
        if (l == 0) {
          System.arraycopy(inputCurrent, 0, h, base, n);
        } else {
          // Event-driven: only presynaptic neurons that spiked at t scatter their weights.
          LayerKernels.current(layer, passed[l - 1], t * passedWidths[l - 1], h, base);
        }
        if (integrateOnly) {
          for (int j = 0; j < n; j++) {
            float hj = beta * potential[j] + h[base + j];
            h[base + j] = hj;
            potential[j] = hj;
            logits[j] += hj;
          }
        } else {
          for (int j = 0; j < n; j++) {
            float hj = beta * potential[j] + h[base + j];
            h[base + j] = hj;
            float sj =
                smoothSpikes ? surrogate.smoothStep(hj - threshold) : (hj >= threshold ? 1f : 0f);
            s[base + j] = sj;
            potential[j] = subtract ? hj - threshold * sj : hj * (1f - sj);
          }
          if (passed[l] != s) {
            LayerKernels.pool((ConvLayer) layer, s, base, passed[l], t * passedWidths[l]);
          }
          if (last) {
            for (int j = 0; j < n; j++) {
              logits[j] += s[base + j];
            }
          }
        }
      }
    }
    if (membraneReadout) {
      float inv = 1f / steps;
      for (int j = 0; j < logits.length; j++) {
        logits[j] *= inv;
      }
    }
  }

  /** Index of the largest logit (the first on ties). */
  int predicted() {
    int best = 0;
    for (int j = 1; j < logits.length; j++) {
      if (logits[j] > logits[best]) {
        best = j;
      }
    }
    return best;
  }

  /** Softmax cross-entropy of the current logits against {@code label}, in nats. */
  double loss(int label) {
    double max = logits[0];
    for (float z : logits) {
      max = Math.max(max, z);
    }
    double sum = 0;
    for (float z : logits) {
      sum += Math.exp(z - max);
    }
    return Math.log(sum) + max - logits[label];
  }

  /**
   * Backpropagates the cross-entropy of the last {@link #forward} against {@code label}, scaled by
   * {@code scale} (1 / batch size for a mean loss), adding to the gradient accumulators.
   *
   * @return the unscaled loss of this sample
   */
  double backward(int label, float scale) {
    double loss = loss(label);
    int outputs = logits.length;
    int lastLayer = depth - 1;
    float[] dz = inputCurrent; // reused: dL/dz for the logits
    double max = logits[0];
    for (float z : logits) {
      max = Math.max(max, z);
    }
    double sum = 0;
    for (int k = 0; k < outputs; k++) {
      sum += Math.exp(logits[k] - max);
    }
    for (int k = 0; k < outputs; k++) {
      float p = (float) (Math.exp(logits[k] - max) / sum);
      dz[k] = scale * (p - (k == label ? 1f : 0f));
    }
    float beta = network.beta();
    if (network.readout() == Readout.MEMBRANE) {
      // z = (1/T) sum_t h[t], h[t] = beta h[t-1] + I[t]: g_h[t] = dz / T + beta g_h[t+1].
      float[] gI = currentGradient[lastLayer];
      float inv = 1f / steps;
      for (int t = steps - 1; t >= 0; t--) {
        int base = t * outputs;
        for (int k = 0; k < outputs; k++) {
          float next = t == steps - 1 ? 0f : gI[base + outputs + k];
          gI[base + k] = dz[k] * inv + beta * next;
        }
      }
    } else {
      float[] gs = spikeGradient[lastLayer];
      for (int t = 0; t < steps; t++) {
        System.arraycopy(dz, 0, gs, t * outputs, outputs);
      }
      spikingBackward(lastLayer);
    }
    for (int l = lastLayer; l >= 0; l--) {
      if (l < lastLayer) {
        if (passedGradient[l] != spikeGradient[l]) {
          ConvLayer pooling = (ConvLayer) network.layer(l);
          for (int t = 0; t < steps; t++) {
            LayerKernels.unpool(
                pooling, passedGradient[l], t * passedWidths[l], spikeGradient[l], t * widths[l]);
          }
        }
        spikingBackward(l);
      }
      parameterBackward(l);
    }
    return loss;
  }

  /** From dL/ds of layer l to dL/dI, through time. */
  private void spikingBackward(int l) {
    int n = widths[l];
    float beta = network.beta();
    float threshold = network.threshold();
    boolean subtract = network.reset() == ResetMode.SUBTRACT;
    float[] h = membrane[l];
    float[] s = spikes[l];
    float[] gs = spikeGradient[l];
    float[] gI = currentGradient[l];
    for (int t = steps - 1; t >= 0; t--) {
      int base = t * n;
      boolean lastStep = t == steps - 1;
      for (int j = 0; j < n; j++) {
        float gv = lastStep ? 0f : beta * gI[base + n + j];
        float hj = h[base + j];
        float sg = surrogate.derivative(hj - threshold);
        float gh;
        if (subtract) {
          gh = (gs[base + j] - (detachReset ? 0f : threshold * gv)) * sg + gv;
        } else {
          gh = (gs[base + j] - (detachReset ? 0f : hj * gv)) * sg + (1f - s[base + j]) * gv;
        }
        gI[base + j] = gh;
      }
    }
  }

  /** Weight and bias gradients of layer l from dL/dI, and dL/ds of the layer below. */
  private void parameterBackward(int l) {
    SpikingLayer layer = network.layer(l);
    int n = widths[l];
    float[] gI = currentGradient[l];
    float[] gW = gradients.weights(l);
    float[] gB = gradients.biases(l);
    if (l == 0) {
      // The input current is constant over time, so only sum_t g_I[t] is needed.
      float[] total = potential;
      Arrays.fill(total, 0, n, 0f);
      for (int t = 0; t < steps; t++) {
        LayerKernels.axpy(1f, gI, t * n, total, 0, n);
      }
      LayerKernels.backward(layer, input, inputOffset, total, 0, gW, gB, null, 0);
      return;
    }
    int m = passedWidths[l - 1];
    float[] below = passed[l - 1];
    float[] gsBelow = passedGradient[l - 1];
    for (int t = 0; t < steps; t++) {
      LayerKernels.backward(layer, below, t * m, gI, t * n, gW, gB, gsBelow, t * m);
    }
  }
}
