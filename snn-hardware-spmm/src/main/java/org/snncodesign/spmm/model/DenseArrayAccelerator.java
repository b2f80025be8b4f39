package org.snncodesign.spmm.model;

import java.util.Map;
import java.util.Optional;
import org.snncodesign.api.energy.EnergyCategory;
import org.snncodesign.api.energy.EnergyModel;
import org.snncodesign.api.energy.Operation;
import org.snncodesign.api.hardware.DesignSpace;
import org.snncodesign.api.hardware.HardwareReport;

/**
 * {@code dense-array}: a dense weight-stationary array of {@code R x C} spike-gated adders, the
 * baseline that ignores sparsity. The weight matrix is cut into {@code ceil(K/R) x ceil(M/C)}
 * tiles; each tile is loaded ({@code R} cycles), then all {@code rows} spike vectors stream through
 * it with the systolic skew ({@code rows + R + C - 2} cycles), and partial sums of the K tiles are
 * added in an output buffer. So a layer computes for {@code tiles * (2R + C + rows - 2)} cycles
 * whatever its sparsity. Weights are stored dense ({@code K M b} bits) and read from DRAM once; the
 * layer takes {@code max(compute, DRAM)} cycles.
 */
public final class DenseArrayAccelerator extends LayerCostModel<DenseArrayConfig> {

  public DenseArrayAccelerator() {
    this(DenseArrayConfig.DEFAULT);
  }

  public DenseArrayAccelerator(DenseArrayConfig config) {
    super(config);
  }

  @Override
  public String name() {
    return "dense-array";
  }

  @Override
  public String description() {
    return "Dense weight-stationary adder array baseline for spike x weight products (ignores sparsity)";
  }

  /** The family's space around this design, at its budget ({@link DenseArrayDesignSpace}). */
  @Override
  public Optional<DesignSpace> designSpace() {
    return Optional.of(new DenseArrayDesignSpace(config));
  }

  @Override
  HardwareReport.Builder report(CostSheet total, EnergyModel energy) {
    DenseArrayConfig c = config;
    Map<String, Long> resources =
        Map.of(
            "adders",
            (long) c.arrayRows() * c.arrayCols(),
            "spike_buffer_bytes",
            c.spikeBufferBytes());
    return total.report(name(), c.toMap(), c.clockHz(), energy, resources);
  }

  @Override
  CostSheet evaluate(LayerProfile layer) {
    DenseArrayConfig c = config;
    int rows = layer.rows();
    int k = layer.inputs();
    int m = layer.outputs();
    int weightBits = layer.weightBits();
    int accBits = Costing.accumulatorBits(weightBits);
    double tilesK = Costing.ceilDiv(k, c.arrayRows());
    double tilesM = Costing.ceilDiv(m, c.arrayCols());
    double compute = tilesK * tilesM * (2.0 * c.arrayRows() + c.arrayCols() + rows - 2);

    double weightBytes = Math.ceil((double) k * m * weightBits / 8);
    double spikeBytes = (double) rows * Costing.ceilDiv(k, 8);
    boolean spikesFit = spikeBytes <= c.spikeBufferBytes();
    double outputBytes = (double) rows * m * accBits / 8;
    double dramBytes = weightBytes + spikeBytes * (spikesFit ? 1 : tilesM) + outputBytes;
    double dramCycles = dramBytes / (c.dramBytesPerSecond() / c.clockHz());
    double adds = c.spikeGating() ? layer.totalSpikes() * m : (double) rows * k * m;

    CostSheet sheet = new CostSheet();
    sheet.addCycles(Math.ceil(Math.max(compute, dramCycles) - 1e-9));
    sheet.addBound(CostSheet.COMPUTE, compute);
    sheet.addBound(CostSheet.MEMORY, dramCycles);
    sheet.addDramBytes(dramBytes);
    sheet.charge(EnergyCategory.COMPUTE, "adders", Costing.addFor(weightBits), adds);
    // Weights pass through the array once; they are staged in a buffer the size of one tile row.
    sheet.charge(
        EnergyCategory.ON_CHIP_MEMORY,
        "weight_buffer",
        Costing.sramFor((long) c.arrayRows() * m * weightBits / 8),
        weightBytes / 8);
    sheet.charge(
        EnergyCategory.ON_CHIP_MEMORY,
        "spike_buffer",
        Costing.sramFor(c.spikeBufferBytes()),
        tilesM * spikeBytes / 8);
    // Partial sums of each K tile: read, add, write back (writes priced as reads).
    sheet.charge(
        EnergyCategory.ON_CHIP_MEMORY,
        "accumulator",
        Costing.sramFor((long) rows * c.arrayCols() * accBits / 8),
        tilesK * rows * m * 2.0 * accBits / 64);
    sheet.charge(EnergyCategory.OFF_CHIP_MEMORY, "dram", Operation.DRAM_ACCESS, dramBytes / 8);
    sheet.counter("adds", adds);
    sheet.counter("mac_slots", (double) rows * k * m);
    return sheet;
  }
}
