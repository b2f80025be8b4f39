package org.snncodesign.fpga.lsm;

import java.util.LinkedHashMap;
import java.util.Map;
import org.snncodesign.api.ApiVersion;
import org.snncodesign.api.Checks;
import org.snncodesign.api.energy.EnergyBreakdown;
import org.snncodesign.api.energy.EnergyCategory;
import org.snncodesign.api.energy.EnergyModel;
import org.snncodesign.api.energy.Operation;
import org.snncodesign.api.hardware.Accelerator;
import org.snncodesign.api.hardware.HardwareReport;
import org.snncodesign.api.hardware.LayerWorkload;
import org.snncodesign.api.hardware.UnsupportedWorkloadException;
import org.snncodesign.api.hardware.Workload;
import org.snncodesign.api.hardware.WorkloadMapping;
import org.snncodesign.api.spike.SpikeRaster;
import org.snncodesign.fpga.resources.FpgaCostTable;
import org.snncodesign.fpga.resources.FpgaResources;

/**
 * A cycle-level model of a LUT-based liquid-state-machine accelerator, plugin name {@code lut-lsm}:
 * the fixed-point LIF of {@link FixedPointLiquid} with look-up-table decay (no multipliers),
 * event-driven synapses.
 *
 * <p>Each time step has two phases. <b>Synapse phase</b>: the spikes of the previous step (liquid
 * neurons, then input channels) sit in a spike FIFO; for each, the row pointer is read (1 cycle)
 * and its CSR row is streamed from the weight memory {@code synapseLanes} synapses per cycle into
 * excitatory / inhibitory accumulators, so a row of k synapses costs {@code 1 + ceil(k / lanes)}
 * cycles. <b>Neuron phase</b>: {@code neuronUnits} units each update one neuron per cycle in a
 * 3-stage pipeline (LUT reads, add and shift, threshold and write-back), so the phase costs {@code
 * ceil(N / units) + 3} cycles. Cycles per sample are the sum over steps.
 *
 * <p>Energy (per the given {@link EnergyModel}): per synapse one 16-bit add; per 64-bit weight word
 * one SRAM read (8 KB class for memories up to 8 KB, 32 KB up to 32 KB, else 1 MB); per neuron
 * update three LUT reads priced as 8-bit adds (a LUTRAM read is a few LUTs toggling), three 32-bit
 * adds (leaks, drive, compare) and one 64-bit state SRAM read and write (8 KB class). Resources:
 * weight memory and state memory in BRAM36; per neuron unit three {@code stateBits} adders, a
 * comparator and three 2^L-entry LUT ROMs in LUTRAM (64 bits per LUT6); per lane an accumulator
 * adder; pipeline registers as FF; no DSP (gain is a shift-add of a small constant).
 *
 * <p>{@link #evaluate} reads the liquid as a workload: the layer whose inputs equal its outputs is
 * the recurrent liquid (its measured spikes and CSR weights are used when present, else rate and
 * density), any other layer is an input projection; its cycles add to the synapse phase.
 *
 * <p>A workload without a recurrent layer is declined ({@link #mapping}).
 */
public final class LutLsmAccelerator implements Accelerator {
  /** Plugin name. */
  public static final String NAME = "lut-lsm";

  static final int PIPELINE_DEPTH = 3;

