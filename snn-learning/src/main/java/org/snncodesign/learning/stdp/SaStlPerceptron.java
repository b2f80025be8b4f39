package org.snncodesign.learning.stdp;

import java.util.Arrays;
import org.snncodesign.api.sparse.CsrMatrix;
import org.snncodesign.api.spike.SpikeRaster;
import org.snncodesign.learning.lsm.Liquid;
import org.snncodesign.learning.lsm.LiquidParameters;

/**
 * The teacher-forced linear model of the outputs behind {@link SaStl.Rule#PERCEPTRON}, a
 * precise-timing perceptron (after Memmesheimer, Rubin, Ölveczky &amp; Sompolinsky 2014, Neuron
 * 82:925, and PBSNLR, Xu, Zeng, Han &amp; Yang 2013, Neural Networks 43:99).
 *
 * <p>The outputs are the engine's current-based LIF neurons (exact propagator, {@code v_reset =
 * v_rest = 0}, threshold 1): per step {@code I = I' + in(t)}, {@code v = v dm + I g}, {@code I' = I
 * d}, with {@code in(t)} the presynaptic spikes of step {@code t - 1} (the liquid's delay of one
 * step), dm, g, d those of {@link org.snncodesign.neurons.lif.LeakyIntegrateAndFire} for the
 * synapse's channel. When the output is forced to spike exactly at its target times (v set to 0
 * there, held for the refractory steps, synaptic currents going on), its potential is linear in its
 * recurrent weights: {@code V(t) = v_fixed(t) + sum_k w_k v_k(t)}, where {@code v_k(t)} is the
 * potential one unit of weight on afferent k would produce and {@code v_fixed} that of the
 * untrained direct input synapses. Spiking exactly at the targets and nowhere else then reads as
 * linear constraints, one per step: {@code V(t) >= 1} at a target step, {@code V(t) < 1} at every
 * other free step except the {@code tolerance} steps just before a target (an early spike there
 * costs little). Every violated constraint gives the perceptron update {@code dw_k = +-eta v_k(t)},
 * summed over the presentation. Because the model's constraints do not depend on the weights, the
 * perceptron (with sign constraints for Dale's law) converges when they can be met, unlike ReSuMe
 * on the free-running output.
 */
final class SaStlPerceptron {
  private final int[] outputs;
  private final int[][] entries;
  private final int[][] rows;
  private final double[][] gain;
  private final double[][] decay;
  // Direct input synapses of each output: channel and weight (not trained).
  private final int[][] inputChannels;
  private final double[][] inputWeights;
  private final double decayM;
  private final double gainE;
  private final double decayE;
  private final int refractorySteps;
  private final SpikeRaster input;

  /**
   * @param liquid the learner (its recurrent values are read at each call, its input weights now)
   * @param outputs output neurons
   * @param entries per output, the recurrent matrix entries of its afferents
   * @param rows per output, the presynaptic neuron of each entry
   * @param input the input raster presented every epoch
   */
  SaStlPerceptron(Liquid liquid, int[] outputs, int[][] entries, int[][] rows, SpikeRaster input) {
    LiquidParameters p = liquid.parameters();
    double dt = p.dt();
    this.outputs = outputs;
    this.entries = entries;
    this.rows = rows;
    this.input = input;
    this.decayM = Math.exp(-dt / p.tauM());
    this.gainE = gain(dt, p.tauM(), p.tauSynE());
    this.decayE = p.tauSynE() == 0 ? 0 : Math.exp(-dt / p.tauSynE());
    double gainI = gain(dt, p.tauM(), p.tauSynI());
    double decayI = p.tauSynI() == 0 ? 0 : Math.exp(-dt / p.tauSynI());
    this.refractorySteps = (int) Math.rint(p.tRef() / dt);
    this.gain = new double[outputs.length][];
    this.decay = new double[outputs.length][];
    for (int o = 0; o < outputs.length; o++) {
      gain[o] = new double[rows[o].length];
      decay[o] = new double[rows[o].length];
      for (int e = 0; e < rows[o].length; e++) {
        boolean excitatory = liquid.isExcitatory(rows[o][e]);
        gain[o][e] = excitatory ? gainE : gainI;
        decay[o][e] = excitatory ? decayE : decayI;
      }
    }
    CsrMatrix in = liquid.input();
    int[] count = new int[outputs.length];
    int[] outputOf = new int[liquid.neurons()];
    Arrays.fill(outputOf, -1);
    for (int o = 0; o < outputs.length; o++) {
      outputOf[outputs[o]] = o;
    }
    for (int c : in.columnIndices()) {
      if (outputOf[c] >= 0) {
        count[outputOf[c]]++;
      }
    }
    this.inputChannels = new int[outputs.length][];
    this.inputWeights = new double[outputs.length][];
    for (int o = 0; o < outputs.length; o++) {
      inputChannels[o] = new int[count[o]];
      inputWeights[o] = new double[count[o]];
    }
    int[] fill = new int[outputs.length];
    for (int r = 0; r < in.rows(); r++) {
      for (int k = in.rowPointers()[r]; k < in.rowPointers()[r + 1]; k++) {
        int o = outputOf[in.columnIndices()[k]];
        if (o >= 0) {
          inputChannels[o][fill[o]] = r;
          inputWeights[o][fill[o]++] = in.values()[k];
        }
      }
    }
  }

