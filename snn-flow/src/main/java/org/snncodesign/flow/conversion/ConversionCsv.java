package org.snncodesign.flow.conversion;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.snncodesign.conversion.attention.LayerError;
import org.snncodesign.conversion.snn.ConversionReport;
import org.snncodesign.flow.report.CsvFile;

/**
 * The CSV files of {@code snn convert}: a {@link ConversionReport}'s {@code conversion.csv} (header
 * and one row) and a vision transformer's per-layer errors, {@code conversion-layers.csv}, written
 * as a {@link CsvFile}. Numbers are written as Java prints them ({@link Double#toString}, so full
 * precision); a report's assumptions are in its JSON only.
 */
public final class ConversionCsv {
  private static final List<String> COLUMNS =
      List.of(
          "dataset",
          "model",
          "coding",
          "samples",
          "ann_accuracy",
          "snn_accuracy",
          "accuracy_drop_points",
          "timesteps",
          "phases_per_layer",
          "base",
          "spikes_per_neuron",
          "ann_macs",
          "snn_acs",
          "snn_neuron_ops",
          "ann_energy_pj",
          "snn_energy_pj",
          "snn_synaptic_energy_pj",
          "energy_ratio",
          "energy_ratio_synaptic_only",
          "energy_model",
          "conversion_seconds",
          "snn_seconds");
  private static final List<String> LAYER_COLUMNS =
      List.of("layer", "relative_rms_error", "mean_absolute_error", "values");

  private ConversionCsv() {}

  /** Writes {@code report} as a header and one row to {@code file}. */
  public static void write(Path file, ConversionReport report) throws IOException {
    CsvFile.write(file, COLUMNS, List.of(row(report)));
  }

  /** Writes one row per layer error, under their header, to {@code file}. */
  public static void writeLayerErrors(Path file, List<LayerError> errors) throws IOException {
    CsvFile.write(file, LAYER_COLUMNS, errors.stream().map(ConversionCsv::row).toList());
  }

  private static List<Object> row(ConversionReport r) {
    return List.of(
        r.dataset(),
        r.model(),
        r.coding(),
        r.samples(),
        r.annAccuracy(),
        r.snnAccuracy(),
        r.accuracyDropPoints(),
        r.timesteps(),
        r.phasesPerLayer(),
        r.base(),
        r.spikesPerNeuron(),
        r.annMacs(),
        r.snnAcs(),
        r.snnNeuronOps(),
        r.annEnergyPj(),
        r.snnEnergyPj(),
        r.snnSynapticEnergyPj(),
        r.energyRatio(),
        r.energyRatioSynapticOnly(),
        r.energyModel(),
        r.conversionSeconds(),
        r.snnSeconds());
  }

  private static List<Object> row(LayerError e) {
    return List.of(e.layer(), e.relativeRmsError(), e.meanAbsoluteError(), e.values());
  }
}
