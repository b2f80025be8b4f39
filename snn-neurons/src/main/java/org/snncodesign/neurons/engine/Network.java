package org.snncodesign.neurons.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.snncodesign.api.neuron.NeuronPopulation;

/**
 * A spiking network of populations and sparse projections, advanced in steps of dt.
 *
 * <p>Each step first advances every population with the input that arrived for this step (plus its
 * constant {@linkplain #setInputCurrent input current} on channel 0), then propagates this step's
 * spikes along every projection into ring buffers of delayed input (one per target population and
 * channel, {@code max delay + 1} slots). A projection with synapses of delay 0 (feed-forward
 * delivery within the step) instead propagates right after its source population steps, into the
 * slot its later target is about to read. Projections may carry spikes or, from a non-spiking
 * source, its membrane potential as an analog value ({@link TransmittedSignal}). Spikes are bit
 * sets ({@code long[]}), connectivity is CSR, and a step allocates nothing. {@link
 * PropagationMode#CLOCK} visits every synapse each step, {@link PropagationMode#EVENT} only those
 * of neurons that spiked; both add the same terms in the same order (rows ascending), so they give
 * identical spikes.
 *
 * <pre>{@code
 * Network net = Network.builder(1e-4)
 *     .population("P", lif.create(4000, params))
 *     .projection("Ce", "P", "P", excitatory, 1, 0)
 *     .mode(PropagationMode.EVENT)
 *     .build();
 * SpikeMonitor spikes = net.monitorSpikes("P");
 * net.run(10_000);
 * }</pre>
 */
public final class Network {
  private final double dt;
  private final List<String> names;
  private final NeuronPopulation[] populations;
  private final Projection[] projections;
  // Projections with a delay-0 synapse, by source population, in the order they were added.
  private final Projection[][] immediateBySource;
  // The others, in the order they were added (propagated after every population has stepped).
  private final Projection[] delayedProjections;
  private final PropagationMode mode;
  // Constant current added to channel 0 of population p every step; null where none was set.
  private final float[][] inputCurrents;
  private final long[][] spikes;
  private final int[] ringSize;
  // ring[p][channel][slot] holds the input population p receives at the step whose index is slot
  // mod ringSize[p].
  private final float[][][][] ring;
  private final float[][][] stepInputs;
  private final long[] spikeCounts;
  private final List<List<SpikeMonitor>> spikeMonitors = new ArrayList<>();
  private final List<List<StateMonitor>> stateMonitors = new ArrayList<>();
  private long synapticEvents;
  private int step;

  Network(
      double dt,
      List<String> names,
      List<NeuronPopulation> populations,
      Projection[] projections,
      PropagationMode mode,
      float[][] inputCurrents) {
    this.dt = dt;
    this.names = List.copyOf(names);
    this.populations = populations.toArray(new NeuronPopulation[0]);
    this.projections = projections;
    this.mode = mode;
    this.inputCurrents = inputCurrents;
    int n = this.populations.length;
    List<Projection> delayed = new ArrayList<>();
    List<List<Projection>> immediate = new ArrayList<>();
    for (int p = 0; p < n; p++) {
      immediate.add(new ArrayList<>());
    }
    for (Projection projection : projections) {
      if (projection.immediate()) {
        immediate.get(projection.pre).add(projection);
      } else {
        delayed.add(projection);
      }
    }
    this.delayedProjections = delayed.toArray(new Projection[0]);
    this.immediateBySource = new Projection[n][];
    for (int p = 0; p < n; p++) {
      immediateBySource[p] = immediate.get(p).toArray(new Projection[0]);
    }
    this.spikes = new long[n][];
    this.ringSize = new int[n];
    this.ring = new float[n][][][];
    this.stepInputs = new float[n][][];
    this.spikeCounts = new long[n];
    for (int p = 0; p < n; p++) {
      NeuronPopulation pop = this.populations[p];
      spikes[p] = new long[(pop.size() + 63) >>> 6];
      int maxDelay = 1;
      for (Projection projection : projections) {
        if (projection.post == p) {
          maxDelay = Math.max(maxDelay, projection.maxDelay());
        }
      }
      ringSize[p] = maxDelay + 1;
      int channels = pop.channels();
      ring[p] = new float[channels][ringSize[p]][pop.size()];
      stepInputs[p] = new float[channels][];
      spikeMonitors.add(new ArrayList<>());
      stateMonitors.add(new ArrayList<>());
    }
  }

  /** A builder of a network stepping {@code dt} seconds. */
  public static NetworkBuilder builder(double dt) {
    return new NetworkBuilder(dt);
  }

  public double dt() {
    return dt;
  }

  public PropagationMode mode() {
    return mode;
  }

  /** Steps simulated so far. */
  public int currentStep() {
    return step;
  }

  /** Population names in the order they were added. */
  public List<String> populationNames() {
    return names;
  }

