package org.snncodesign.fpga.firefly;

import java.util.List;
import java.util.Optional;
import org.snncodesign.api.Checks;
import org.snncodesign.api.energy.EnergyBreakdown;
import org.snncodesign.api.energy.EnergyModel;
import org.snncodesign.api.energy.Operation;
import org.snncodesign.api.hardware.DesignSpace;
import org.snncodesign.api.hardware.HardwareReport;
import org.snncodesign.api.hardware.LayerWorkload;
import org.snncodesign.api.hardware.Workload;
import org.snncodesign.api.hardware.WorkloadMapping;
import org.snncodesign.api.sparse.CsrMatrix;
import org.snncodesign.api.spike.SpikeRaster;
import org.snncodesign.fpga.cost.CostLedger;
import org.snncodesign.fpga.cost.FpgaArrayModel;
import org.snncodesign.fpga.cost.LayerTotals;
import org.snncodesign.fpga.cost.SramTier;
import org.snncodesign.fpga.resources.FpgaCostTable;
import org.snncodesign.fpga.resources.FpgaResources;
import org.snncodesign.fpga.search.FireFlyDesignSpace;

/**
 * A cycle-level model of a FireFly-S-style dual-side sparsity accelerator (T. Li et al.,
 * "FireFly-S: Exploiting Dual-Side Sparsity for Spiking Neural Networks Acceleration with
 * Reconfigurable Spatial Architecture", 2024): weights and spikes are bitmap-encoded, a detector
 * ANDs the bitmaps so that only (spike, non-zero weight) pairs reach the accumulators, weights are
 * 4-bit, and layers are pipelined.
 *
 * <p>Each layer runs on a {@code peRows x peCols} array: PE (r, c) computes the synaptic input of
 * output {@code j0 + c} at step {@code t0 + r}. The inputs are cut into segments of {@code
 * detectorWidth} bits; per segment a row's spike bitmap is broadcast along the row and a column's
 * weight bitmap down the column, and each PE accumulates its matches {@code m = popcount(spikes AND
 * weights)} at {@code lanes} per cycle. PEs move to the next segment together, so a segment costs
 * {@code max over PEs of ceil(m / lanes)} cycles and a segment without any match costs none (the
 * detector looks ahead). A tile of PEs adds a pipeline depth of 3 cycles (detect, fetch value,
 * accumulate and fire). With measured spikes and weights the matches are counted from the bitmaps;
 * with statistics only a segment costs {@code P(any match) * max(1, w p d / lanes)} (load imbalance
 * ignored).
 *
 * <p>With pipelining each layer has its own array and the inference rate is set by the slowest
 * layer; without it one array runs the layers in turn. FPS = clock / initiation interval; power =
 * dynamic energy per inference x FPS + static power. See {@code docs/hardware/firefly-s.md}.
 *
 * <p>Energy categories charged: compute (accumulates, neuron updates and the detector's AND and
 * popcount), on-chip memory (spike ping-pong and weight buffers by size tier), off-chip memory
 * (input spikes, output spikes, and weights when they do not stay resident) and static (the device
 * static power over one initiation interval, i.e. static power / FPS per inference, since a
 * pipelined design starts an inference every interval). Nothing is charged to other.
 */
public final class FireFlySArray extends FpgaArrayModel<FireFlyConfig> {
  /** Plugin name. */
  public static final String NAME = "firefly-s";

  /** Detector, value fetch, accumulate-and-fire stages of a PE. */
  public static final int PIPELINE_DEPTH = 3;

  /** Accumulator and membrane width. */
  public static final int ACCUMULATOR_BITS = 16;

  /** The default design, {@link FireFlyConfig#DEFAULT}. */
  public FireFlySArray() {
    this(FireFlyConfig.DEFAULT, FpgaCostTable.XILINX);
  }

  public FireFlySArray(FireFlyConfig config) {
    this(config, FpgaCostTable.XILINX);
  }

  public FireFlySArray(FireFlyConfig config, FpgaCostTable costs) {
    super(config, costs);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "FireFly-S-style dual-side sparsity array: bitmap spikes and 4-bit bitmap weights ANDed by a detector, "
        + "inter-layer pipelining";
  }

  private static final class LayerTally {
    double cycles;
    double pairs;
    double detectorChecks;
    double spikeBits;
    double weightBits;
  }

