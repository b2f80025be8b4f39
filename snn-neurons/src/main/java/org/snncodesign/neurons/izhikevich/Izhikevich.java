package org.snncodesign.neurons.izhikevich;

import java.util.LinkedHashMap;
import java.util.Map;
import org.snncodesign.api.neuron.NeuronPopulation;
import org.snncodesign.neurons.model.AbstractNeuronModel;
import org.snncodesign.neurons.model.ModelParameters;

/**
 * The Izhikevich neuron, plugin name {@code izhikevich} (Izhikevich 2003, "Simple model of spiking
 * neurons", IEEE Trans. Neural Netw. 14:1569), with v in mV and time in ms inside the equations:
 *
 * <pre>
 *   dv/dt = 0.04 v^2 + 5 v + 140 - u + I
 *   du/dt = a (b v - u)
 *   v &gt;= v_peak:  spike;  v = c;  u = u + d
 * </pre>
 *
 * <p>Integrated by forward Euler, splitting a step dt into sub-steps of at most 0.1 ms because the
 * quadratic term is stiff near the spike. Input per step is the current I (dimensionless, as in the
 * paper; I = 10 drives the classic patterns). Parameters: {@code a} (0.02), {@code b} (0.2), {@code
 * c} (-65), {@code d} (8) give regular spiking; fast spiking a = 0.1, d = 2; chattering c = -50, d
 * = 2; intrinsically bursting c = -55, d = 4. {@code v_peak} (30) is the spike cut-off and {@code
 * v_init} (-65) the resting start, with u = b v_init.
 */
public final class Izhikevich extends AbstractNeuronModel {
  static final String NAME = "izhikevich";

  /** Public no-argument constructor for {@link java.util.ServiceLoader}. */
  public Izhikevich() {
    super(
        NAME,
        "Izhikevich (2003) two-variable model: regular/fast spiking, chattering, bursting via a, b, c, d",
        defaults());
  }

  private static Map<String, Double> defaults() {
    Map<String, Double> d = new LinkedHashMap<>();
    d.put("a", 0.02);
    d.put("b", 0.2);
    d.put("c", -65.0);
    d.put("d", 8.0);
    d.put("v_peak", 30.0);
    d.put("v_init", -65.0);
    return d;
  }

  @Override
  protected NeuronPopulation create(int size, ModelParameters p) {
    p.requireBelow("c", "v_peak");
    return new IzhikevichPopulation(
        ModelParameters.size(size),
        p.dt(),
        (float) p.positive("a"),
        (float) p.get("b"),
        (float) p.get("c"),
        (float) p.get("d"),
        (float) p.get("v_peak"),
        (float) p.get("v_init"));
  }
}
