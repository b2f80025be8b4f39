package org.snncodesign.neurons.model;

import org.snncodesign.api.Checks;
import org.snncodesign.api.graph.CubaLiNode;
import org.snncodesign.api.graph.CubaLifNode;
import org.snncodesign.api.graph.IfNode;
import org.snncodesign.api.graph.IntegratorNode;
import org.snncodesign.api.graph.LiNode;
import org.snncodesign.api.graph.LifNode;
import org.snncodesign.api.graph.NeuronNode;
import org.snncodesign.api.graph.Tensor;
import org.snncodesign.api.graph.ThresholdNode;
import org.snncodesign.api.neuron.Discretization;

/**
 * The neurons of one graph neuron node of NIR's family (LIF, LI, CubaLIF, CubaLI, IF, I,
 * Threshold), each with its own parameters, discretised at {@code dt}. One class runs the whole
 * family: a node type only chooses which of the terms below exist. {@code S} is the summed input of
 * the step (spikes as 1 held for the step).
 *
 * <pre>
 *   synaptic current (CubaLIF, CubaLI; else I = S):
 *     FORWARD_EULER      I_syn += dt/tau_syn (-I_syn + w_in S)
 *     EXPONENTIAL_EULER  I_syn  = w_in S + (I_syn - w_in S) e^{-dt/tau_syn}
 *   membrane (LIF, LI, CubaLIF, CubaLI; I is the new I_syn where there is one):
 *     FORWARD_EULER      v += dt/tau (v_leak - v + r I)
 *     EXPONENTIAL_EULER  v  = u + (v - u) e^{-dt/tau},  u = v_leak + r I
 *   membrane (IF, I), both rules:  v += dt r I
 *   spike (LIF, CubaLIF, IF) when v &gt; v_threshold (strict, as NIR); then v = v_reset, or v -= v_threshold
 *   Threshold: stateless, a spike where S &gt; threshold (v reports S)
 * </pre>
 *
 * <p>Both rules have the form {@code x = d x + (1 - d) u}, with {@code d = 1 - dt/tau} (forward
 * Euler) or {@code d = e^{-dt/tau}} (exponential Euler). The step evaluates it as {@code v = d v +
 * k v_leak + (k r) I} with {@code k = 1 - d} and the products {@code k v_leak}, {@code k r}, {@code
 * k w_in} formed in double precision at construction: snnTorch exports {@code tau = dt / (1 -
 * beta)}, {@code r = tau / dt}, {@code w_in = tau_syn / dt}, so under forward Euler {@code k r = 1}
 * and the step is exactly snnTorch's {@code v = beta v + I} in float. The state starts at {@code v
 * = v_leak} (0 for IF and I) and {@code I_syn = 0}.
 */
public final class GraphNeuronPopulation extends AbstractSynapticPopulation {
  private final boolean synaptic;
  private final boolean stateless;
  private final boolean spiking;
  private final boolean subtract;
  // I_syn = synDecay I_syn + synGain S, synGain = (1 - synDecay) w_in.
  private final float[] synDecay;
  private final float[] synGain;
  private final float[] iSyn;
  // v = memDecay v + memLeak + memGain I, memLeak = (1 - memDecay) v_leak, memGain = (1 - memDecay)
  // r (dt r for IF).
  private final float[] memDecay;
  private final float[] memLeak;
  private final float[] memGain;
  private final float[] vRest;
  private final float[] vThreshold;
  private final float[] vReset;

  /** Which terms a node type has; null tensors mean the term is absent. */
  private record Terms(
      Tensor tauSyn,
      Tensor wIn,
      Tensor tau,
      Tensor r,
      Tensor vLeak,
      Tensor vThreshold,
      Tensor vReset) {}

  private GraphNeuronPopulation(
      String model,
      int size,
      Discretization discretization,
      boolean resetBySubtraction,
      Terms terms) {
    super(model, size, discretization.dt(), 1);
    double dt = discretization.dt();
    Discretization.Integration rule = discretization.integration();
    this.synaptic = terms.tauSyn() != null;
    this.stateless = terms.r() == null;
    this.spiking = terms.vThreshold() != null;
    this.subtract = resetBySubtraction && spiking && !stateless;
    this.synDecay = new float[synaptic ? size : 0];
    this.synGain = new float[synaptic ? size : 0];
    this.iSyn = new float[synaptic ? size : 0];
    this.memDecay = new float[size];
    this.memLeak = new float[size];
    this.memGain = new float[size];
    this.vRest = new float[size];
    this.vThreshold = new float[spiking ? size : 0];
    this.vReset = new float[spiking ? size : 0];
    for (int i = 0; i < size; i++) {
      if (synaptic) {
        double d = decay(dt, terms.tauSyn().get(i), rule);
        synDecay[i] = (float) d;
        synGain[i] = (float) (complement(dt, terms.tauSyn().get(i), rule) * terms.wIn().get(i));
      }
      if (terms.tau() != null) {
        double k = complement(dt, terms.tau().get(i), rule);
        memDecay[i] = (float) decay(dt, terms.tau().get(i), rule);
        memLeak[i] = (float) (k * terms.vLeak().get(i));
        memGain[i] = (float) (k * terms.r().get(i));
        vRest[i] = (float) terms.vLeak().get(i);
      } else if (!stateless) {
        memDecay[i] = 1f;
        memGain[i] = (float) (dt * terms.r().get(i));
      }
      if (spiking) {
        vThreshold[i] = (float) terms.vThreshold().get(i);
        vReset[i] = terms.vReset() == null ? 0f : (float) terms.vReset().get(i);
      }
    }
    checkFinite(model, memGain, "r");
    checkFinite(model, synGain, "w_in");
    checkFinite(model, memLeak, "v_leak");
    checkFinite(model, vThreshold, "v_threshold");
    checkFinite(model, vReset, "v_reset");
    reset();
  }