  private int index(String population) {
    int i = names.indexOf(population);
    if (i < 0) {
      throw new IllegalArgumentException(
          "no population '" + population + "' in the network; known: " + names);
    }
    return i;
  }

  /** The population itself (for reading state or setting initial conditions). */
  public NeuronPopulation population(String name) {
    return populations[index(name)];
  }

  /** Records every spike of a population from now on. */
  public SpikeMonitor monitorSpikes(String population) {
    int p = index(population);
    SpikeMonitor monitor = new SpikeMonitor(population, populations[p].size(), dt);
    spikeMonitors.get(p).add(monitor);
    return monitor;
  }

  /** Records the membrane potential of the given neurons of a population every step from now on. */
  public StateMonitor monitorState(String population, int... neurons) {
    int p = index(population);
    for (int neuron : neurons) {
      if (neuron < 0 || neuron >= populations[p].size()) {
        throw new IllegalArgumentException(
            "neuron "
                + neuron
                + " outside population '"
                + population
                + "' of "
                + populations[p].size());
      }
    }
    StateMonitor monitor = new StateMonitor(population, neurons, dt);
    stateMonitors.get(p).add(monitor);
    return monitor;
  }

  /**
   * Sets the current added to channel 0 of {@code population} at every following step (copied into
   * the network's own array; allocates only the first time a population without a current gets
   * one).
   *
   * @param current one finite value per neuron
   * @throws IllegalArgumentException naming the population, the length or the value that does not
   *     fit
   */
  public void setInputCurrent(String population, float[] current) {
    int p = index(population);
    InputCurrents.checked(population, populations[p].size(), current);
    if (inputCurrents[p] == null) {
      inputCurrents[p] = new float[current.length];
    }
    System.arraycopy(current, 0, inputCurrents[p], 0, current.length);
  }

  /** Spikes of a population at the last step, as bits (a live view). */
  public long[] lastSpikes(String population) {
    return spikes[index(population)];
  }

  /** Spikes of a population since the start. */
  public long spikeCount(String population) {
    return spikeCounts[index(population)];
  }

  /** Spikes of all populations since the start. */
  public long spikeCount() {
    long total = 0;
    for (long c : spikeCounts) {
      total += c;
    }
    return total;
  }

  /** Synapses whose presynaptic neuron spiked, summed over steps: the synaptic events delivered. */
  public long synapticEvents() {
    return synapticEvents;
  }

  /** Neurons in all populations. */
  public long neuronCount() {
    long total = 0;
    for (NeuronPopulation p : populations) {
      total += p.size();
    }
    return total;
  }

  /** Synapses in all projections. */
  public long synapseCount() {
    long total = 0;
    for (Projection projection : projections) {
      total += projection.columns.length;
    }
    return total;
  }

  /**
   * Bytes held by the network's own arrays and the CSR arrays it wraps (connectivity, ring buffers,
   * spike bits), not counting the populations' state.
   */
  public long heapBytes() {
    long bytes = 0;
    for (Projection projection : projections) {
      bytes += projection.heapBytes();
    }
    for (int p = 0; p < populations.length; p++) {
      bytes += 4L * ring[p].length * ringSize[p] * populations[p].size() + 8L * spikes[p].length;
    }
    return bytes;
  }

  /** Advances {@code steps} steps. */
  public void run(int steps) {
    if (steps < 0) {
      throw new IllegalArgumentException("steps must be >= 0, got " + steps);
    }
    for (int s = 0; s < steps; s++) {
      step();
    }
  }

  /** Advances one step. */
  public void step() {
    int t = step;
    boolean eventDriven = mode == PropagationMode.EVENT;
    for (int p = 0; p < populations.length; p++) {
      int slot = t % ringSize[p];
      float[][][] inputs = ring[p];
      float[] current = inputCurrents[p];
      if (current != null) {
        float[] channel0 = inputs[0][slot];
        for (int i = 0; i < current.length; i++) {
          channel0[i] += current[i];
        }
      }
      int spiked;
      if (populations[p].channels() > 1) {
        float[][] holder = stepInputs[p];
        for (int c = 0; c < holder.length; c++) {
          holder[c] = inputs[c][slot];
        }
        spiked = populations[p].step(holder, spikes[p]);
      } else {
        spiked = populations[p].step(inputs[0][slot], spikes[p]);
      }
      spikeCounts[p] += spiked;
      for (float[][] channel : inputs) {
        Arrays.fill(channel[slot], 0f);
      }
      List<SpikeMonitor> sm = spikeMonitors.get(p);
      for (int m = 0; m < sm.size(); m++) {
        sm.get(m).record(t, spikes[p]);
      }
      List<StateMonitor> vm = stateMonitors.get(p);
      for (int m = 0; m < vm.size(); m++) {
        vm.get(m).record(t, populations[p].membranePotential());
      }
      for (Projection projection : immediateBySource[p]) {
        synapticEvents += propagate(projection, t, eventDriven);
      }
    }
    for (Projection projection : delayedProjections) {
      synapticEvents += propagate(projection, t, eventDriven);
    }
    step = t + 1;
  }

