package org.snncodesign.neurons.cuba;

import java.util.SplittableRandom;
import org.snncodesign.api.neuron.NeuronParameters;
import org.snncodesign.api.neuron.NeuronPopulation;
import org.snncodesign.api.sparse.CsrMatrix;
import org.snncodesign.neurons.engine.Network;
import org.snncodesign.neurons.engine.PropagationMode;
import org.snncodesign.neurons.engine.RandomConnectivity;
import org.snncodesign.neurons.lif.LeakyIntegrateAndFire;

/**
 * The CUBA benchmark network of Brette et al. 2007 (J. Comput. Neurosci. 23:349, benchmark 2), as
 * in Brian2's {@code examples/CUBA.py}: 4,000 current-based LIF neurons, the first 80% excitatory
 * and the rest inhibitory, each pair connected with probability 0.02, exponential synaptic
 * currents, dt = 0.1 ms.
 *
 * <pre>
 *   tau_m dv/dt = -(v - E_l) + g_e + g_i   (mV; tau_m = 20 ms, E_l = -49 mV)
 *   tau_e dg_e/dt = -g_e (5 ms),  tau_i dg_i/dt = -g_i (10 ms)
 *   v &gt; V_t = -50 mV: spike, v = V_r = -60 mV, refractory 5 ms
 *   excitatory spike: g_e += 60 * 0.27 / 10 mV = 1.62 mV;  inhibitory: g_i += -20 * 4.5 / 10 mV = -9 mV
 *   v(0) uniform in [V_r, V_t]
 * </pre>
 *
 * <p>A spike at step t reaches its targets as input of step t + 1, which is Brian2's order
 * (threshold, then {@code on_pre}, then the next step's state update), i.e. Brian2's delay 0.
 */
public final class CubaNetwork {
  /** The population's name in the network. */
  public static final String POPULATION = "P";

  public static final int NEURONS = 4000;
  public static final int EXCITATORY = 3200;
  public static final double DT = 1e-4;
  public static final double CONNECTIVITY = 0.02;
  public static final float WEIGHT_EXCITATORY = 60f * 0.27f / 10f;
  public static final float WEIGHT_INHIBITORY = -20f * 4.5f / 10f;

  private CubaNetwork() {}

  /** Builds the network with connectivity and initial potentials drawn from {@code seed}. */
  public static Network build(PropagationMode mode, long seed) {
    NeuronParameters parameters =
        NeuronParameters.withDt(DT)
            .with("tau_m", 0.020)
            .with("v_rest", -49)
            .with("v_th", -50)
            .with("v_reset", -60)
            .with("t_ref", 0.005)
            .with("tau_syn_e", 0.005)
            .with("tau_syn_i", 0.010)
            .with("R", 1);
    NeuronPopulation population =
        (NeuronPopulation) new LeakyIntegrateAndFire().create(NEURONS, parameters);
    SplittableRandom random = new SplittableRandom(seed);
    float[] v = new float[NEURONS];
    for (int i = 0; i < NEURONS; i++) {
      v[i] = (float) (-60 + random.nextDouble() * 10);
    }
    population.setMembranePotential(v);
    CsrMatrix excitatory =
        RandomConnectivity.bernoulli(
            NEURONS, NEURONS, 0, EXCITATORY, CONNECTIVITY, WEIGHT_EXCITATORY, random.nextLong());
    CsrMatrix inhibitory =
        RandomConnectivity.bernoulli(
            NEURONS,
            NEURONS,
            EXCITATORY,
            NEURONS,
            CONNECTIVITY,
            WEIGHT_INHIBITORY,
            random.nextLong());
    return Network.builder(DT)
        .population(POPULATION, population)
        .projection("Ce", POPULATION, POPULATION, excitatory, 1, 0)
        .projection("Ci", POPULATION, POPULATION, inhibitory, 1, 1)
        .mode(mode)
        .build();
  }
}
