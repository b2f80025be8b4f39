package org.snncodesign.spmm.model;

import java.util.Map;
import java.util.Optional;
import org.snncodesign.api.energy.EnergyCategory;
import org.snncodesign.api.energy.EnergyModel;
import org.snncodesign.api.energy.Operation;
import org.snncodesign.api.hardware.DesignSpace;
import org.snncodesign.api.hardware.HardwareReport;

/**
 * {@code spiked-gustavson}: a cycle-level model of a Gustavson (row-wise) SpMM accelerator for
 * spiking layers, after the SpikedGustavson design (thesis, chapter 3.4) and the Gustavson
 * accelerators it builds on (Gamma, Zhang et al., ASPLOS 2021).
 *
 * <p>Each output row {@code C[i,:] = sum over spikes k of W[k,:]} is owned by one PE. The PE's
 * spike decoder scans the row's bitmap (64 bits a cycle), its row-fetch units stream the selected
 * weight rows from the weight buffer ({@code fetchWidth} entries a cycle each, at least one cycle
 * per row for its pointers), and its merge unit adds them into a double-buffered accumulator row
 * ({@code mergeWidth} adds a cycle), which is then drained to DRAM ({@code drainWidth} entries a
 * cycle). With pipelining, a row occupies its PE for {@code max(decode, fetch, merge, drain)}
 * cycles; rows go to the first free PE. DRAM transfers (weights once, spikes once or once per
 * column tile, outputs once) overlap computation, so a layer takes {@code max(PE makespan, DRAM
 * bytes / bytes per cycle)} cycles.
 *
 * <p>The bottleneck is {@code memory} when DRAM time dominates, else {@code compute} (decode and
 * row fetch: the spike-selects-row half of the product) or {@code merge} (the accumulation half),
 * whichever alone takes longer.
 */
public final class SpikedGustavsonAccelerator extends LayerCostModel<SpikedGustavsonConfig> {
  /** The default design point, {@link SpikedGustavsonConfig#DEFAULT}. */
  public SpikedGustavsonAccelerator() {
    this(SpikedGustavsonConfig.DEFAULT);
  }

  public SpikedGustavsonAccelerator(SpikedGustavsonConfig config) {
    super(config);
  }

  public SpikedGustavsonConfig config() {
    return config;
  }

  @Override
  public String name() {
    return "spiked-gustavson";
  }

  @Override
  public String description() {
    return "Cycle-level model of the SpikedGustavson row-wise SpMM accelerator (spikes select weight rows)";
  }

  /** The family's space around this design, at its budget ({@link SpikedGustavsonDesignSpace}). */
  @Override
  public Optional<DesignSpace> designSpace() {
    return Optional.of(new SpikedGustavsonDesignSpace(config));
  }

  @Override
  HardwareReport.Builder report(CostSheet total, EnergyModel energy) {
    SpikedGustavsonConfig c = config;
    int accBits = 32; // resources are sized for the widest accumulator
    Map<String, Long> resources =
        Map.of(
            "processing_elements",
            (long) c.processingElements(),
            "row_fetch_units",
            (long) c.processingElements() * c.fetchUnitsPerPe(),
            "adders",
            (long) c.processingElements() * c.mergeWidth(),
            "weight_buffer_bytes",
            c.weightBufferBytes(),
            "spike_buffer_bytes",
            c.spikeBufferBytes(),
            "accumulator_bytes",
            2L * c.processingElements() * c.accumulatorEntries() * accBits / 8);
    return total.report(name(), c.toMap(), c.clockHz(), energy, resources);
  }

