package org.snncodesign.spmm.study;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snncodesign.api.Checks;
import org.snncodesign.api.energy.EnergyTable;
import org.snncodesign.api.hardware.Accelerator;
import org.snncodesign.api.hardware.HardwareReport;
import org.snncodesign.api.hardware.LayerWorkload;
import org.snncodesign.api.hardware.Workload;
import org.snncodesign.api.sparse.CsrMatrix;
import org.snncodesign.api.spike.SpikeRaster;

/**
 * Where a row-wise SpMM accelerator wins: one spiking layer priced on several accelerator models
 * (SpikedGustavson, the dense-array and outer-product baselines) for every pair of weight sparsity
 * and spike rate, in that order (sparsities outer, rates inner).
 *
 * @param layer the layer's shape and operand seed
 * @param weightBits bits per stored weight
 * @param operands seeded synthetic matrices, or the expected per-row figures of those rates
 * @param weightSparsities fractions of zero weights, each in [0, 1]
 * @param spikeRates fractions of (row, input) cells that spike, each in [0, 1]
 */
public record SpmmStudy(
    SpmmLayer layer,
    int weightBits,
    Operands operands,
    List<Double> weightSparsities,
    List<Double> spikeRates) {

  /** What the layer workloads are built from. */
  public enum Operands {
    /** Seeded synthetic matrices: the exact per-row profile of one draw. */
    SYNTHETIC,
    /** Expected-value figures of the rates, without drawing matrices. */
    STATISTICS
  }

  /** One (weight sparsity, spike rate) pair of the grid. */
  public record Setting(double weightSparsity, double spikeRate) {}

  /**
   * The models' reports at one setting.
   *
   * @param layer the layer workload priced, with its measured spike rate and weight density
   * @param reports one report per model, by model name, in the order the models were given
   */
  public record Point(Setting setting, LayerWorkload layer, Map<String, HardwareReport> reports) {
    /** Keeps the models' order. */
    public Point {
      reports = Collections.unmodifiableMap(new LinkedHashMap<>(reports));
    }

    /** The model with the least latency; the first given of those that tie. */
    public String fastest() {
      String fastest = null;
      double best = Double.POSITIVE_INFINITY;
      for (Map.Entry<String, HardwareReport> e : reports.entrySet()) {
        if (e.getValue().latencySeconds() < best) {
          best = e.getValue().latencySeconds();
          fastest = e.getKey();
        }
      }
      return fastest;
    }
  }

  /** Checks the bit width and that every sparsity and rate is a fraction. */
  public SpmmStudy {
    Checks.checkArgument(
        weightBits >= 1 && weightBits <= 32, "weight bits must be in [1, 32], got %s", weightBits);
    Checks.checkArgument(layer != null && operands != null, "layer and operands must be given");
    weightSparsities = List.copyOf(weightSparsities);
    spikeRates = List.copyOf(spikeRates);
    for (double s : weightSparsities) {
      Checks.checkArgument(s >= 0 && s <= 1, "weight sparsity must be in [0, 1], got %s", s);
    }
    for (double r : spikeRates) {
      Checks.checkArgument(r >= 0 && r <= 1, "spike rate must be in [0, 1], got %s", r);
    }
  }

  /** The grid, sparsities outer and rates inner. */
  public List<Setting> settings() {
    List<Setting> settings = new ArrayList<>();
    for (double s : weightSparsities) {
      for (double r : spikeRates) {
        settings.add(new Setting(s, r));
      }
    }
    return settings;
  }

  /** The layer workload of {@code setting}, named {@code spmm}. */
  public LayerWorkload workload(Setting setting) {
    double density = 1 - setting.weightSparsity();
    if (operands == Operands.STATISTICS) {
      return LayerWorkload.ofStatistics(
          "spmm",
          layer.rows(),
          layer.inputs(),
          layer.outputs(),
          setting.spikeRate(),
          density,
          weightBits);
    }
    SpikeRaster spikes = layer.spikes(setting.spikeRate());
    CsrMatrix weights = layer.weights(setting.weightSparsity());
    return LayerWorkload.measured("spmm", spikes, weights, weightBits);
  }

  /** Prices the workload of {@code setting} on every model with {@code energy}. */
  public Point evaluate(Setting setting, List<Accelerator> models, EnergyTable energy) {
    LayerWorkload workload = workload(setting);
    Workload w = new Workload("spmm", List.of(workload));
    Map<String, HardwareReport> reports = new LinkedHashMap<>();
    for (Accelerator model : models) {
      reports.put(model.name(), model.evaluate(w, energy));
    }
    return new Point(setting, workload, reports);
  }
}
