package com.example.snn;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.snncodesign.api.ApiVersion;
import org.snncodesign.api.graph.CubaLifNode;
import org.snncodesign.api.graph.LiNode;
import org.snncodesign.api.graph.LifNode;
import org.snncodesign.api.graph.NeuronNode;
import org.snncodesign.api.graph.Tensor;
import org.snncodesign.api.neuron.Discretization;
import org.snncodesign.api.neuron.NeuronModel;
import org.snncodesign.api.neuron.NeuronParameters;
import org.snncodesign.api.neuron.NeuronPopulation;
import org.snncodesign.api.neuron.SurrogateDynamics;
import org.snncodesign.api.neuron.TrainableNeuronModel;

/**
 * A sample third-party neuron model: leaky integrate-and-fire neurons with current synapses, integrated with
 * forward Euler, written against {@code snn-api} only. It runs wherever the framework takes a neuron model by
 * name: the liquid of {@code snn lsm --neuron example-euler-lif} (two channels, excitatory and inhibitory),
 * the LIF, LI and CubaLIF nodes of any network graph (trained, converted or imported from NIR), and the spiking
 * layers of {@code snn train --neuron example-euler-lif}, which it trains with surrogate gradients
 * ({@link TrainableNeuronModel}).
 *
 * <pre>
 *   tau_syn dI/dt = -I + input               (one synaptic current per channel; tau_syn = 0: I = input)
 *   tau_m   dv/dt = (v_rest - v) + R (I_e + I_i)
 *   v &gt; v_th: spike, v = v_reset, held for t_ref
 * </pre>
 */
public final class EulerLif implements TrainableNeuronModel {
  @Override
  public String name() {
    return "example-euler-lif";
  }

  @Override
  public String description() {
    return "sample plugin: forward-Euler LIF with current synapses (liquids and LIF/LI/CubaLIF graph nodes)";
  }

  @Override
  public ApiVersion apiVersion() {
    // 1.2: the API that added TrainableNeuronModel.
    return new ApiVersion(1, 2);
  }

  @Override
  public Map<String, Double> defaultParameters() {
    Map<String, Double> d = new LinkedHashMap<>();
    d.put("tau_m", 0.02);
    d.put("tau_syn_e", 0.0);
    d.put("tau_syn_i", 0.0);
    d.put("t_ref", 0.0);
    d.put("v_th", 1.0);
    d.put("v_rest", 0.0);
    d.put("v_reset", 0.0);
    d.put("R", 1.0);
    return d;
  }

  @Override
  public NeuronPopulation create(int size, NeuronParameters p) {
    for (String name : p.values().keySet()) {
      if (!defaultParameters().containsKey(name)) {
        throw new IllegalArgumentException("example-euler-lif has no parameter " + name + "; it takes "
            + defaultParameters().keySet());
      }
    }
    Population population = new Population(size, p.dt(), 2, true);
    for (int i = 0; i < size; i++) {
      population.set(i, p.get("tau_m", 0.02), p.get("R", 1), p.get("v_rest", 0), p.get("v_th", 1),
          p.get("v_reset", 0), new double[] {p.get("tau_syn_e", 0), p.get("tau_syn_i", 0)}, 1);
    }
    population.refractorySteps = (int) Math.round(p.get("t_ref", 0) / p.dt());
    return population;
  }

  @Override
  public Set<String> graphNodeTypes() {
    return Set.of("LIF", "LI", "CubaLIF");
  }

