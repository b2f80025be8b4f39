package org.snncodesign.learning.surrogate;

import java.util.Arrays;
import org.snncodesign.api.neuron.SurrogateDynamics;

/**
 * One thread's buffers for the forward pass over T steps and backpropagation through time of one
 * sample; the gradients go to the accumulators set with {@link #accumulateInto}. Everything is
 * allocated once; a sample allocates nothing.
 *
 * <p>The spiking layers step through the network's {@link SurrogateDynamics} (see there for the
 * order of calls): per step the input current {@code I[t]}, then the dynamics' pre-spike state
 * {@code h[t]} (the trace) and spike argument {@code x[t]}, the spike {@code s[t] = H(x[t])} (or
 * the smooth step {@code S(x[t])} in gradient checks) and the reset. Memory per layer of {@code n}
 * neurons with {@code k} state variables is {@code (k + 4) T n} floats (trace, spike argument,
 * spikes, gradients of the current and of the spikes), i.e. linear in T.
 *
 * <p>Backward pass: for {@code t = T-1 .. 0} the dynamics turn {@code g_s[t] = dL/ds[t]}, the
 * surrogate {@code S'(x[t])} and the state gradient into {@code g_I[t]}. Then {@code g_b = sum_t
 * g_I[t]}, {@code g_W[i][j] = sum_t x_i[t] g_I[t][j]} and the spikes below receive {@code g_s[t] =
 * W g_I[t]} (for a {@link ConvLayer} the same sums run over the positions that share each kernel
 * weight and channel bias; see {@link LayerKernels}). The membrane read-out is the trainer's own
 * leaky integrator {@code h[t] = beta h[t-1] + I[t]}, whatever the neuron model.
 */
final class BpttWorkspace {
  private final SpikingNetwork network;
  private final SurrogateFunction surrogate;
  private final boolean smoothSpikes;
  private final boolean detachReset;
  private final int steps;
  private final int depth;
  private final int[] widths;

  /**
   * The dynamics' pre-spike state h[t] ({@code [t * k n + v n + j]}); the read-out's membrane
   * ({@code [t * n + j]}).
   */
  private final float[][] trace;

  /** Spike argument x[t], [t * n + j]; null for the read-out. */
  private final float[][] spikeArgument;

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

  private final SurrogateDynamics dynamics;
  private final int stateSize;

  /** Post-reset state of the step being simulated ({@code k n}), or its gradient backwards. */
  private final float[] state;

  /** The read-out's membrane of the step being simulated. */
  private final float[] potential;

  /** The input current of the step, or the surrogate derivatives of a step backwards. */
  private final float[] inputCurrent;

  /** The first layer's current, the same at every step (direct encoding). */
  private final float[] firstCurrent;

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
    this.dynamics = network.dynamics();
    this.stateSize = dynamics.stateSize();
    this.trace = new float[depth][];
    this.spikeArgument = new float[depth][];
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
      boolean readout = l == depth - 1 && network.readout() == Readout.MEMBRANE;
      trace[l] = new float[steps * n * (readout ? 1 : stateSize)];
      spikeArgument[l] = readout ? null : new float[steps * n];
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
    this.state = new float[widest * stateSize];
    this.potential = new float[widest];
    this.inputCurrent = new float[widest];
    this.firstCurrent = new float[network.layer(0).neurons()];
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
    boolean membraneReadout = network.readout() == Readout.MEMBRANE;
    Arrays.fill(logits, 0f);
    // Direct encoding: the same analog current at every step, computed once.
    LayerKernels.current(network.layer(0), features, offset, firstCurrent, 0);
    for (int l = 0; l < depth; l++) {
      SpikingLayer layer = network.layer(l);
      boolean last = l == depth - 1;
      if (last && membraneReadout) {
        integrate(l);
        continue;
      }
      int n = widths[l];
      float[] h = trace[l];
      float[] x = spikeArgument[l];
      float[] s = spikes[l];
      dynamics.rest(state, n);
      for (int t = 0; t < steps; t++) {
        int base = t * n;
        dynamics.integrate(n, state, current(l, t), 0, h, base * stateSize, x, base);
        for (int j = 0; j < n; j++) {
          float xj = x[base + j];
          s[base + j] = smoothSpikes ? surrogate.smoothStep(xj) : (xj >= 0f ? 1f : 0f);
        }
        dynamics.reset(n, h, base * stateSize, s, base, state);
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
    if (membraneReadout) {
      float inv = 1f / steps;
      for (int j = 0; j < logits.length; j++) {
        logits[j] *= inv;
      }
    }
  }

  /**
   * The input current of layer {@code l} at step {@code t}: the first layer's constant current, or
   * (event-driven) the weights of the presynaptic neurons that spiked at t.
   */
  private float[] current(int l, int t) {
    if (l == 0) {
      return firstCurrent;
    }
    LayerKernels.current(network.layer(l), passed[l - 1], t * passedWidths[l - 1], inputCurrent, 0);
    return inputCurrent;
  }

  /** The membrane read-out, layer l: {@code h[t] = beta h[t-1] + I[t]}, logits += h[t]. */
  private void integrate(int l) {
    int n = widths[l];
    float beta = network.beta();
    float[] h = trace[l];
    Arrays.fill(potential, 0, n, 0f);
    for (int t = 0; t < steps; t++) {
      int base = t * n;
      float[] current = current(l, t);
      for (int j = 0; j < n; j++) {
        float hj = beta * potential[j] + current[j];
        h[base + j] = hj;
        potential[j] = hj;
        logits[j] += hj;
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
    float[] h = trace[l];
    float[] x = spikeArgument[l];
    float[] s = spikes[l];
    float[] gs = spikeGradient[l];
    float[] gI = currentGradient[l];
    float[] sg = inputCurrent;
    Arrays.fill(state, 0, n * stateSize, 0f);
    for (int t = steps - 1; t >= 0; t--) {
      int base = t * n;
      for (int j = 0; j < n; j++) {
        sg[j] = surrogate.derivative(x[base + j]);
      }
      dynamics.backward(
          n, h, base * stateSize, s, base, sg, gs, base, state, gI, base, detachReset);
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
