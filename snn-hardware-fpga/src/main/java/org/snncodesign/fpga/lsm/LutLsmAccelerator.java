package org.snncodesign.fpga.lsm;

import java.util.LinkedHashMap;
import java.util.Map;
import org.snncodesign.api.ApiVersion;
import org.snncodesign.api.Checks;
import org.snncodesign.api.energy.EnergyModel;
import org.snncodesign.api.energy.Operation;
import org.snncodesign.api.hardware.Accelerator;
import org.snncodesign.api.hardware.HardwareReport;
import org.snncodesign.api.hardware.LayerWorkload;
import org.snncodesign.api.hardware.Workload;
import org.snncodesign.api.spike.SpikeRaster;
import org.snncodesign.fpga.resources.FpgaCostTable;
import org.snncodesign.fpga.resources.FpgaResources;

/**
 * A cycle-level model of a LUT-based liquid-state-machine accelerator, plugin name {@code lut-lsm}: the
 * fixed-point LIF of {@link FixedPointLiquid} with look-up-table decay (no multipliers), event-driven synapses.
 *
 * <p>Each time step has two phases. <b>Synapse phase</b>: the spikes of the previous step (liquid neurons, then
 * input channels) sit in a spike FIFO; for each, the row pointer is read (1 cycle) and its CSR row is streamed from
 * the weight memory {@code synapseLanes} synapses per cycle into excitatory / inhibitory accumulators, so a row of
 * k synapses costs {@code 1 + ceil(k / lanes)} cycles. <b>Neuron phase</b>: {@code neuronUnits} units each update
 * one neuron per cycle in a 3-stage pipeline (LUT reads, add and shift, threshold and write-back), so the phase
 * costs {@code ceil(N / units) + 3} cycles. Cycles per sample are the sum over steps.
 *
 * <p>Energy (per the given {@link EnergyModel}): per synapse one 16-bit add; per 64-bit weight word one SRAM read
 * (8 KB class for memories up to 8 KB, 32 KB up to 32 KB, else 1 MB); per neuron update three LUT reads priced as
 * 8-bit adds (a LUTRAM read is a few LUTs toggling), three 32-bit adds (leaks, drive, compare) and one 64-bit
 * state SRAM read and write (8 KB class). Resources: weight memory and state memory in BRAM36; per neuron unit
 * three {@code stateBits} adders, a comparator and three 2^L-entry LUT ROMs in LUTRAM (64 bits per LUT6); per
 * lane an accumulator adder; pipeline registers as FF; no DSP (gain is a shift-add of a small constant).
 *
 * <p>{@link #evaluate} reads the liquid as a workload: the layer whose inputs equal its outputs is the recurrent
 * liquid (its measured spikes and CSR weights are used when present, else rate and density), any other layer is
 * an input projection; its cycles add to the synapse phase.
 *
 * <p><b>Feed-forward workloads</b> (no layer with inputs equal to outputs): a feed-forward spiking layer is a
 * population of LIF neurons with an input projection and no recurrence, so the same time-multiplexed design runs
 * it. The layers run one after the other on the one set of neuron units and synapse lanes (no inter-layer
 * pipelining). Layer {@code l} over its {@code T_l} steps costs a synapse phase (per input spike
 * {@code 1 + ceil(k / lanes)} cycles for its row of {@code k} non-zero weights; synaptic events = input spikes x
 * fan-out) and a neuron phase of {@code T_l (ceil(N_l / units) + 3)} cycles; cycles add over layers. The weight
 * memory holds every layer's non-zero weights at {@code weightBits + ceil(log2 N_l)} bits plus a 4-byte row pointer
 * per input row; the state memory holds every neuron of every layer. Energies and resources use the liquid's
 * constants. The design's decay LUT implements LIF leak; a network trained with another neuron (IF, different
 * beta) is priced as if the LUT held its decay, which costs the same.
 */
public final class LutLsmAccelerator implements Accelerator {
  /** Plugin name. */
  public static final String NAME = "lut-lsm";
  static final int PIPELINE_DEPTH = 3;

  private final LutLsmConfig config;
  private final FpgaCostTable costs;

  /** The default design, {@link LutLsmConfig#DEFAULT}. */
  public LutLsmAccelerator() {
    this(LutLsmConfig.DEFAULT);
  }

  public LutLsmAccelerator(LutLsmConfig config) {
    this.config = config;
    this.costs = FpgaCostTable.XILINX;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "LUT-based LSM accelerator: fixed-point LIF with look-up-table decay, event-driven CSR synapses";
  }

  @Override
  public ApiVersion apiVersion() {
    return new ApiVersion(1, 0);
  }