  /**
   * Adds this step's spikes of the projection's source to the ring slots of its target. EVENT walks
   * only the set bits; CLOCK walks every row and multiplies by s_pre in {0, 1}: adding 0 * w leaves
   * every sum unchanged and 1 * w is w, which is why both modes agree bit for bit.
   */
  private long propagate(Projection projection, int t, boolean eventDriven) {
    if (projection.signal == TransmittedSignal.MEMBRANE_POTENTIAL) {
      return propagateValues(projection, t, eventDriven);
    }
    long[] bits = spikes[projection.pre];
    float[][] slots = ring[projection.post][projection.channel];
    int size = ringSize[projection.post];
    int[] pointers = projection.rowPointers;
    int[] columns = projection.columns;
    float[] weights = projection.weights;
    short[] delays = projection.delays;
    int base = t % size;
    float[] target = slots[(base + projection.delay) % size];
    long events = 0;
    if (eventDriven) {
      for (int w = 0; w < bits.length; w++) {
        long word = bits[w];
        while (word != 0) {
          int row = (w << 6) + Long.numberOfTrailingZeros(word);
          word &= word - 1;
          events += pointers[row + 1] - pointers[row];
          deliver(row, 1f, pointers, columns, weights, delays, target, slots, base, size);
        }
      }
    } else {
      int rows = pointers.length - 1;
      for (int row = 0; row < rows; row++) {
        float s = (float) ((bits[row >>> 6] >>> row) & 1L);
        if (s != 0f) {
          events += pointers[row + 1] - pointers[row];
        }
        deliver(row, s, pointers, columns, weights, delays, target, slots, base, size);
      }
    }
    return events;
  }

  /**
   * Adds {@code v_pre * w} of every synapse to the target's slots, {@code v_pre} the source's
   * membrane potential after this step. EVENT walks only the rows with {@code v_pre != 0}; CLOCK
   * walks every row. A skipped row would have added {@code 0 * w = +-0}, which leaves a sum
   * unchanged, so both modes agree bit for bit.
   */
  private long propagateValues(Projection projection, int t, boolean eventDriven) {
    float[] values = populations[projection.pre].membranePotential();
    float[][] slots = ring[projection.post][projection.channel];
    int size = ringSize[projection.post];
    int[] pointers = projection.rowPointers;
    int base = t % size;
    float[] target = slots[(base + projection.delay) % size];
    long events = 0;
    int rows = pointers.length - 1;
    for (int row = 0; row < rows; row++) {
      float value = values[row];
      if (value != 0f) {
        events += pointers[row + 1] - pointers[row];
      } else if (eventDriven) {
        continue;
      }
      deliver(
          row,
          value,
          pointers,
          projection.columns,
          projection.weights,
          projection.delays,
          target,
          slots,
          base,
          size);
    }
    return events;
  }

  /**
   * Adds {@code s * w} of each synapse of {@code row} to its target's slot: {@code target} for the
   * projection's single delay, else the ring slot {@code base + delay} (mod {@code size}). Small
   * and static so that the JIT inlines it into both loops of {@link #propagate} and folds {@code 1f
   * * w} to {@code w}.
   */
  private static void deliver(
      int row,
      float s,
      int[] pointers,
      int[] columns,
      float[] weights,
      short[] delays,
      float[] target,
      float[][] slots,
      int base,
      int size) {
    int start = pointers[row];
    int end = pointers[row + 1];
    if (delays == null) {
      for (int k = start; k < end; k++) {
        target[columns[k]] += s * weights[k];
      }
    } else {
      for (int k = start; k < end; k++) {
        int slot = base + delays[k];
        slots[slot >= size ? slot - size : slot][columns[k]] += s * weights[k];
      }
    }
  }

  /**
   * Back to step 0: populations reset, pending input and counters cleared, monitors emptied. Input
   * currents are settings, not state: they stay.
   */
  public void reset() {
    for (NeuronPopulation p : populations) {
      p.reset();
    }
    for (float[][][] channels : ring) {
      for (float[][] slots : channels) {
        for (float[] slot : slots) {
          Arrays.fill(slot, 0f);
        }
      }
    }
    for (long[] bits : spikes) {
      Arrays.fill(bits, 0L);
    }
    Arrays.fill(spikeCounts, 0L);
    spikeMonitors.forEach(list -> list.forEach(SpikeMonitor::clear));
    stateMonitors.forEach(list -> list.forEach(StateMonitor::clear));
    synapticEvents = 0;
    step = 0;
  }
}
