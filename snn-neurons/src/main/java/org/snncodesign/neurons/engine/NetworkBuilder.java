package org.snncodesign.neurons.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snncodesign.api.neuron.NeuronPopulation;
import org.snncodesign.api.sparse.CsrMatrix;

/**
 * Collects populations and projections, checks that they fit together, and builds a {@link
 * Network}. Obtain one with {@link Network#builder(double)}.
 */
public final class NetworkBuilder {
  private final double dt;
  private final Map<String, NeuronPopulation> populations = new LinkedHashMap<>();
  private final List<Projection> projections = new ArrayList<>();
  private final List<String> projectionNames = new ArrayList<>();
  private final Map<String, float[]> inputCurrents = new LinkedHashMap<>();
  private PropagationMode mode = PropagationMode.EVENT;

  NetworkBuilder(double dt) {
    if (!(dt > 0) || !Double.isFinite(dt)) {
      throw new IllegalArgumentException("dt must be finite and > 0, got " + dt);
    }
    this.dt = dt;
  }

  /**
   * Adds a population under a unique name; its dt must equal the network's.
   *
   * @throws IllegalArgumentException naming a duplicate name or a differing dt
   */
  public NetworkBuilder population(String name, NeuronPopulation population) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("population name must not be blank, got '" + name + "'");
    }
    if (populations.containsKey(name)) {
      throw new IllegalArgumentException("population '" + name + "' is already in the network");
    }
    if (Math.abs(population.dt() - dt) > 1e-9 * dt) {
      throw new IllegalArgumentException(
          "population '"
              + name
              + "' has dt = "
              + population.dt()
              + " s but the network steps dt = "
              + dt
              + " s");
    }
    populations.put(name, population);
    return this;
  }

  /**
   * Adds a projection whose every synapse has the same delay.
   *
   * @param weights rows = neurons of {@code pre}, columns = neurons of {@code post}; wrapped, not
   *     copied
   * @param delaySteps delay in steps, >= 1 (a spike at step t arrives as input of step t + delay)
   * @param channel input channel of the target population (0 for plain populations)
   */
  public NetworkBuilder projection(
      String name, String pre, String post, CsrMatrix weights, int delaySteps, int channel) {
    if (delaySteps < 1 || delaySteps > Short.MAX_VALUE) {
      throw new IllegalArgumentException(
          "delay of projection '"
              + name
              + "' must be in [1, "
              + Short.MAX_VALUE
              + "] steps, got "
              + delaySteps);
    }
    return add(name, pre, post, weights, delaySteps, null, channel, TransmittedSignal.SPIKES);
  }

  /**
   * Adds a projection with one delay per synapse, in the order of the CSR entries.
   *
   * @param delaySteps one delay per stored entry, each in [1, 32767] steps
   */
  public NetworkBuilder projection(
      String name, String pre, String post, CsrMatrix weights, int[] delaySteps, int channel) {
    if (delaySteps.length != weights.nonZeros()) {
      throw new IllegalArgumentException(
          "projection '"
              + name
              + "' has "
              + weights.nonZeros()
              + " synapses but "
              + delaySteps.length
              + " delays");
    }
    short[] delays = new short[delaySteps.length];
    for (int k = 0; k < delays.length; k++) {
      if (delaySteps[k] < 1 || delaySteps[k] > Short.MAX_VALUE) {
        throw new IllegalArgumentException(
            "delay of synapse "
                + k
                + " of projection '"
                + name
                + "' must be in [1, "
                + Short.MAX_VALUE
                + "] steps, got "
                + delaySteps[k]);
      }
      delays[k] = (short) delaySteps[k];
    }
    return add(name, pre, post, weights, 1, delays, channel, TransmittedSignal.SPIKES);
  }

  /**
   * Adds a projection carrying spikes or analog values, with one delay per synapse that may be 0: a
   * synapse of delay 0 delivers in the same step (a spike of {@code pre} at step t is input of
   * {@code post} at step t), so {@code pre} must come before {@code post} in the population order;
   * such a projection is propagated right after {@code pre} steps. Equal delays are stored once.
   *
   * @param delaySteps one delay per stored entry, each in [0, 32767] steps
   * @param signal spikes, or the source's membrane potential as an analog value
   * @throws IllegalArgumentException naming the projection when a delay is out of range, or a
   *     delay-0 projection does not go from an earlier population to a later one
   */
  public NetworkBuilder projection(
      String name,
      String pre,
      String post,
      CsrMatrix weights,
      int[] delaySteps,
      int channel,
      TransmittedSignal signal) {
    if (signal == null) {
      throw new IllegalArgumentException("projection '" + name + "' needs a transmitted signal");
    }
    if (delaySteps.length != weights.nonZeros()) {
      throw new IllegalArgumentException(
          "projection '"
              + name
              + "' has "
              + weights.nonZeros()
              + " synapses but "
              + delaySteps.length
              + " delays");
    }
    short[] delays = new short[delaySteps.length];
    boolean uniform = true;
    boolean immediate = false;
    for (int k = 0; k < delays.length; k++) {
      if (delaySteps[k] < 0 || delaySteps[k] > Short.MAX_VALUE) {
        throw new IllegalArgumentException(
            "delay of synapse "
                + k
                + " of projection '"
                + name
                + "' must be in [0, "
                + Short.MAX_VALUE
                + "] steps, got "
                + delaySteps[k]);
      }
      delays[k] = (short) delaySteps[k];
      uniform &= delays[k] == delays[0];
      immediate |= delays[k] == 0;
    }
    if (immediate && indexOf(pre, name) >= indexOf(post, name)) {
      throw new IllegalArgumentException(
          "projection '"
              + name
              + "' delivers in the same step (delay 0), so '"
              + pre
              + "' must come before '"
              + post
              + "' in the population order "
              + populations.keySet());
    }
    int delay = uniform && delays.length > 0 ? delays[0] : 1;
    return add(name, pre, post, weights, delay, uniform ? null : delays, channel, signal);
  }

  private NetworkBuilder add(
      String name,
      String pre,
      String post,
      CsrMatrix weights,
      int delay,
      short[] delays,
      int channel,
      TransmittedSignal signal) {
    if (projectionNames.contains(name)) {
      throw new IllegalArgumentException("projection '" + name + "' is already in the network");
    }
    int preIndex = indexOf(pre, name);
    int postIndex = indexOf(post, name);
    NeuronPopulation source = populations.get(pre);
    NeuronPopulation target = populations.get(post);
    if (weights.rows() != source.size() || weights.cols() != target.size()) {
      throw new IllegalArgumentException(
          "projection '"
              + name
              + "' has a "
              + weights.rows()
              + " x "
              + weights.cols()
              + " matrix but connects "
              + source.size()
              + " neurons of '"
              + pre
              + "' to "
              + target.size()
              + " of '"
              + post
              + "'");
    }
    int channels = target.channels();
    if (channel < 0 || channel >= channels) {
      throw new IllegalArgumentException(
          "projection '"
              + name
              + "' targets channel "
              + channel
              + " but '"
              + post
              + "' has "
              + channels
              + " channel(s)");
    }
    float[] w = weights.values();
    for (int k = 0; k < w.length; k++) {
      if (!Float.isFinite(w[k])) {
        throw new IllegalArgumentException(
            "weight " + k + " of projection '" + name + "' must be finite, got " + w[k]);
      }
    }
    projections.add(
        new Projection(name, preIndex, postIndex, channel, signal, weights, delay, delays));
    projectionNames.add(name);
    return this;
  }

  private int indexOf(String population, String projection) {
    int i = 0;
    for (String name : populations.keySet()) {
      if (name.equals(population)) {
        return i;
      }
      i++;
    }
    throw new IllegalArgumentException(
        "projection '"
            + projection
            + "' names population '"
            + population
            + "', which is not in the network; known: "
            + populations.keySet());
  }

  /**
   * A current added to channel 0 of {@code population} at every step, on top of its synaptic input
   * (a bias, or a constant analog input such as pixels under direct encoding); {@link
   * Network#setInputCurrent} changes it later.
   *
   * @param current one value per neuron, copied
   * @throws IllegalArgumentException naming the population when it is unknown, the length differs
   *     or a value is not finite
   */
  public NetworkBuilder inputCurrent(String population, float[] current) {
    NeuronPopulation target = populations.get(population);
    if (target == null) {
      throw new IllegalArgumentException(
          "input current names population '"
              + population
              + "', which is not in the network; known: "
              + populations.keySet());
    }
    inputCurrents.put(
        population, InputCurrents.checked(population, target.size(), current).clone());
    return this;
  }

  /** Clock-driven or event-driven propagation (default event-driven). */
  public NetworkBuilder mode(PropagationMode mode) {
    if (mode == null) {
      throw new IllegalArgumentException("propagation mode must not be null");
    }
    this.mode = mode;
    return this;
  }

  public Network build() {
    List<String> names = new ArrayList<>(populations.keySet());
    float[][] currents = new float[names.size()][];
    for (int p = 0; p < currents.length; p++) {
      float[] current = inputCurrents.get(names.get(p));
      currents[p] = current == null ? null : current.clone();
    }
    return new Network(
        dt,
        names,
        new ArrayList<>(populations.values()),
        projections.toArray(new Projection[0]),
        mode,
        currents);
  }
}
