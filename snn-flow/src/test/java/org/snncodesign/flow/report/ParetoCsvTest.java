package org.snncodesign.flow.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snncodesign.api.energy.EnergyBreakdown;
import org.snncodesign.api.energy.EnergyCategory;
import org.snncodesign.api.hardware.DesignParameter;
import org.snncodesign.api.hardware.HardwareReport;
import org.snncodesign.api.hardware.Workload;
import org.snncodesign.api.io.AtomicFile;
import org.snncodesign.fpga.search.Candidate;
import org.snncodesign.fpga.search.NetworkVariant;
import org.snncodesign.fpga.search.ReferenceWorkloads;
import org.snncodesign.fpga.search.SearchResult;

@DisplayName("Pareto front CSV")
class ParetoCsvTest {
  private static final Path FILE = Path.of("front.csv");
  private static final Workload WORKLOAD = ReferenceWorkloads.mnistMlp(2, 0.5, 1);

  /** Fast and hungry: 1000 cycles at 1 GHz, 100 pJ. */
  private static final HardwareReport FAST =
      report(1_000, 100, Map.of("rows", "4", "cols", "8"), Map.of("lut", 10L, "ff", 20L));

  /** Slow and frugal, with a key the other lacks (a value CSV must quote): 2000 cycles, 40 pJ. */
  private static final HardwareReport FRUGAL =
      report(
          2_000,
          40,
          Map.of("rows", "2", "cols", "8", "buffer", "x,y"),
          Map.of("lut", 5L, "bram36", 1L, "dsp", 2L));

  private static HardwareReport report(
      long cycles, double picojoules, Map<String, String> design, Map<String, Long> resources) {
    return HardwareReport.builder("array")
        .cycles(cycles)
        .clockHz(1e9)
        .energy(
            EnergyBreakdown.builder().charge(EnergyCategory.COMPUTE, "adders", picojoules).build())
        .configuration(design)
        .resources(resources)
        .build();
  }

  private static Candidate candidate(HardwareReport report, NetworkVariant network) {
    return new Candidate(new int[] {0}, new int[] {0}, network, report, true, true);
  }

  private static NetworkVariant variant(double accuracy, String bits) {
    return new NetworkVariant(WORKLOAD, accuracy, new TreeMap<>(Map.of("fc1_bits", bits)));
  }

  private static SearchResult result(List<DesignParameter> networkGenes, List<Candidate> all) {
    return new SearchResult(
        "array", networkGenes, all, all.get(1), FAST, all.get(0).network(), 0.5);
  }

  /** The text {@code write} puts into a file of {@code dir}. */
  private static String written(Path dir, AtomicFile.Content write) throws IOException {
    Path file = dir.resolve(FILE);
    write.writeTo(file);
    return Files.readString(file);
  }

  @Test
  @DisplayName(
      "an accelerator-only front is the figures then the design's keys, one design a line by latency")
  void latencyFront(@TempDir Path dir) throws IOException {
    NetworkVariant fixed = NetworkVariant.of(WORKLOAD);
    SearchResult result =
        result(List.of(), List.of(candidate(FRUGAL, fixed), candidate(FAST, fixed)));

    assertThat(written(dir, file -> ParetoCsv.writeLatencyFront(file, result)))
        .isEqualTo(
            "latency_s,energy_pj,edp_js,cycles,lut,ff,bram36,dsp,cols,rows,buffer\n"
                + "1.000000e-06,1.000000e+02,1.000000e-16,1000,10,20,0,0,8,4,\n"
                + "2.000000e-06,4.000000e+01,8.000000e-17,2000,5,0,1,2,8,2,\"x,y\"\n");
    assertThat(dir).isDirectoryNotContaining(p -> !p.getFileName().equals(FILE));
  }

  @Test
  @DisplayName(
      "a joint search's accuracy front adds the accuracy and the network's keys, by ascending EDP")
  void accuracyFront(@TempDir Path dir) throws IOException {
    SearchResult result =
        result(
            List.of(DesignParameter.ofInts("fc1_bits", 8, 4)),
            List.of(candidate(FAST, variant(0.95, "8")), candidate(FRUGAL, variant(0.9, "4"))));

    assertThat(written(dir, file -> ParetoCsv.writeAccuracyFront(file, result)))
        .isEqualTo(
            "latency_s,energy_pj,edp_js,cycles,lut,ff,bram36,dsp,accuracy,fc1_bits,buffer,cols,rows\n"
                + "2.000000e-06,4.000000e+01,8.000000e-17,2000,5,0,1,2,0.9000,4,\"x,y\",8,2\n"
                + "1.000000e-06,1.000000e+02,1.000000e-16,1000,10,20,0,0,0.9500,8,,8,4\n");
  }
}