  /** Bits of the per-neuron spike count the read-out takes off chip at the end of a sample. */
  static final int READOUT_COUNT_BITS = 16;

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
    return new ApiVersion(1, 1);
  }

  public LutLsmConfig config() {
    return config;
  }

  /**
   * Runs one sample through the hardware datapath: spike FIFO, CSR streaming into accumulators,
   * neuron units in interleaved order, counting cycles. Must give exactly the spikes of {@link
   * FixedPointLiquid#simulate}.
   */
  public LutLsmRun run(FixedPointLiquid liquid, SpikeRaster input, int steps) {
    Checks.checkArgument(
        liquid.config.equals(config)
            || liquid
                .config
                .withParallelism(config.neuronUnits(), config.synapseLanes())
                .equals(config),
        "liquid was quantised for another arithmetic configuration");
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
      // Neuron phase: unit u updates neurons u, u + units, ... one per cycle; spikes go to the next
      // FIFO.
      cycles += (n + units - 1) / units + PIPELINE_DEPTH;
      int nextLength = 0;
      for (int u = 0; u < units; u++) {
        for (int neuron = u; neuron < n; neuron += units) {
          int e =
              clamp(
                  ie[neuron] - leak(liquid.lutE, liquid.shift, ie[neuron]) + accE[neuron],
                  liquid.maxState);
          int i =
              clamp(
                  ii[neuron] - leak(liquid.lutI, liquid.shift, ii[neuron]) + accI[neuron],
                  liquid.maxState);
          accE[neuron] = 0;
          accI[neuron] = 0;
          int drive = (int) ((((long) e + i) * config.gainNumerator()) >> config.gainShift());
          int potential =
              clamp(
                  (long) v[neuron] - leak(liquid.lutM, liquid.shift, v[neuron]) + drive,
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

  /**
   * The liquid is the first layer whose inputs equal its outputs (the recurrent projection); every
   * other layer is an input projection into it. A workload without such a layer (a feed-forward MLP
   * or CNN) is declined: the array's one population of neuron units and its single spike FIFO have
   * no place for a second population, and pricing the layers as if they were a liquid would hide
   * that.
   */
  @Override
  public WorkloadMapping mapping(Workload workload) {
    LayerWorkload liquid = liquid(workload);
    if (liquid == null) {
      return WorkloadMapping.declines(
          "no recurrent layer (inputs = outputs) to run as the liquid; the LUT-LSM array "
              + "runs one liquid and its input projections, not a feed-forward network");
    }
    return WorkloadMapping.runs(
        "layer '"
            + liquid.name()
            + "' ("
            + liquid.outputs()
            + " neurons) as the recurrent "
            + "liquid on "
            + config.neuronUnits()
            + " neuron units, the other "
            + (workload.layers().size() - 1)
            + " layer(s) as its input projections");
  }

  private static LayerWorkload liquid(Workload workload) {
    for (LayerWorkload layer : workload.layers()) {
      if (layer.inputs() == layer.outputs()) {
        return layer;
      }
    }
    return null;
  }

  /**
   * Energy categories charged: compute (per synaptic event one 16-bit add; per neuron update three
   * LUT reads priced as 8-bit adds and three 32-bit adds), on-chip memory (weight-memory words; the
   * neuron state read and written per update), off-chip memory (the sample's input spikes in, one
   * bit per (step, channel), and each liquid neuron's 16-bit spike count out to the read-out at the
   * end of the sample; the weights are loaded into BRAM once per configuration, not per sample).
   * Static power is not modelled: the design states none.
   *
   * @throws UnsupportedWorkloadException for a workload without a recurrent layer (see {@link
   *     #mapping})
   */
  @Override
  public HardwareReport evaluate(Workload workload, EnergyModel energy) {
    WorkloadMapping mapping = mapping(workload);
    if (!mapping.supported()) {
      throw new UnsupportedWorkloadException(NAME, workload, mapping.statement());
    }
    LayerWorkload liquid = liquid(workload);
    int n = liquid.outputs();
    int steps = liquid.timeSteps();
    int indexBits = Math.max(1, 32 - Integer.numberOfLeadingZeros(Math.max(1, n - 1)));
    int synapseBits = config.weightBits() + indexBits;
    long neuronCycles =
        (long) steps * ((n + config.neuronUnits() - 1) / config.neuronUnits() + PIPELINE_DEPTH);
    long synapseCycles = 0;
    long events = 0;
    long words = 0;
    long storedSynapses = 0;
    // The read-out takes each liquid neuron's spike count once per sample, 16 bits each.
    long spikeIoBits = (long) READOUT_COUNT_BITS * n;
    for (LayerWorkload layer : workload.layers()) {
      long[] phase = synapsePhase(layer, synapseBits);
      synapseCycles += phase[0];
      events += phase[1];
      words += phase[2];
      storedSynapses +=
          layer
              .weights()
              .map(w -> (long) w.nonZeros())
              .orElse(Math.round(layer.weightDensity() * layer.inputs() * layer.outputs()));
      if (layer != liquid) {
        spikeIoBits += (long) layer.timeSteps() * layer.inputs();
      }
    }
    long neuronUpdates = (long) n * steps;
    long weightBytes = (storedSynapses * synapseBits + 7) / 8 + 4L * (n + 1);
    Operation weightRead =
        weightBytes <= 8 * 1024
            ? Operation.SRAM_READ_8KB
            : weightBytes <= 32 * 1024 ? Operation.SRAM_READ_32KB : Operation.SRAM_READ_1MB;
    EnergyBreakdown breakdown =
        EnergyBreakdown.builder()
            .charge(
                EnergyCategory.COMPUTE, "synapse_accumulate", energy, Operation.ADD_INT16, events)
            .charge(
                EnergyCategory.COMPUTE,
                "lut_decay",
                energy,
                Operation.ADD_INT8,
                3.0 * neuronUpdates)
            .charge(
                EnergyCategory.COMPUTE,
                "neuron_arithmetic",
                energy,
                Operation.ADD_INT32,
                3.0 * neuronUpdates)
            .charge(EnergyCategory.ON_CHIP_MEMORY, "weight_memory", energy, weightRead, words)
            .charge(
                EnergyCategory.ON_CHIP_MEMORY,
                "state_memory",
                energy,
                Operation.SRAM_READ_8KB,
                2.0 * neuronUpdates)
            .charge(
                EnergyCategory.OFF_CHIP_MEMORY,
                "spike_io",
                energy,
                Operation.DRAM_ACCESS,
                Math.ceil(spikeIoBits / 64.0))
            .build();
    Map<String, Long> res = new LinkedHashMap<>(resources(n, weightBytes).toMap());
    res.put("weight_memory_bytes", weightBytes);
    res.put("state_memory_bytes", (3L * config.stateBits() * n + 7) / 8);
    Map<String, Double> counters = new LinkedHashMap<>();
    counters.put("synaptic_events", (double) events);
    counters.put("neuron_updates", (double) neuronUpdates);
    counters.put("weight_words", (double) words);
    counters.put("spike_io_bits", (double) spikeIoBits);
    counters.put("neuron_phase_cycles", (double) neuronCycles);
    counters.put("synapse_phase_cycles", (double) synapseCycles);
    return HardwareReport.builder(NAME)
        .configuration(configurationMap())
        .cycles(neuronCycles + synapseCycles)
        .clockHz(config.clockHz())
        .energy(breakdown)
        .energyModel(energy)
        .mapping(mapping.statement())
        .resources(res)
        .bottleneck(synapseCycles > neuronCycles ? "synapse-streaming" : "neuron-update")
        .counters(counters)
        .build();
  }

  private Map<String, String> configurationMap() {
    Map<String, String> configuration = new LinkedHashMap<>();
    configuration.put("weight_bits", Integer.toString(config.weightBits()));
    configuration.put("state_bits", Integer.toString(config.stateBits()));
    configuration.put("lut_entries", Integer.toString(1 << config.lutIndexBits()));
    configuration.put("neuron_units", Integer.toString(config.neuronUnits()));
    configuration.put("synapse_lanes", Integer.toString(config.synapseLanes()));
    configuration.put("clock_hz", Double.toString(config.clockHz()));
    return configuration;
  }

  /**
   * Cycles, synaptic events and 64-bit weight words of one layer's synapse phase over all steps.
   */
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
    long words =
        Math.round(spikesPerStep * Math.ceil(rowLength * synapseBits / 64) * layer.timeSteps());
    return new long[] {cycles, events, words};
  }

  /** FPGA resources of this design for a liquid of n neurons and the given weight memory. */
  public FpgaResources resources(int n, long weightBytes) {
    int bits = config.stateBits();
    long lutRomLuts = 3L * (((1L << config.lutIndexBits()) * bits + 63) / 64);
    long unitLuts = 3 * costs.adderLuts(bits) + costs.adderLuts(bits) + lutRomLuts;
    long laneLuts = costs.adderLuts(bits) + costs.muxLuts(2, config.weightBits());
    long lut = config.neuronUnits() * unitLuts + config.synapseLanes() * laneLuts;
    long ff =
        costs.registerFfs((long) config.neuronUnits() * PIPELINE_DEPTH * 3 * bits)
            + costs.registerFfs((long) config.synapseLanes() * (bits + config.weightBits()));
    long stateBytes = (3L * bits * n + 7) / 8 + (2L * bits * n + 7) / 8;
    long bram = costs.bram36(weightBytes) + costs.bram36(stateBytes);
    return new FpgaResources(lut, ff, bram, 0).plus(costs.control());
  }
}