  public LutLsmConfig config() {
    return config;
  }

  /**
   * Runs one sample through the hardware datapath: spike FIFO, CSR streaming into accumulators, neuron units in
   * interleaved order, counting cycles. Must give exactly the spikes of {@link FixedPointLiquid#simulate}.
   */
  public LutLsmRun run(FixedPointLiquid liquid, SpikeRaster input, int steps) {
    Checks.checkArgument(liquid.config.equals(config) || liquid.config.withParallelism(config.neuronUnits(),
        config.synapseLanes()).equals(config), "liquid was quantised for another arithmetic configuration");
    int n = liquid.neurons;
    int[] v = new int[n];
    int[] ie = new int[n];
    int[] ii = new int[n];
    int[] hold = new int[n];
    long[] accE = new long[n];
    long[] accI = new long[n];
    int[] fifo = new int[n + liquid.channels];
    int[] next = new int[n + liquid.channels];
    int fifoLength = 0;
    int lanes = config.synapseLanes();
    int units = config.neuronUnits();
    int synapseBits = liquid.synapseBits();
    SpikeRaster out = new SpikeRaster(steps, n);
    long cycles = 0;
    long events = 0;
    long words = 0;
    for (int t = 0; t < steps; t++) {
      // Synapse phase: drain the FIFO filled at the end of the previous step.
      for (int f = 0; f < fifoLength; f++) {
        int source = fifo[f];
        boolean fromInput = source >= n;
        int from = fromInput ? liquid.inputPointers[source - n] : liquid.rowPointers[source];
        int to = fromInput ? liquid.inputPointers[source - n + 1] : liquid.rowPointers[source + 1];
        int[] cols = fromInput ? liquid.inputColumns : liquid.columns;
        int[] ws = fromInput ? liquid.inputWeights : liquid.weights;
        long[] acc = fromInput || liquid.excitatoryRow[source] ? accE : accI;
        int k = to - from;
        cycles += 1 + (k + lanes - 1) / lanes;
        words += ((long) k * synapseBits + 63) / 64;
        events += k;
        for (int e = from; e < to; e++) {
          acc[cols[e]] += ws[e];
        }
      }
      // Neuron phase: unit u updates neurons u, u + units, ... one per cycle; spikes go to the next FIFO.
      cycles += (n + units - 1) / units + PIPELINE_DEPTH;
      int nextLength = 0;
      for (int u = 0; u < units; u++) {
        for (int neuron = u; neuron < n; neuron += units) {
          int e = clamp(ie[neuron] - leak(liquid.lutE, liquid.shift, ie[neuron]) + accE[neuron], liquid.maxState);
          int i = clamp(ii[neuron] - leak(liquid.lutI, liquid.shift, ii[neuron]) + accI[neuron], liquid.maxState);
          accE[neuron] = 0;
          accI[neuron] = 0;
          int drive = (int) ((((long) e + i) * config.gainNumerator()) >> config.gainShift());
          int potential = clamp((long) v[neuron] - leak(liquid.lutM, liquid.shift, v[neuron]) + drive,
              liquid.maxState);
          if (hold[neuron] > 0) {
            hold[neuron]--;
            potential = 0;
          } else if (potential >= liquid.threshold) {
            out.set(t, neuron);
            next[nextLength++] = neuron;
            potential = 0;
            hold[neuron] = config.refractorySteps() - 1;
          }
          v[neuron] = potential;
          ie[neuron] = e;
          ii[neuron] = i;
        }
      }
      if (t < input.timeSteps()) {
        for (int c = 0; c < liquid.channels; c++) {
          if (input.get(t, c)) {
            next[nextLength++] = n + c;
          }
        }
      }
      int[] swap = fifo;
      fifo = next;
      next = swap;
      fifoLength = nextLength;
    }
    return new LutLsmRun(out, cycles, events, (long) n * steps, words);
  }

  private static int leak(int[] lut, int shift, long x) {
    long magnitude = Math.abs(x);
    int index = (int) Math.min(lut.length - 1, magnitude >> shift);
    long amount = Math.min(magnitude, lut[index]);
    return (int) (x >= 0 ? amount : -amount);
  }

  private static int clamp(long x, int max) {
    return (int) Math.max(-max - 1L, Math.min(max, x));
  }