  @Override
  public NeuronPopulation create(NeuronNode node, Discretization discretization, boolean resetBySubtraction) {
    double dt = discretization.dt();
    Population population = new Population(node.neurons(), dt, 1, node.spiking());
    population.subtract = resetBySubtraction;
    for (int i = 0; i < node.neurons(); i++) {
      if (node instanceof LifNode n) {
        population.set(i, n.tau().get(i), n.r().get(i), n.vLeak().get(i), n.vThreshold().get(i),
            n.vReset().get(i), new double[] {0}, 1);
      } else if (node instanceof LiNode n) {
        population.set(i, n.tau().get(i), n.r().get(i), n.vLeak().get(i), 0, 0, new double[] {0}, 1);
      } else if (node instanceof CubaLifNode n) {
        population.set(i, n.tauMem().get(i), n.r().get(i), n.vLeak().get(i), n.vThreshold().get(i),
            n.vReset().get(i), new double[] {n.tauSyn().get(i)}, n.wIn().get(i));
      } else {
        throw new UnsupportedOperationException("example-euler-lif does not run " + node.nirType() + " nodes");
      }
    }
    return population;
  }

  /**
   * For training: the same equation with one forward-Euler step per training step, synaptic currents and
   * refractory period off (tau_syn = t_ref = 0), the membrane the only state variable.
   */
  @Override
  public SurrogateDynamics surrogateDynamics(NeuronParameters p, boolean resetBySubtraction) {
    for (String name : p.values().keySet()) {
      if (!defaultParameters().containsKey(name)) {
        throw new IllegalArgumentException("example-euler-lif has no parameter " + name);
      }
    }
    for (String off : new String[] {"tau_syn_e", "tau_syn_i", "t_ref"}) {
      if (p.get(off, 0) != 0) {
        throw new IllegalArgumentException("example-euler-lif trains only with " + off + " = 0");
      }
    }
    double rate = p.dt() / p.get("tau_m", 0.02);
    if (!(rate > 0 && rate < 1)) {
      throw new IllegalArgumentException("example-euler-lif trains only with tau_m > dt > 0");
    }
    return new Dynamics((float) (1 - rate), (float) (rate * p.get("v_rest", 0)), (float) (rate * p.get("R", 1)),
        (float) p.get("v_th", 1), (float) p.get("v_reset", 0), resetBySubtraction);
  }

  /**
   * One state variable, the membrane v:
   * <pre>
   *   h = decay v + leak + gain I,    x = h - v_th
   *   v = h - v_th s  (subtraction)   or   h (1 - s) + v_reset s
   * </pre>
   * and backward, g_v the gradient of the new v and S' the surrogate at x:
   * <pre>
   *   g_h = g_v dv/dh + (g_s + g_v dv/ds) S'   (the dv/ds term dropped when the reset is detached)
   *   g_I = gain g_h,   g_v(previous) = decay g_h
   * </pre>
   */
  private record Dynamics(float decay, float leak, float gain, float threshold, float reset, boolean subtract)
      implements SurrogateDynamics {
    @Override
    public int stateSize() {
      return 1;
    }

    @Override
    public void rest(float[] state, int n) {
      Arrays.fill(state, 0, n, 0f);
    }

    @Override
    public void integrate(int n, float[] state, float[] current, int currentOffset, float[] trace, int traceOffset,
        float[] spikeArgument, int argumentOffset) {
      for (int j = 0; j < n; j++) {
        float h = decay * state[j] + leak + gain * current[currentOffset + j];
        trace[traceOffset + j] = h;
        spikeArgument[argumentOffset + j] = h - threshold;
      }
    }

    @Override
    public void reset(int n, float[] trace, int traceOffset, float[] spikes, int spikesOffset, float[] state) {
      for (int j = 0; j < n; j++) {
        float h = trace[traceOffset + j];
        float s = spikes[spikesOffset + j];
        state[j] = subtract ? h - threshold * s : h * (1 - s) + reset * s;
      }
    }

    @Override
    public void backward(int n, float[] trace, int traceOffset, float[] spikes, int spikesOffset, float[] surrogate,
        float[] spikeGradient, int spikeGradientOffset, float[] stateGradient, float[] currentGradient,
        int currentGradientOffset, boolean detachReset) {
      for (int j = 0; j < n; j++) {
        float gv = stateGradient[j];
        float s = spikes[spikesOffset + j];
        float dvdh = subtract ? 1 : 1 - s;
        float dvds = subtract ? -threshold : reset - trace[traceOffset + j];
        float gh = gv * dvdh + (spikeGradient[spikeGradientOffset + j] + (detachReset ? 0 : gv * dvds)) * surrogate[j];
        currentGradient[currentGradientOffset + j] = gain * gh;
        stateGradient[j] = decay * gh;
      }
    }
  }