  @Override
  public HardwareReport evaluate(Workload workload, EnergyModel energy) {
    Checks.checkArgument(
        workload != null && energy != null, "workload and energy model must be given");
    List<LayerWorkload> layers = workload.layers();
    CostLedger ledger = new CostLedger();
    LayerTotals totals = new LayerTotals();
    double storedTotal = 0;
    for (LayerWorkload layer : layers) {
      storedTotal += storedWeightBits(layer);
    }
    boolean resident = storedTotal <= 8.0 * config.weightBufferBytes();
    SramTier weightTier = SramTier.forBytes(config.weightBufferBytes());
    for (int k = 0; k < layers.size(); k++) {
      LayerWorkload layer = layers.get(k);
      LayerTally tally =
          layer.spikes().isPresent() && layer.weights().isPresent()
              ? measured(layer.spikes().get(), layer.weights().get())
              : statistical(layer);
      long updates = (long) layer.timeSteps() * layer.outputs();
      ledger.compute(Operation.ADD_INT16, tally.pairs + 2.0 * updates);
      // AND plus popcount of a w-bit segment, priced as w/8 8-bit adds (an assumption: no logic
      // figure in the table).
      ledger.compute(Operation.ADD_INT8, tally.detectorChecks * config.detectorWidth() / 8.0);
      ledger.sram(SramTier.forBytes(spikeBufferBytes(layer)), tally.spikeBits);
      ledger.sram(weightTier, tally.weightBits);
      double dram = 0;
      if (!resident) {
        int timeTiles = (layer.timeSteps() + config.peRows() - 1) / config.peRows();
        dram += storedWeightBits(layer) * timeTiles;
      }
      if (k == 0) {
        dram += (double) layer.timeSteps() * layer.inputs();
      }
      if (k == layers.size() - 1) {
        dram += (double) updates;
      }
      ledger.dram(dram);
      totals.addLayer(layer, tally.cycles, dram / 8 / config.dramBytesPerCycle(), tally.pairs);
    }
    double latency = totals.latencyCycles();
    double interval = config.pipelined() ? totals.slowestLayerCycles() : latency;
    double fps = config.clockHz() / Math.max(interval, 1);
    EnergyBreakdown breakdown = ledger.price(energy, config.staticPowerWatts(), 1 / fps);
    double dynamic = breakdown.dynamicPicojoules();
    double power = dynamic * 1e-12 * fps + config.staticPowerWatts();
    totals.counter("fps", fps);
    totals.counter("power_w", power);
    totals.counter("fps_per_watt", power == 0 ? Double.POSITIVE_INFINITY : fps / power);
    totals.counter(
        "dynamic_fps_per_watt", dynamic == 0 ? Double.POSITIVE_INFINITY : 1 / (dynamic * 1e-12));
    totals.counter("initiation_interval_cycles", interval);
    totals.counter("weights_resident", resident ? 1.0 : 0.0);
    totals.counter("stored_weight_bits", storedTotal);
    long pes = (long) config.peRows() * config.peCols() * (config.pipelined() ? layers.size() : 1);
    return totals
        .report(NAME, ledger)
        .configuration(config.toMap())
        .cycles((long) latency)
        .clockHz(config.clockHz())
        .energy(breakdown)
        .energyModel(energy)
        .staticPowerWatts(config.staticPowerWatts())
        .mapping(mapping(workload).statement())
        .resources(LayerTotals.arrayResources(resources(workload), pes, config.weightBufferBytes()))
        .build();
  }

  /**
   * Every workload runs; with pipelining each layer gets its own array and layers overlap across
   * inferences, without it one array runs the layers in turn. Weights are stored at the design's
   * width whatever the network's.
   */
  @Override
  public WorkloadMapping mapping(Workload workload) {
    String arrays =
        config.pipelined()
            ? "each layer on its own "
                + config.peRows()
                + "x"
                + config.peCols()
                + " array, pipelined across inferences"
            : "layers in turn on one " + config.peRows() + "x" + config.peCols() + " array";
    return WorkloadMapping.runs(arrays + "; weights stored at " + config.weightBits() + " bits");
  }

  /** The FireFly-S-style family's space around this design ({@link FireFlyDesignSpace}). */
  @Override
  public Optional<DesignSpace> designSpace() {
    return Optional.of(new FireFlyDesignSpace(config));
  }

  // Bitmap (1 bit per weight) plus configured bits per non-zero.
  private double storedWeightBits(LayerWorkload layer) {
    double cells = (double) layer.inputs() * layer.outputs();
    return cells + layer.weightDensity() * cells * config.weightBits();
  }

  // Spike ping-pong buffer feeding a layer: two copies of its input raster.
  private static long spikeBufferBytes(LayerWorkload layer) {
    return Math.max(1, 2L * layer.timeSteps() * layer.inputs() / 8);
  }

  /**
   * Fabric estimate: per PE a bitmap AND and popcount of {@code detectorWidth} bits, a {@code
   * width:1} value mux per lane, an accumulator per lane (fabric adder or a DSP48 SIMD lane), the
   * accumulator, membrane and segment registers and an integrate-and-fire unit; the weight buffer
   * and the spike ping-pong buffers in RAMB36; the controller. With pipelining there is one array
   * per layer.
   */
  public FpgaResources resources(Workload workload) {
    long pes =
        (long) config.peRows()
            * config.peCols()
            * (config.pipelined() ? workload.layers().size() : 1);
    FpgaResources pe = peResources();
    long dsp =
        config.dspAccumulate()
            ? costs.dspForAccumulators(pes * config.lanes(), ACCUMULATOR_BITS)
            : 0;
    long bram = costs.bram36(config.weightBufferBytes());
    for (LayerWorkload layer : workload.layers()) {
      bram += costs.bram36(spikeBufferBytes(layer));
    }
    return pe.times(pes).plus(new FpgaResources(0, 0, bram, dsp)).plus(costs.control());
  }

