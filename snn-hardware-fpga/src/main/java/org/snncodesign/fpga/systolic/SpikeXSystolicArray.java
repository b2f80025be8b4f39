package org.snncodesign.fpga.systolic;

import java.util.Optional;
import org.snncodesign.api.Checks;
import org.snncodesign.api.energy.EnergyModel;
import org.snncodesign.api.energy.Operation;
import org.snncodesign.api.hardware.DesignSpace;
import org.snncodesign.api.hardware.HardwareReport;
import org.snncodesign.api.hardware.LayerWorkload;
import org.snncodesign.api.hardware.Workload;
import org.snncodesign.api.hardware.WorkloadMapping;
import org.snncodesign.fpga.cost.CostLedger;
import org.snncodesign.fpga.cost.FpgaArrayModel;
import org.snncodesign.fpga.cost.LayerTotals;
import org.snncodesign.fpga.cost.SramTier;
import org.snncodesign.fpga.resources.FpgaCostTable;
import org.snncodesign.fpga.resources.FpgaResources;
import org.snncodesign.fpga.search.SystolicDesignSpace;

/**
 * A cycle-level model of a SpikeX-style systolic array for spiking layers (B. Xu et al., "SpikeX:
 * Exploring Accelerator Architecture and Network-Hardware Co-Optimization for Sparse Spiking Neural
 * Networks", arXiv:2505.12292, 2025): a {@code rows x cols} array of accumulate-only PEs computing
 * {@code I[t][j] = sum_i s[t][i] * w[i][j]}, which skips zero spikes and shares each multi-bit
 * weight fetch across several time steps.
 *
 * <p><b>Weight-stationary</b> (loops: output tile, time batch of {@code timeBatch} steps, input
 * tile): a tile of {@code R x C} weights is loaded (one row per cycle, {@code R} cycles) and every
 * step of the batch at which some input of the tile spikes streams one spike vector through the
 * array; steps without a spike in the tile are skipped, and so is a tile with no non-zero weight or
 * no spike in the batch. A tile costs {@code R + a + (R + C - 2)} cycles, {@code a} the streamed
 * steps and {@code R + C - 2} the systolic fill and drain. Each streamed step read-modify-writes
 * {@code C} partial sums in the output buffer.
 *
 * <p><b>Output-stationary</b> (loops: output tile, block of {@code R} steps): the weight row of
 * every input that spikes in the block and has a non-zero weight in the tile streams down the
 * columns once and serves all {@code R} steps; a block costs {@code a + (R + C - 2)} cycles for
 * {@code a} such inputs.
 *
 * <p>In both, a zero spike or zero weight inside a streamed vector gates its PE (no add, no energy)
 * but takes its cycle. After the array, {@code C} neuron units integrate and fire each (step,
 * output): {@code T * M / C} cycles and two adds each. DRAM traffic overlaps compute (double
 * buffering): a layer takes the larger of its compute and DRAM cycles. Weights are stored as a
 * bitmap plus {@code weightBits} per non-zero; accumulators are 16 bits for weights of up to 8
 * bits, else 32. Energies come from the given {@link EnergyModel} (adds at accumulator width,
 * 64-bit SRAM and DRAM accesses); see {@code docs/hardware/spikex-systolic.md}.
 *
 * <p>Energy categories charged: compute (accumulates and neuron updates), on-chip memory (weight,
 * spike and output buffers by size tier), off-chip memory (weights, input and output spikes,
 * spilled partial sums) and static (the configured device static power while the array is busy,
 * i.e. over the latency). Nothing is charged to other.
 */
public final class SpikeXSystolicArray extends FpgaArrayModel<SystolicConfig> {
  /** Plugin name. */
  public static final String NAME = "spikex-systolic";

  /** The default design, {@link SystolicConfig#DEFAULT}. */
  public SpikeXSystolicArray() {
    this(SystolicConfig.DEFAULT, FpgaCostTable.XILINX);
  }

  public SpikeXSystolicArray(SystolicConfig config) {
    this(config, FpgaCostTable.XILINX);
  }

  public SpikeXSystolicArray(SystolicConfig config, FpgaCostTable costs) {
    super(config, costs);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "SpikeX-style systolic array (arXiv:2505.12292): weight- or output-stationary, skips zero spikes, "
        + "shares weight fetches across time steps";
  }

  /** Accumulator width for weights of {@code weightBits}. */
  static int accumulatorBits(int weightBits) {
    return weightBits <= 8 ? 16 : 32;
  }

  private static Operation addOf(int accBits) {
    return accBits <= 16 ? Operation.ADD_INT16 : Operation.ADD_INT32;
  }