  private static final class Population implements NeuronPopulation {
    private final int size;
    private final double dt;
    private final boolean spiking;
    private final float[] v;
    private final float[][] current;
    private final float[] membraneRate;
    private final float[][] synapseRate;
    private final float[] gain;
    private final float[] inputWeight;
    private final float[] rest;
    private final float[] threshold;
    private final float[] reset;
    private final int[] refractory;
    private final float[][] single;
    private int refractorySteps;
    private boolean subtract;

    Population(int size, double dt, int channels, boolean spiking) {
      this.size = size;
      this.dt = dt;
      this.spiking = spiking;
      this.v = new float[size];
      this.current = new float[channels][size];
      this.membraneRate = new float[size];
      this.synapseRate = new float[channels][size];
      this.gain = new float[size];
      this.inputWeight = new float[size];
      this.rest = new float[size];
      this.threshold = new float[size];
      this.reset = new float[size];
      this.refractory = new int[size];
      this.single = new float[channels][];
      for (int c = 1; c < channels; c++) {
        single[c] = new float[size];
      }
    }

    /** Neuron i's constants; a synaptic time constant of 0 passes the input straight through as current. */
    void set(int i, double tau, double r, double vRest, double vTh, double vReset, double[] tauSyn, double wIn) {
      membraneRate[i] = (float) (dt / tau);
      gain[i] = (float) r;
      rest[i] = (float) vRest;
      threshold[i] = (float) vTh;
      reset[i] = (float) vReset;
      inputWeight[i] = (float) wIn;
      for (int c = 0; c < tauSyn.length; c++) {
        synapseRate[c][i] = tauSyn[c] > 0 ? (float) (dt / tauSyn[c]) : -1f;
      }
    }

    @Override
    public int size() {
      return size;
    }

    @Override
    public double dt() {
      return dt;
    }

    @Override
    public int channels() {
      return current.length;
    }

    @Override
    public int step(float[] input, long[] spikes) {
      // Channel 0 takes the input, the others (if any) read the zeros allocated once.
      single[0] = input;
      return step(single, spikes);
    }

    @Override
    public int step(float[][] inputs, long[] spikes) {
      Arrays.fill(spikes, 0, (size + 63) >>> 6, 0L);
      int count = 0;
      for (int i = 0; i < size; i++) {
        float total = 0;
        for (int c = 0; c < current.length; c++) {
          float drive = inputWeight[i] * inputs[c][i];
          float rate = synapseRate[c][i];
          current[c][i] = rate < 0 ? drive : current[c][i] + rate * (drive - current[c][i]);
          total += current[c][i];
        }
        if (refractory[i] > 0) {
          refractory[i]--;
          continue;
        }
        v[i] += membraneRate[i] * (rest[i] - v[i] + gain[i] * total);
        if (spiking && v[i] > threshold[i]) {
          spikes[i >>> 6] |= 1L << i;
          v[i] = subtract ? v[i] - threshold[i] : reset[i];
          refractory[i] = refractorySteps;
          count++;
        }
      }
      return count;
    }

    @Override
    public float[] membranePotential() {
      return v;
    }

    @Override
    public void setMembranePotential(float[] potentials) {
      System.arraycopy(potentials, 0, v, 0, size);
    }

    @Override
    public void reset() {
      Arrays.fill(v, 0f);
      Arrays.fill(refractory, 0);
      for (float[] c : current) {
        Arrays.fill(c, 0f);
      }
    }
  }
}
