package org.snncodesign.fpga.cost;

import java.util.LinkedHashMap;
import java.util.Map;
import org.snncodesign.api.hardware.HardwareReport;
import org.snncodesign.api.hardware.LayerWorkload;
import org.snncodesign.fpga.resources.FpgaResources;

/**
 * The running totals of an FPGA array model over a workload's layers, and the report fields they
 * give.
 *
 * <p>DRAM transfers overlap compute (double buffering), so a layer takes the larger of its compute
 * and DRAM cycles; the design is {@code compute}-bound when its summed compute cycles are at least
 * its summed DRAM cycles, else {@code memory}-bound. Synaptic operations done are set against the
 * dense count {@code T * inputs * outputs} of every layer to give the fraction sparsity skipped.
 */
public final class LayerTotals {
  private final Map<String, Double> counters = new LinkedHashMap<>();
  private double latencyCycles;
  private double slowestLayerCycles;
  private double computeCycles;
  private double memoryCycles;
  private double synapticOps;
  private double denseSynapticOps;

  /**
   * Adds one layer that computes for {@code computeCycles}, moves DRAM data for {@code dramCycles}
   * and performs {@code synapticOps} accumulates; records its cycles as counter {@code
   * layer.<name>.cycles} and returns them.
   */
  public double addLayer(
      LayerWorkload layer, double computeCycles, double dramCycles, double synapticOps) {
    double cycles = Math.ceil(Math.max(computeCycles, dramCycles) - 1e-9);
    latencyCycles += cycles;
    slowestLayerCycles = Math.max(slowestLayerCycles, cycles);
    this.computeCycles += computeCycles;
    this.memoryCycles += dramCycles;
    this.synapticOps += synapticOps;
    denseSynapticOps += (double) layer.timeSteps() * layer.inputs() * layer.outputs();
    counters.put("layer." + layer.name() + ".cycles", cycles);
    return cycles;
  }

  /** Cycles of all layers run one after another. */
  public double latencyCycles() {
    return latencyCycles;
  }

  /** Cycles of the slowest layer: the initiation interval when every layer has its own array. */
  public double slowestLayerCycles() {
    return slowestLayerCycles;
  }

  /** Compute cycles summed over the layers. */
  public double computeCycles() {
    return computeCycles;
  }

  /** Synaptic operations (accumulates) summed over the layers. */
  public double synapticOps() {
    return synapticOps;
  }

  /** Adds a model's own counter to the report. */
  public void counter(String name, double value) {
    counters.put(name, value);
  }

  /**
   * A report builder holding what the totals know: counters {@code compute_cycles}, {@code
   * memory_cycles}, {@code synaptic_ops}, {@code dense_synaptic_ops}, {@code skipped_fraction},
   * {@code sram_bits} and {@code dram_bits} besides the per-layer and model counters, and the
   * bottleneck. The model adds its design, cycles, clock, energy and basis.
   */
  public HardwareReport.Builder report(String accelerator, CostLedger ledger) {
    Map<String, Double> all = new LinkedHashMap<>(counters);
    all.put("compute_cycles", computeCycles);
    all.put("memory_cycles", memoryCycles);
    all.put("synaptic_ops", synapticOps);
    all.put("dense_synaptic_ops", denseSynapticOps);
    all.put("skipped_fraction", denseSynapticOps == 0 ? 0 : 1 - synapticOps / denseSynapticOps);
    all.put("sram_bits", ledger.sramBits());
    all.put("dram_bits", ledger.dramBits());
    return HardwareReport.builder(accelerator)
        .counters(all)
        .bottleneck(computeCycles >= memoryCycles ? "compute" : "memory");
  }

  /**
   * Report resources: the fabric estimate's entries, then {@code pe} and on-chip {@code
   * sram_bytes}.
   */
  public static Map<String, Long> arrayResources(
      FpgaResources fabric, long processingElements, long sramBytes) {
    Map<String, Long> resources = new LinkedHashMap<>(fabric.toMap());
    resources.put("pe", processingElements);
    resources.put("sram_bytes", sramBytes);
    return resources;
  }
}