  @Override
  CostSheet evaluate(LayerProfile layer) {
    SpikedGustavsonConfig c = config;
    int rows = layer.rows();
    int k = layer.inputs();
    int m = layer.outputs();
    int weightBits = layer.weightBits();
    int accBits = Costing.accumulatorBits(weightBits);
    int entryBits = weightBits + c.indexBits();

    double weightBytes = Math.ceil(layer.weightNonZeros() * entryBits / 8) + 4.0 * (k + 1);
    int tiles =
        (int)
            Math.min(
                m,
                Math.max(
                    1,
                    Math.max(
                        Costing.ceilDiv(m, c.accumulatorEntries()),
                        Costing.ceilDiv(weightBytes, c.weightBufferBytes()))));
    double spikeBytes = (double) rows * Costing.ceilDiv(k, 8);
    boolean spikesFit = spikeBytes <= c.spikeBufferBytes();
    double outputBytes = (double) rows * m * accBits / 8;
    double dramBytes = weightBytes + spikeBytes * (spikesFit ? 1 : tiles) + outputBytes;
    double dramCycles = dramBytes / c.dramBytesPerCycle();

    double decode = Costing.ceilDiv(k, 64);
    double peCycles = 0;
    double computeBound = 0;
    double mergeBound = 0;
    double work = 0;
    double spikes = layer.totalSpikes() * tiles;
    double drained = 0;
    int jobs = layer.uniform() ? 1 : rows;
    double[] time = new double[jobs];
    double[] front = new double[jobs];
    double[] back = new double[jobs];
    for (int t = 0; t < tiles; t++) {
      int columns = LayerProfile.tileStart(m, t + 1, tiles) - LayerProfile.tileStart(m, t, tiles);
      double drain = Costing.ceilDiv(columns, c.drainWidth());
      for (int i = 0; i < jobs; i++) {
        double fetch =
            Costing.ceilDiv(layer.rowFetchBeats(i, t, tiles, c.fetchWidth()), c.fetchUnitsPerPe());
        double rowWork = layer.rowWork(i, t, tiles);
        work += layer.uniform() ? rowWork * rows : rowWork;
        double merge = Costing.ceilDiv(rowWork, c.mergeWidth());
        front[i] = Math.max(decode, fetch);
        back[i] = Math.max(merge, drain);
        time[i] = Math.max(front[i], back[i]);
      }
      drained += (double) rows * columns;
      if (layer.uniform()) {
        peCycles += Costing.uniformMakespan(time[0], rows, c.processingElements());
        computeBound += Costing.uniformMakespan(front[0], rows, c.processingElements());
        mergeBound += Costing.uniformMakespan(back[0], rows, c.processingElements());
      } else {
        peCycles += Costing.makespan(time, jobs, c.processingElements());
        computeBound += Costing.makespan(front, jobs, c.processingElements());
        mergeBound += Costing.makespan(back, jobs, c.processingElements());
      }
    }

    CostSheet sheet = new CostSheet();
    sheet.addCycles(Math.ceil(Math.max(peCycles, dramCycles) - 1e-9));
    // Order matters for ties: compute, then merge, then memory.
    sheet.addBound(CostSheet.COMPUTE, computeBound);
    sheet.addBound(CostSheet.MERGE, mergeBound);
    sheet.addBound(CostSheet.MEMORY, dramCycles);
    sheet.addDramBytes(dramBytes);
    sheet.charge(EnergyCategory.COMPUTE, "adders", Costing.addFor(weightBits), work);
    // One 64-bit word of row pointers per selected row, plus the selected entries themselves.
    sheet.charge(
        EnergyCategory.ON_CHIP_MEMORY,
        "weight_buffer",
        Costing.sramFor(c.weightBufferBytes()),
        spikes + work * entryBits / 64);
    sheet.charge(
        EnergyCategory.ON_CHIP_MEMORY,
        "spike_buffer",
        Costing.sramFor(c.spikeBufferBytes()),
        (double) rows * Costing.ceilDiv(k, 64) * tiles);
    // Read-modify-write per add and one read per drained entry; SRAM writes are priced as reads.
    sheet.charge(
        EnergyCategory.ON_CHIP_MEMORY,
        "accumulator",
        Costing.sramFor(2L * c.accumulatorEntries() * accBits / 8),
        (2 * work + drained) * accBits / 64);
    sheet.charge(EnergyCategory.OFF_CHIP_MEMORY, "dram", Operation.DRAM_ACCESS, dramBytes / 8);
    sheet.counter("adds", work);
    sheet.counter("column_tiles", tiles);
    sheet.counter("pe_cycles", peCycles);
    return sheet;
  }
}
