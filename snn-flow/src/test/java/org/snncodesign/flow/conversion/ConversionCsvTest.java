package org.snncodesign.flow.conversion;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snncodesign.conversion.attention.LayerError;
import org.snncodesign.conversion.snn.ConversionReport;

class ConversionCsvTest {
  /** A rate-coded report as a real run gives it; {@link ConvertRunReportTest} uses it too. */
  static ConversionReport report(String model) {
    return new ConversionReport(
        ConversionReport.SCHEMA_VERSION,
        "mnist",
        model,
        "rate",
        500,
        0.884,
        0.892,
        -0.8000000000000007,
        64,
        0,
        0.0,
        5.430617662753469,
        1116416,
        1.1687194508E7,
        2338198.81,
        5135513.600000001,
        1.26228539862E7,
        1.05184750572E7,
        0.40684251007057737,
        0.48823746522883,
        "horowitz-45nm",
        1.754946097,
        12.51903789,
        List.of("an assumption, JSON only"));
  }

  @Test
  @DisplayName(
      "conversion.csv is the report's header and row, numbers as Java prints them, lines ended by"
          + " \\n, and no temporary file stays behind")
  void sameBytesAsThePlainText(@TempDir Path tmp) throws Exception {
    Path file = tmp.resolve("conversion.csv");
    ConversionReport report = report("lenet-16-32-128");
    ConversionCsv.write(file, report);
    assertThat(Files.readString(file))
        .isEqualTo(
            "dataset,model,coding,samples,ann_accuracy,snn_accuracy,accuracy_drop_points,"
                + "timesteps,phases_per_layer,base,spikes_per_neuron,ann_macs,snn_acs,"
                + "snn_neuron_ops,ann_energy_pj,snn_energy_pj,snn_synaptic_energy_pj,energy_ratio,"
                + "energy_ratio_synaptic_only,energy_model,conversion_seconds,snn_seconds\n"
                + "mnist,lenet-16-32-128,rate,500,0.884,0.892,-0.8000000000000007,64,0,0.0,"
                + "5.430617662753469,1116416,1.1687194508E7,2338198.81,5135513.600000001,"
                + "1.26228539862E7,1.05184750572E7,0.40684251007057737,0.48823746522883,"
                + "horowitz-45nm,1.754946097,12.51903789\n");
    try (var files = Files.list(tmp)) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  @DisplayName("a model name with a comma or a quote is quoted, so the row keeps its columns")
  void quotesWhereCsvNeedsIt(@TempDir Path tmp) throws Exception {
    Path file = tmp.resolve("conversion.csv");
    ConversionCsv.write(file, report("lenet, \"small\""));
    assertThat(Files.readAllLines(file).get(1)).startsWith("mnist,\"lenet, \"\"small\"\"\",rate,");
  }

  @Test
  @DisplayName("the per-layer errors are one row per layer under their header")
  void layerErrors(@TempDir Path tmp) throws Exception {
    Path file = tmp.resolve("conversion-layers.csv");
    ConversionCsv.writeLayerErrors(
        file,
        List.of(new LayerError("input", 0.25, 0.125, 64), new LayerError("embed", 0.5, 1e-7, 8)));
    assertThat(Files.readString(file))
        .isEqualTo(
            "layer,relative_rms_error,mean_absolute_error,values\n"
                + "input,0.25,0.125,64\n"
                + "embed,0.5,1.0E-7,8\n");
  }
}