  /**
   * The population running {@code node}'s neurons.
   *
   * @param model the plugin name, for messages
   * @param resetBySubtraction {@code v -= v_threshold} after a spike instead of {@code v = v_reset}
   * @throws IllegalArgumentException naming a parameter that does not fit single precision
   */
  public static GraphNeuronPopulation of(
      String model, NeuronNode node, Discretization discretization, boolean resetBySubtraction) {
    Checks.checkArgument(
        node != null && discretization != null,
        "a graph population needs a node and a discretization");
    return new GraphNeuronPopulation(
        model, node.neurons(), discretization, resetBySubtraction, terms(node));
  }

  private static Terms terms(NeuronNode node) {
    if (node instanceof LifNode n) {
      return new Terms(null, null, n.tau(), n.r(), n.vLeak(), n.vThreshold(), n.vReset());
    }
    if (node instanceof LiNode n) {
      return new Terms(null, null, n.tau(), n.r(), n.vLeak(), null, null);
    }
    if (node instanceof CubaLifNode n) {
      return new Terms(
          n.tauSyn(), n.wIn(), n.tauMem(), n.r(), n.vLeak(), n.vThreshold(), n.vReset());
    }
    if (node instanceof CubaLiNode n) {
      return new Terms(n.tauSyn(), n.wIn(), n.tauMem(), n.r(), n.vLeak(), null, null);
    }
    if (node instanceof IfNode n) {
      return new Terms(null, null, null, n.r(), null, n.vThreshold(), n.vReset());
    }
    if (node instanceof IntegratorNode n) {
      return new Terms(null, null, null, n.r(), null, null, null);
    }
    ThresholdNode n = (ThresholdNode) node;
    return new Terms(null, null, null, null, null, n.threshold(), null);
  }

  /** d: e^{-dt/tau} (exponential Euler) or 1 - dt/tau (forward Euler). */
  private static double decay(double dt, double tau, Discretization.Integration rule) {
    return rule == Discretization.Integration.EXPONENTIAL_EULER
        ? Math.exp(-dt / tau)
        : 1 - dt / tau;
  }

  /** k = 1 - d, computed without cancellation: -expm1(-dt/tau), or dt/tau. */
  private static double complement(double dt, double tau, Discretization.Integration rule) {
    return rule == Discretization.Integration.EXPONENTIAL_EULER ? -Math.expm1(-dt / tau) : dt / tau;
  }

  private static void checkFinite(String model, float[] values, String parameter) {
    for (int i = 0; i < values.length; i++) {
      Checks.checkArgument(
          Float.isFinite(values[i]),
          "neuron model '%s': %s of neuron %d gives %s in single" + " precision",
          model,
          parameter,
          i,
          values[i]);
    }
  }

  /** Whether the neurons emit spikes (else their output is v). */
  public boolean spiking() {
    return spiking;
  }

  @Override
  protected int advance(float[][] inputs, long[] spikes) {
    float[] input = inputs[0];
    clearSpikes(spikes);
    int count = 0;
    for (int i = 0; i < size; i++) {
      float s = InputChecks.finite(model, i, input[i]);
      float current = s;
      if (synaptic) {
        // I_syn += dt/tau_syn (-I_syn + w_in S), i.e. I_syn = d_syn I_syn + (1 - d_syn) w_in S.
        current = synDecay[i] * iSyn[i] + synGain[i] * s;
        iSyn[i] = current;
      }
      float vi;
      if (stateless) {
        vi = s;
      } else {
        // v += dt/tau (v_leak - v + r I), i.e. v = d v + (1 - d) v_leak + (1 - d) r I; IF and I: v
        // += dt r I.
        vi = memDecay[i] * v[i] + memLeak[i] + memGain[i] * current;
      }
      if (spiking && vi > vThreshold[i]) {
        spikes[i >>> 6] |= 1L << i;
        count++;
        if (!stateless) {
          vi = subtract ? vi - vThreshold[i] : vReset[i];
        }
      }
      v[i] = vi;
    }
    return count;
  }

  @Override
  public void reset() {
    System.arraycopy(vRest, 0, v, 0, size);
    java.util.Arrays.fill(iSyn, 0f);
  }
}