  /** The exact propagator's gain of a synaptic current onto v over one step (R = 1). */
  private static double gain(double dt, double tauM, double tauSyn) {
    if (tauSyn == 0) {
      return -Math.expm1(-dt / tauM);
    }
    if (Math.abs(tauSyn - tauM) < 1e-12 * tauM) {
      return (dt / tauM) * Math.exp(-dt / tauM);
    }
    return tauSyn / (tauSyn - tauM) * (Math.exp(-dt / tauSyn) - Math.exp(-dt / tauM));
  }

  /**
   * Adds the perceptron updates of one presentation to {@code delta} (indexed like the recurrent
   * values), for every afferent, live or not (a removed synapse's update is its regrowth signal).
   *
   * @param spikes the liquid's spikes in this presentation (the afferents' trains)
   * @param targets target trains, one per output
   * @param values current recurrent weights
   * @param eta learning rate
   * @param tolerance free steps just before a target that carry no constraint
   * @return violated constraints
   */
  int accumulate(
      SpikeRaster spikes,
      SpikeRaster targets,
      float[] values,
      double eta,
      int tolerance,
      double[] delta) {
    int violations = 0;
    int steps = input.timeSteps();
    for (int o = 0; o < outputs.length; o++) {
      int[] ks = entries[o];
      int m = ks.length;
      Kernels k = new Kernels(o);
      int nextTarget = nextTarget(targets, o, 0, steps);
      for (int t = 0; t < steps; t++) {
        boolean free = k.advance(t, spikes);
        if (t > nextTarget) {
          nextTarget = nextTarget(targets, o, t, steps);
        }
        if (!free) {
          continue;
        }
        double potential = k.potential(values);
        boolean target = targets.get(t, o);
        int sign = 0;
        if (target && potential < 1) {
          sign = 1;
        } else if (!target && potential >= 1 && nextTarget - t > tolerance) {
          sign = -1;
        }
        if (sign != 0) {
          violations++;
          double step = sign * eta;
          for (int e = 0; e < m; e++) {
            delta[ks[e]] += step * k.v[e];
          }
        }
        if (target) {
          // Teacher forcing: the output spikes at its target, whatever its potential.
          k.fire();
        }
      }
    }
    return violations;
  }

  /**
   * First target step of output o at or after {@code from}; {@code Integer.MAX_VALUE / 2} if none.
   */
  private static int nextTarget(SpikeRaster targets, int o, int from, int steps) {
    for (int t = from; t < steps; t++) {
      if (targets.get(t, o)) {
        return t;
      }
    }
    return Integer.MAX_VALUE / 2;
  }

  /**
   * The model run free (reset at its own threshold crossings instead of the targets): output o's
   * spike steps. It must reproduce the engine's spikes, which is how the model is tested.
   */
  int[] freeRun(int o, SpikeRaster spikes, float[] values) {
    int steps = input.timeSteps();
    int[] out = new int[steps];
    int n = 0;
    Kernels k = new Kernels(o);
    for (int t = 0; t < steps; t++) {
      if (k.advance(t, spikes) && k.potential(values) >= 1) {
        out[n++] = t;
        k.fire();
      }
    }
    return Arrays.copyOf(out, n);
  }

  /**
   * Output o's membrane contributions: per afferent the voltage a unit weight would have produced
   * since the last reset ({@code v}, linear in the weights), plus the fixed direct input's voltage,
   * with the refractory clamp.
   */
  private final class Kernels {
    final int o;
    final int[] pre;
    final double[] current;
    final double[] v;
    double fixedCurrent;
    double fixedV;
    int clamp;

    Kernels(int o) {
      this.o = o;
      this.pre = rows[o];
      this.current = new double[pre.length];
      this.v = new double[pre.length];
    }

    /**
     * Propagates one step of the afferents' and the direct input's spikes; false while refractory.
     */
    boolean advance(int t, SpikeRaster spikes) {
      double[] g = gain[o];
      double[] d = decay[o];
      for (int e = 0; e < v.length; e++) {
        double i = current[e] + (t > 0 && spikes.get(t - 1, pre[e]) ? 1 : 0);
        v[e] = v[e] * decayM + i * g[e];
        current[e] = i * d[e];
      }
      double fixedIn = 0;
      if (t > 0) {
        for (int c = 0; c < inputChannels[o].length; c++) {
          if (input.get(t - 1, inputChannels[o][c])) {
            fixedIn += inputWeights[o][c];
          }
        }
      }
      double fi = fixedCurrent + fixedIn;
      fixedV = fixedV * decayM + fi * gainE;
      fixedCurrent = fi * decayE;
      if (clamp > 0) {
        clamp--;
        Arrays.fill(v, 0);
        fixedV = 0;
        return false;
      }
      return true;
    }

    /** The membrane potential under the given recurrent weights. */
    double potential(float[] values) {
      int[] ks = entries[o];
      double potential = fixedV;
      for (int e = 0; e < v.length; e++) {
        potential += values[ks[e]] * v[e];
      }
      return potential;
    }

    /** A spike: reset and start the refractory clamp. */
    void fire() {
      Arrays.fill(v, 0);
      fixedV = 0;
      clamp = refractorySteps - 1;
    }
  }
}