  @Override
  public HardwareReport evaluate(Workload workload, EnergyModel energy) {
    LayerWorkload liquid = null;
    for (LayerWorkload layer : workload.layers()) {
      if (layer.inputs() == layer.outputs() && liquid == null) {
        liquid = layer;
      }
    }
    if (liquid == null) {
      return evaluateFeedForward(workload, energy);
    }
    int n = liquid.outputs();
    int steps = liquid.timeSteps();
    int indexBits = Math.max(1, 32 - Integer.numberOfLeadingZeros(Math.max(1, n - 1)));
    int synapseBits = config.weightBits() + indexBits;
    long cycles = (long) steps * ((n + config.neuronUnits() - 1) / config.neuronUnits() + PIPELINE_DEPTH);
    long events = 0;
    long words = 0;
    long storedSynapses = 0;
    for (LayerWorkload layer : workload.layers()) {
      long[] phase = synapsePhase(layer, synapseBits);
      cycles += phase[0];
      events += phase[1];
      words += phase[2];
      storedSynapses += layer.weights().map(w -> (long) w.nonZeros())
          .orElse(Math.round(layer.weightDensity() * layer.inputs() * layer.outputs()));
    }
    long neuronUpdates = (long) n * steps;
    long weightBytes = (storedSynapses * synapseBits + 7) / 8 + 4L * (n + 1);
    Map<String, Double> breakdown = priceBreakdown(energy, events, words, neuronUpdates, weightBytes);
    double total = breakdown.values().stream().mapToDouble(Double::doubleValue).sum();
    FpgaResources resources = resources(n, weightBytes);
    Map<String, Long> res = new LinkedHashMap<>(resources.toMap());
    res.put("weight_memory_bytes", weightBytes);
    res.put("state_memory_bytes", (3L * config.stateBits() * n + 7) / 8);
    Map<String, String> configuration = configurationMap();
    long neuronCycles = (long) steps * ((n + config.neuronUnits() - 1) / config.neuronUnits() + PIPELINE_DEPTH);
    Map<String, Double> counters = new LinkedHashMap<>();
    counters.put("synaptic_events", (double) events);
    counters.put("neuron_updates", (double) neuronUpdates);
    counters.put("weight_words", (double) words);
    counters.put("neuron_phase_cycles", (double) neuronCycles);
    counters.put("synapse_phase_cycles", (double) (cycles - neuronCycles));
    String bottleneck = cycles - neuronCycles > neuronCycles ? "synapse-streaming" : "neuron-update";
    return new HardwareReport(NAME, configuration, cycles, config.clockHz(), total, breakdown, res, bottleneck,
        counters);
  }

  /** Feed-forward layers one after the other on the same units and lanes (see the class comment). */
  private HardwareReport evaluateFeedForward(Workload workload, EnergyModel energy) {
    long synapseCycles = 0;
    long neuronCycles = 0;
    long events = 0;
    long words = 0;
    long neuronUpdates = 0;
    long weightBytes = 0;
    int neurons = 0;
    int widest = 0;
    for (LayerWorkload layer : workload.layers()) {
      int n = layer.outputs();
      int indexBits = Math.max(1, 32 - Integer.numberOfLeadingZeros(Math.max(1, n - 1)));
      int synapseBits = config.weightBits() + indexBits;
      long[] phase = synapsePhase(layer, synapseBits);
      synapseCycles += phase[0];
      events += phase[1];
      words += phase[2];
      neuronCycles += (long) layer.timeSteps() * ((n + config.neuronUnits() - 1) / config.neuronUnits()
          + PIPELINE_DEPTH);
      neuronUpdates += (long) n * layer.timeSteps();
      long stored = layer.weights().map(w -> (long) w.nonZeros())
          .orElse(Math.round(layer.weightDensity() * layer.inputs() * layer.outputs()));
      weightBytes += (stored * synapseBits + 7) / 8 + 4L * (layer.inputs() + 1);
      neurons = Math.addExact(neurons, n);
      widest = Math.max(widest, n);
    }
    Map<String, Double> breakdown = priceBreakdown(energy, events, words, neuronUpdates, weightBytes);
    double total = breakdown.values().stream().mapToDouble(Double::doubleValue).sum();
    Map<String, Long> res = new LinkedHashMap<>(resources(neurons, weightBytes).toMap());
    res.put("weight_memory_bytes", weightBytes);
    res.put("state_memory_bytes", (3L * config.stateBits() * neurons + 7) / 8);
    Map<String, String> configuration = configurationMap();
    configuration.put("mapping", "feed-forward");
    Map<String, Double> counters = new LinkedHashMap<>();
    counters.put("synaptic_events", (double) events);
    counters.put("neuron_updates", (double) neuronUpdates);
    counters.put("weight_words", (double) words);
    counters.put("neuron_phase_cycles", (double) neuronCycles);
    counters.put("synapse_phase_cycles", (double) synapseCycles);
    counters.put("layers", (double) workload.layers().size());
    counters.put("widest_layer_neurons", (double) widest);
    long cycles = synapseCycles + neuronCycles;
    String bottleneck = synapseCycles > neuronCycles ? "synapse-streaming" : "neuron-update";
    return new HardwareReport(NAME, configuration, cycles, config.clockHz(), total, breakdown, res, bottleneck,
        counters);
  }