  /**
   * Fabric of one PE without DSPs or memories: AND and popcount of the segment, per lane a value
   * mux (and a fabric accumulator adder unless accumulators go to DSPs), integrate and compare
   * adders, and registers.
   */
  public FpgaResources peResources() {
    int w = config.detectorWidth();
    int lanes = config.lanes();
    long lut =
        costs.andLuts(w)
            + costs.popcountLuts(w)
            + lanes * costs.muxLuts(w, config.weightBits())
            + 2 * costs.adderLuts(ACCUMULATOR_BITS);
    if (!config.dspAccumulate()) {
      lut += lanes * costs.adderLuts(ACCUMULATOR_BITS);
    }
    return new FpgaResources(lut, costs.registerFfs(2L * ACCUMULATOR_BITS + 2L * w), 0, 0);
  }

  private LayerTally measured(SpikeRaster spikes, CsrMatrix weights) {
    int steps = spikes.timeSteps();
    int inputs = weights.rows();
    int outputs = weights.cols();
    int w = config.detectorWidth();
    int rows = config.peRows();
    int cols = config.peCols();
    int lanes = config.lanes();
    int wordsPerCol = SpikeRaster.wordsFor(inputs);
    // Column bitmaps: bit i of column j set when w[i][j] != 0.
    long[] columnBits = new long[Math.multiplyExact(outputs, wordsPerCol)];
    int[] pointers = weights.rowPointers();
    int[] columns = weights.columnIndices();
    float[] values = weights.values();
    for (int i = 0; i < inputs; i++) {
      for (int k = pointers[i]; k < pointers[i + 1]; k++) {
        if (values[k] != 0f) {
          columnBits[columns[k] * wordsPerCol + (i >>> 6)] |= 1L << i;
        }
      }
    }
    long[] spikeWords = spikes.words();
    int wordsPerStep = spikes.wordsPerStep();
    int segments = (inputs + w - 1) / w;
    long[] rowSegments = new long[rows];
    LayerTally tally = new LayerTally();
    for (int j0 = 0; j0 < outputs; j0 += cols) {
      int j1 = Math.min(j0 + cols, outputs);
      for (int t0 = 0; t0 < steps; t0 += rows) {
        int t1 = Math.min(t0 + rows, steps);
        tally.cycles += PIPELINE_DEPTH;
        for (int s = 0; s < segments; s++) {
          long union = 0;
          for (int t = t0; t < t1; t++) {
            rowSegments[t - t0] = SparsityDetector.segment(spikeWords, t * wordsPerStep, s, w);
            union |= rowSegments[t - t0];
          }
          tally.spikeBits += (double) (t1 - t0) * w;
          tally.weightBits += (double) (j1 - j0) * w;
          if (union == 0) {
            continue;
          }
          int slowestPe = 0;
          for (int j = j0; j < j1; j++) {
            long weightSegment = SparsityDetector.segment(columnBits, j * wordsPerCol, s, w);
            if (weightSegment == 0) {
              continue;
            }
            // Each distinct non-zero weight touched by some step is fetched once and shared by the
            // rows.
            tally.weightBits += (double) Long.bitCount(union & weightSegment) * config.weightBits();
            for (int r = 0; r < t1 - t0; r++) {
              if (rowSegments[r] == 0) {
                continue;
              }
              int m = Long.bitCount(SparsityDetector.matches(rowSegments[r], weightSegment));
              tally.detectorChecks++;
              tally.pairs += m;
              slowestPe = Math.max(slowestPe, (m + lanes - 1) / lanes);
            }
          }
          tally.cycles += slowestPe;
        }
      }
    }
    return tally;
  }

  private LayerTally statistical(LayerWorkload layer) {
    int steps = layer.timeSteps();
    int inputs = layer.inputs();
    int outputs = layer.outputs();
    int w = config.detectorWidth();
    double p = layer.spikeRate();
    double d = layer.weightDensity();
    LayerTally tally = new LayerTally();
    for (int j0 = 0; j0 < outputs; j0 += config.peCols()) {
      int cols = Math.min(config.peCols(), outputs - j0);
      for (int t0 = 0; t0 < steps; t0 += config.peRows()) {
        int rows = Math.min(config.peRows(), steps - t0);
        tally.cycles += PIPELINE_DEPTH;
        for (int i0 = 0; i0 < inputs; i0 += w) {
          int width = Math.min(w, inputs - i0);
          double anyMatch = 1 - Math.pow(1 - p * d, (double) width * rows * cols);
          tally.cycles += anyMatch * Math.max(1, width * p * d / config.lanes());
          tally.spikeBits += (double) rows * w;
          double anySpikeRow = 1 - Math.pow(1 - p, width);
          double anyWeight = 1 - Math.pow(1 - d, width);
          // Distinct non-zero weights touched by some step of the block: each is fetched once.
          tally.weightBits +=
              (double) cols * w
                  + cols * width * d * (1 - Math.pow(1 - p, rows)) * config.weightBits();
          tally.detectorChecks += (double) rows * cols * anySpikeRow * anyWeight;
          tally.pairs += (double) rows * cols * width * p * d;
        }
      }
    }
    return tally;
  }
}