  @Override
  public HardwareReport evaluate(Workload workload, EnergyModel energy) {
    Checks.checkArgument(
        workload != null && energy != null, "workload and energy model must be given");
    CostLedger ledger = new CostLedger();
    LayerTotals totals = new LayerTotals();
    double streamed = 0;
    double tileLoads = 0;
    int maxWeightBits = 1;
    for (LayerWorkload layer : workload.layers()) {
      LayerPass r =
          config.dataflow() == Dataflow.WEIGHT_STATIONARY
              ? weightStationary(layer)
              : outputStationary(layer);
      ledger.addAll(r.ledger);
      totals.addLayer(layer, r.computeCycles, r.dramCycles, r.pairs);
      streamed += r.streamed;
      tileLoads += r.tileLoads;
      maxWeightBits = Math.max(maxWeightBits, layer.weightBits());
    }
    long cycles = (long) totals.latencyCycles();
    double computeCycles = totals.computeCycles();
    totals.counter("streamed_vectors", streamed);
    totals.counter("weight_tile_loads", tileLoads);
    totals.counter(
        "pe_utilisation",
        computeCycles == 0
            ? 0
            : totals.synapticOps() / (computeCycles * config.rows() * config.cols()));
    long sramBytes =
        (long) config.weightBufferBytes() + config.spikeBufferBytes() + config.outputBufferBytes();
    return totals
        .report(NAME, ledger)
        .configuration(config.toMap())
        .cycles(cycles)
        .clockHz(config.clockHz())
        .energy(ledger.price(energy, config.staticPowerWatts(), cycles / config.clockHz()))
        .energyModel(energy)
        .staticPowerWatts(config.staticPowerWatts())
        .mapping(mapping(workload).statement())
        .resources(
            LayerTotals.arrayResources(
                resources(maxWeightBits), (long) config.rows() * config.cols(), sramBytes))
        .build();
  }

  /**
   * Every workload runs: its layers one after another on the one array, each as a {@code T x
   * inputs} spike matrix times an {@code inputs x outputs} weight matrix cut into array tiles (a
   * convolution as its unrolled matrix).
   */
  @Override
  public WorkloadMapping mapping(Workload workload) {
    return WorkloadMapping.runs(
        "layers one after another on one "
            + config.rows()
            + "x"
            + config.cols()
            + " "
            + config.dataflow().label()
            + " array, each as spikes x weights in array tiles");
  }

  /** The SpikeX-style family's space around this design ({@link SystolicDesignSpace}). */
  @Override
  public Optional<DesignSpace> designSpace() {
    return Optional.of(new SystolicDesignSpace(config));
  }

  /**
   * Fabric estimate for weights up to {@code weightBits}: per PE an accumulator adder, a gate on
   * the weight operand, and registers for the weight, the partial sum and the spike; {@code cols}
   * neuron units (integrate adder, threshold comparator, membrane register); the three buffers in
   * RAMB36; the controller.
   */
  public FpgaResources resources(int weightBits) {
    int accBits = accumulatorBits(weightBits);
    FpgaResources pe =
        new FpgaResources(
            costs.adderLuts(accBits) + costs.andLuts(weightBits),
            costs.registerFfs(accBits + weightBits + 1L),
            0,
            0);
    FpgaResources neuron =
        new FpgaResources(2 * costs.adderLuts(accBits), costs.registerFfs(accBits), 0, 0);
    long bram =
        costs.bram36(config.weightBufferBytes())
            + costs.bram36(config.spikeBufferBytes())
            + costs.bram36(config.outputBufferBytes());
    return pe.times((long) config.rows() * config.cols())
        .plus(neuron.times(config.cols()))
        .plus(new FpgaResources(0, 0, bram, 0))
        .plus(costs.control());
  }

  /** One layer's pass through the array: its shape, and what the pass costs so far. */
  private final class LayerPass {
    final CostLedger ledger = new CostLedger();
    final LayerWorkload layer;
    final int steps;
    final int inputs;
    final int outputs;
    final int weightBits;
    final int accBits;
    final LayerView view;
    double computeCycles;
    double dramCycles;
    double pairs;
    double streamed;
    double tileLoads;

    /** Bits read from the weight buffer. */
    double weightBitsRead;

    /** Bits read from the spike buffer. */
    double spikeBitsRead;

    LayerPass(LayerWorkload layer) {
      this.layer = layer;
      this.steps = layer.timeSteps();
      this.inputs = layer.inputs();
      this.outputs = layer.outputs();
      this.weightBits = layer.weightBits();
      this.accBits = accumulatorBits(weightBits);
      this.view = LayerView.of(layer, config.cols());
    }
  }

