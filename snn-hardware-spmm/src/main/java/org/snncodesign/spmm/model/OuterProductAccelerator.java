package org.snncodesign.spmm.model;

import java.util.Map;
import java.util.Optional;
import org.snncodesign.api.energy.EnergyCategory;
import org.snncodesign.api.energy.EnergyModel;
import org.snncodesign.api.energy.Operation;
import org.snncodesign.api.hardware.DesignSpace;
import org.snncodesign.api.hardware.HardwareReport;

/**
 * {@code outer-product}: an OuterSPACE-style baseline (Pal et al., HPCA 2018), {@code C = sum_k
 * S[:,k] W[k,:]}.
 *
 * <p>Multiply phase: a PE takes input {@code k}, and for each of the {@code c_k} rows that spiked
 * on it copies weight row {@code k} ({@code r_k} entries) into that row's partial-product list,
 * {@code productWidth} per cycle: {@code ceil(c_k r_k / productWidth)} cycles, inputs dispatched to
 * the first free PE. Merge phase: a PE merges row {@code i}'s {@code s_i} column-sorted lists with
 * a two-way merger in {@code ceil(log2 s_i)} passes over its {@code work_i} partial products,
 * {@code mergeWidth} per cycle. Partial products ({@code index + accumulator} bits each) stay on
 * chip if they fit the partial buffer; otherwise all are written to DRAM and read back, the cost
 * that makes outer products lose when outputs are dense. Each phase takes {@code max(compute,
 * DRAM)}.
 */
public final class OuterProductAccelerator extends LayerCostModel<OuterProductConfig> {

  public OuterProductAccelerator() {
    this(OuterProductConfig.DEFAULT);
  }

  public OuterProductAccelerator(OuterProductConfig config) {
    super(config);
  }

  @Override
  public String name() {
    return "outer-product";
  }

  @Override
  public String description() {
    return "OuterSPACE-style outer-product SpMM baseline (multiply phase, then merge of partial products)";
  }

  /** The family's space around this design, at its budget ({@link OuterProductDesignSpace}). */
  @Override
  public Optional<DesignSpace> designSpace() {
    return Optional.of(new OuterProductDesignSpace(config));
  }

  @Override
  HardwareReport.Builder report(CostSheet total, EnergyModel energy) {
    OuterProductConfig c = config;
    Map<String, Long> resources =
        Map.of(
            "processing_elements",
            (long) c.processingElements(),
            "lanes",
            (long) c.processingElements() * c.productWidth(),
            "partial_buffer_bytes",
            c.partialBufferBytes());
    return total.report(name(), c.toMap(), c.clockHz(), energy, resources);
  }

  @Override
  CostSheet evaluate(LayerProfile layer) {
    OuterProductConfig c = config;
    int rows = layer.rows();
    int k = layer.inputs();
    int m = layer.outputs();
    int weightBits = layer.weightBits();
    int accBits = Costing.accumulatorBits(weightBits);
    double bytesPerCycle = c.dramBytesPerSecond() / c.clockHz();

    // Multiply phase.
    int columnJobs = layer.uniform() ? 1 : k;
    double[] jobs = new double[columnJobs];
    double partials = 0;
    for (int q = 0; q < columnJobs; q++) {
      double products = layer.columnSpikes(q) * layer.weightRowLength(q);
      partials += layer.uniform() ? products * k : products;
      jobs[q] = Costing.ceilDiv(products, c.productWidth());
    }
    double multiply =
        layer.uniform()
            ? Costing.uniformMakespan(jobs[0], k, c.processingElements())
            : Costing.makespan(jobs, columnJobs, c.processingElements());

    // Merge phase.
    int rowJobs = layer.uniform() ? 1 : rows;
    double[] merges = new double[rowJobs];
    double mergeReads = 0;
    for (int i = 0; i < rowJobs; i++) {
      double spikes = layer.rowSpikes(i);
      double passes = Math.max(1, Math.ceil(Math.log(Math.max(1, spikes)) / Math.log(2) - 1e-12));
      double work = layer.rowWork(i, 0, 1);
      merges[i] = Costing.ceilDiv(work, c.mergeWidth()) * passes;
      mergeReads += (layer.uniform() ? rows : 1) * work * passes;
    }
    double merge =
        layer.uniform()
            ? Costing.uniformMakespan(merges[0], rows, c.processingElements())
            : Costing.makespan(merges, rowJobs, c.processingElements());

    int partialBits = c.indexBits() + accBits;
    double partialBytes = Math.ceil(partials * partialBits / 8);
    boolean spill = partialBytes > c.partialBufferBytes();
    double spikeBytes = Math.ceil(layer.totalSpikes() * c.indexBits() / 8) + 4.0 * (k + 1);
    double weightBytes =
        Math.ceil(layer.weightNonZeros() * (weightBits + c.indexBits()) / 8) + 4.0 * (k + 1);
    double outputBytes = (double) rows * m * accBits / 8;
    double multiplyDram = spikeBytes + weightBytes + (spill ? partialBytes : 0);
    double mergeDram = (spill ? partialBytes : 0) + outputBytes;

    CostSheet sheet = new CostSheet();
    sheet.addCycles(
        Math.ceil(Math.max(multiply, multiplyDram / bytesPerCycle) - 1e-9)
            + Math.ceil(Math.max(merge, mergeDram / bytesPerCycle) - 1e-9));
    sheet.addBound(CostSheet.COMPUTE, multiply);
    sheet.addBound(CostSheet.MERGE, merge);
    sheet.addBound(CostSheet.MEMORY, (multiplyDram + mergeDram) / bytesPerCycle);
    sheet.addDramBytes(multiplyDram + mergeDram);
    sheet.charge(EnergyCategory.COMPUTE, "adders", Costing.addFor(weightBits), partials);
    Operation partialSram = Costing.sramFor(c.partialBufferBytes());
    // Each partial product is written once and read once per merge pass (writes priced as reads).
    sheet.charge(
        EnergyCategory.ON_CHIP_MEMORY,
        "partial_buffer",
        partialSram,
        (partials + mergeReads) * partialBits / 64);
    sheet.charge(
        EnergyCategory.ON_CHIP_MEMORY,
        "operand_reads",
        Operation.SRAM_READ_32KB,
        (spikeBytes + weightBytes) / 8);
    sheet.charge(
        EnergyCategory.OFF_CHIP_MEMORY,
        "dram",
        Operation.DRAM_ACCESS,
        (multiplyDram + mergeDram) / 8);
    sheet.counter("adds", partials);
    sheet.counter("partial_products", partials);
    sheet.counter("partial_spill", spill ? 1 : 0);
    return sheet;
  }
}