  // The energy parts of both mappings, with the same constants (see the class comment).
  private static Map<String, Double> priceBreakdown(EnergyModel energy, long events, long words, long neuronUpdates,
      long weightBytes) {
    Operation weightRead = weightBytes <= 8 * 1024 ? Operation.SRAM_READ_8KB
        : weightBytes <= 32 * 1024 ? Operation.SRAM_READ_32KB : Operation.SRAM_READ_1MB;
    Map<String, Double> breakdown = new LinkedHashMap<>();
    breakdown.put("synapse_accumulate", events * energy.picojoules(Operation.ADD_INT16));
    breakdown.put("weight_memory", words * energy.picojoules(weightRead));
    breakdown.put("lut_decay", 3.0 * neuronUpdates * energy.picojoules(Operation.ADD_INT8));
    breakdown.put("neuron_arithmetic", 3.0 * neuronUpdates * energy.picojoules(Operation.ADD_INT32));
    breakdown.put("state_memory", 2.0 * neuronUpdates * energy.picojoules(Operation.SRAM_READ_8KB));
    return breakdown;
  }

  private Map<String, String> configurationMap() {
    Map<String, String> configuration = new LinkedHashMap<>();
    configuration.put("weight_bits", Integer.toString(config.weightBits()));
    configuration.put("state_bits", Integer.toString(config.stateBits()));
    configuration.put("lut_entries", Integer.toString(1 << config.lutIndexBits()));
    configuration.put("neuron_units", Integer.toString(config.neuronUnits()));
    configuration.put("synapse_lanes", Integer.toString(config.synapseLanes()));
    return configuration;
  }

  /** Cycles, synaptic events and 64-bit weight words of one layer's synapse phase over all steps. */
  private long[] synapsePhase(LayerWorkload layer, int synapseBits) {
    int lanes = config.synapseLanes();
    if (layer.spikes().isPresent() && layer.weights().isPresent()) {
      SpikeRaster spikes = layer.spikes().get();
      int[] pointers = layer.weights().get().rowPointers();
      long cycles = 0;
      long events = 0;
      long words = 0;
      long[] bits = spikes.words();
      for (int t = 0; t < spikes.timeSteps(); t++) {
        int base = spikes.stepOffset(t);
        for (int w = 0; w < spikes.wordsPerStep(); w++) {
          long word = bits[base + w];
          while (word != 0) {
            int row = (w << 6) + Long.numberOfTrailingZeros(word);
            word &= word - 1;
            int k = pointers[row + 1] - pointers[row];
            cycles += 1 + (k + lanes - 1) / lanes;
            events += k;
            words += ((long) k * synapseBits + 63) / 64;
          }
        }
      }
      return new long[] {cycles, events, words};
    }
    double spikesPerStep = layer.spikeRate() * layer.inputs();
    double rowLength = layer.weightDensity() * layer.outputs();
    double perStep = spikesPerStep * (1 + Math.ceil(rowLength / lanes));
    long cycles = Math.round(perStep * layer.timeSteps());
    long events = Math.round(spikesPerStep * rowLength * layer.timeSteps());
    long words = Math.round(spikesPerStep * Math.ceil(rowLength * synapseBits / 64) * layer.timeSteps());
    return new long[] {cycles, events, words};
  }

  /** FPGA resources of this design for a liquid of n neurons and the given weight memory. */
  public FpgaResources resources(int n, long weightBytes) {
    int bits = config.stateBits();
    long lutRomLuts = 3L * (((1L << config.lutIndexBits()) * bits + 63) / 64);
    long unitLuts = 3 * costs.adderLuts(bits) + costs.adderLuts(bits) + lutRomLuts;
    long laneLuts = costs.adderLuts(bits) + costs.muxLuts(2, config.weightBits());
    long lut = config.neuronUnits() * unitLuts + config.synapseLanes() * laneLuts;
    long ff = costs.registerFfs((long) config.neuronUnits() * PIPELINE_DEPTH * 3 * bits)
        + costs.registerFfs((long) config.synapseLanes() * (bits + config.weightBits()));
    long stateBytes = (3L * bits * n + 7) / 8 + (2L * bits * n + 7) / 8;
    long bram = costs.bram36(weightBytes) + costs.bram36(stateBytes);
    return new FpgaResources(lut, ff, bram, 0).plus(costs.control());
  }
}