  private LayerPass weightStationary(LayerWorkload layer) {
    LayerPass r = new LayerPass(layer);
    int rows = config.rows();
    int cols = config.cols();
    int steps = r.steps;
    int wb = r.weightBits;
    int accBits = r.accBits;
    LayerView view = r.view;
    int batch = Math.min(config.timeBatch(), steps);
    double psumBits = 0;
    for (int j0 = 0; j0 < r.outputs; j0 += cols) {
      int j1 = Math.min(j0 + cols, r.outputs);
      for (int t0 = 0; t0 < steps; t0 += batch) {
        int t1 = Math.min(t0 + batch, steps);
        for (int i0 = 0; i0 < r.inputs; i0 += rows) {
          int i1 = Math.min(i0 + rows, r.inputs);
          double nonZeroTile = view.tileNonZero(i0, i1, j0, j1);
          if (nonZeroTile == 0) {
            continue;
          }
          // The controller scans the tile's spikes of the batch to find the steps worth streaming.
          r.spikeBitsRead += nonZeroTile * (t1 - t0) * (i1 - i0);
          double loaded = nonZeroTile * view.anySpike(t0, t1, i0, i1);
          double active = nonZeroTile * view.stepsWithSpike(t0, t1, i0, i1);
          r.computeCycles += loaded * ((i1 - i0) + (rows + cols - 2)) + active;
          r.tileLoads += loaded;
          r.streamed += active;
          r.weightBitsRead +=
              view.anySpike(t0, t1, i0, i1)
                  * (nonZeroTile * (i1 - i0) * (j1 - j0)
                      + view.weightNonZeros(i0, i1, j0, j1) * wb);
          r.pairs += view.pairs(t0, t1, i0, i1, j0, j1);
          psumBits += 2.0 * active * (j1 - j0) * accBits;
        }
      }
    }
    finishLayer(r);
    boolean psumsFit = (long) batch * cols * accBits <= 8L * config.outputBufferBytes();
    if (psumsFit) {
      r.ledger.sram(SramTier.forBytes(config.outputBufferBytes()), psumBits);
    } else {
      r.ledger.dram(psumBits);
      r.dramCycles += psumBits / 8 / config.dramBytesPerCycle();
    }
    return r;
  }

  private LayerPass outputStationary(LayerWorkload layer) {
    LayerPass r = new LayerPass(layer);
    int rows = config.rows();
    int cols = config.cols();
    LayerView view = r.view;
    double resultBits = 0;
    for (int j0 = 0; j0 < r.outputs; j0 += cols) {
      int j1 = Math.min(j0 + cols, r.outputs);
      for (int t0 = 0; t0 < r.steps; t0 += rows) {
        int t1 = Math.min(t0 + rows, r.steps);
        double active = view.activeInputs(t0, t1, j0, j1);
        r.computeCycles += active + view.anyActiveInput(t0, t1, j0, j1) * (rows + cols - 2);
        r.streamed += active;
        r.spikeBitsRead += (double) (t1 - t0) * r.inputs;
        r.weightBitsRead +=
            active * (j1 - j0) + view.activeInputNonZeros(t0, t1, j0, j1) * r.weightBits;
        r.pairs += view.pairs(t0, t1, 0, r.inputs, j0, j1);
        resultBits += (double) (t1 - t0) * (j1 - j0) * r.accBits;
      }
    }
    finishLayer(r);
    r.ledger.sram(SramTier.forBytes(config.outputBufferBytes()), resultBits);
    return r;
  }

  // Accumulates, neuron updates, buffer reads and DRAM traffic common to both dataflows.
  private void finishLayer(LayerPass r) {
    LayerWorkload layer = r.layer;
    int steps = r.steps;
    int accBits = r.accBits;
    double weightBitsRead = r.weightBitsRead;
    double spikeBitsRead = r.spikeBitsRead;
    long neuronUpdates = (long) steps * layer.outputs();
    Operation add = addOf(accBits);
    r.ledger.compute(add, r.pairs + 2.0 * neuronUpdates);
    r.computeCycles += Math.ceil((double) neuronUpdates / config.cols());
    // Each neuron update reads its synaptic input from the output buffer.
    r.ledger.sram(SramTier.forBytes(config.outputBufferBytes()), (double) neuronUpdates * accBits);
    SramTier weightTier = SramTier.forBytes(config.weightBufferBytes());
    SramTier spikeTier = SramTier.forBytes(config.spikeBufferBytes());
    r.ledger.sram(weightTier, weightBitsRead);
    r.ledger.sram(spikeTier, spikeBitsRead);
    double storedWeightBits =
        (double) layer.inputs() * layer.outputs()
            + layer.weightDensity() * layer.inputs() * layer.outputs() * layer.weightBits();
    double dram =
        storedWeightBits <= 8.0 * config.weightBufferBytes() ? storedWeightBits : weightBitsRead;
    double inputSpikeBits = (double) steps * layer.inputs();
    dram += inputSpikeBits <= 8.0 * config.spikeBufferBytes() ? inputSpikeBits : spikeBitsRead;
    dram += (double) steps * layer.outputs(); // output spikes
    r.ledger.dram(dram);
    r.dramCycles = dram / 8 / config.dramBytesPerCycle();
  }
}
