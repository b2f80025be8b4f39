package org.snncodesign.cli.nir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snncodesign.api.plugin.PluginRegistry;
import org.snncodesign.cli.CommandOutput;

class NirCommandsTest {
  private static final Path FILES = Path.of("..", "..", "shared", "nir", "files");
  private static final Path NORSE = FILES.resolve("lif_norse.nir");
  private static final Path EXACT = FILES.resolve("lif_exact.csv");
  private static final Path BRAILLE = FILES.resolve("braille_noDelay_bias_zero.nir");

  private static void assumePresent(Path file) {
    assumeTrue(
        Files.isRegularFile(file),
        file + " is absent (the NIR paper's files live in ../shared/nir/files)");
  }

  @Test
  @DisplayName("nir info lists the Braille network's nodes, shapes, parameters and neurons")
  void infoOfBraille() throws Exception {
    assumePresent(BRAILLE);
    JsonNode json = CommandOutput.json(new NirInfoCommand(), BRAILLE.toString(), "--json");
    assertThat(json.get("nir_version").asText()).isEqualTo("0.2.0");
    assertThat(json.get("neurons").asLong()).isEqualTo(38 + 7);
    assertThat(json.get("edges")).hasSize(7);
    JsonNode recurrent = null;
    for (JsonNode node : json.get("nodes")) {
      if (node.get("name").asText().equals("lif1.w_rec")) {
        recurrent = node;
      }
    }
    assertThat(recurrent).isNotNull();
    assertThat(recurrent.get("type").asText()).isEqualTo("Affine");
    assertThat(recurrent.get("parameters").asLong()).isEqualTo(38 * 38 + 38);
  }

  @Test
  @DisplayName(
      "nir run drives Norse's LIF neuron with the paper's input spikes and it fires at the exact "
          + "solution's steps, written to spikes.csv")
  void runNorseNeuron(@TempDir Path out) throws Exception {
    assumePresent(NORSE);
    assumePresent(EXACT);
    JsonNode json =
        CommandOutput.json(
            new NirRunCommand(PluginRegistry.discover()),
            NORSE.toString(),
            "--input",
            EXACT.toString(),
            "--columns",
            "0",
            "--dt",
            "1e-4",
            "--out",
            out.toString(),
            "--json");
    assertThat(json.get("steps").asInt()).isEqualTo(1000);
    assertThat(json.get("input").asText()).isEqualTo("spikes");
    List<String> spikes = Files.readAllLines(out.resolve("spikes.csv"));
    assertThat(spikes).contains("460,1,0", "510,1,0", "710,1,0", "760,1,0");
    assertThat(spikes.stream().filter(line -> line.endsWith(",1,0"))).hasSize(4);
    assertThat(Files.readAllLines(out.resolve("voltages.csv"))).hasSize(1 + 1000);
    assertThat(Files.readAllLines(out.resolve("output.csv")).get(0))
        .isEqualTo("step,output,index,value");
    try (var staged = Files.list(out)) {
      assertThat(staged.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("spikes.csv", "voltages.csv", "output.csv");
    }
  }

  @Test
  @DisplayName("nir run without --dt on a graph that does not state one says so in one line")
  void runNeedsATimeStep(@TempDir Path out) {
    assumePresent(NORSE);
    CommandOutput result =
        CommandOutput.ofCli(
            "nir", "run", NORSE.toString(), "--input-rate", "0.1", "--out", out.toString());
    assertThat(result.exitCode()).isNotZero();
    assertThat(result.err()).contains("--dt").doesNotContain("Exception");
  }

  @Test
  @DisplayName("nir run refuses an input CSV whose width does not fit, naming the file and line")
  void runRefusesWrongWidth(@TempDir Path out) {
    assumePresent(NORSE);
    assumePresent(EXACT);
    CommandOutput result =
        CommandOutput.ofCli(
            "nir",
            "run",
            NORSE.toString(),
            "--input",
            EXACT.toString(),
            "--dt",
            "1e-4",
            "--out",
            out.toString());
    assertThat(result.exitCode()).isNotZero();
    assertThat(result.err()).contains("lif_exact.csv line 1 has 3 columns").contains("--columns");
  }

  @Test
  @DisplayName("nir info on a file that is not HDF5 fails with one line naming the file")
  void infoOfGarbage(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.nir");
    Files.writeString(bad, "not hdf5 at all");
    CommandOutput result = CommandOutput.ofCli("nir", "info", bad.toString());
    assertThat(result.exitCode()).isNotZero();
    assertThat(result.err().strip().lines()).hasSize(1);
    assertThat(result.err()).contains("bad.nir");
  }

  @Test
  @DisplayName(
      "hw estimate --nir prices the recurrent Braille network on every accelerator from random input "
          + "spikes, the recurrent projection included")
  void priceBraille() throws Exception {
    assumePresent(BRAILLE);
    JsonNode json =
        CommandOutput.json(
            new org.snncodesign.cli.hardware.HwEvaluateCommand(PluginRegistry.discover()),
            "--nir",
            BRAILLE.toString(),
            "--dt",
            "1e-4",
            "--input-rate",
            "0.2",
            "--steps",
            "64",
            "--samples",
            "4",
            "--json");
    assertThat(json.get("workload").asText()).isEqualTo("braille_noDelay_bias_zero.nir");
    assertThat(json.get("layers").asInt()).isEqualTo(3);
    assertThat(json.get("first_layer").asText()).contains("spike input");
    for (JsonNode report : json.get("reports")) {
      assertThat(report.has("error")).as(report.toString()).isFalse();
      assertThat(report.get("cycles").asLong()).as(report.get("accelerator").asText()).isPositive();
    }
  }

  @Test
  @DisplayName(
      "hw estimate --nir --dataset --coding prices a network trained here on rate-coded digits, the input "
          + "projection spike-driven")
  void priceWithACodingPlugin(@TempDir Path tmp) throws Exception {
    Path nir = tmp.resolve("digits.nir");
    CommandOutput train =
        CommandOutput.ofCli(
            "train",
            "--dataset",
            "digits",
            "--epochs",
            "2",
            "--export-nir",
            nir.toString(),
            "--out",
            tmp.resolve("train").toString(),
            "--no-chart");
    assertThat(train.exitCode()).as(train.err()).isZero();
    JsonNode json =
        CommandOutput.json(
            new org.snncodesign.cli.hardware.HwEvaluateCommand(PluginRegistry.discover()),
            "--nir",
            nir.toString(),
            "--dataset",
            "digits",
            "--coding",
            "rate",
            "--samples",
            "4",
            "--steps",
            "16",
            "--json");
    assertThat(json.get("first_layer").asText()).contains("rate coding");
    assertThat(json.get("layers").asInt()).isEqualTo(2);
    CommandOutput unknown =
        CommandOutput.ofCli(
            "hw", "estimate", "--nir", nir.toString(), "--dataset", "digits", "--coding", "morse");
    assertThat(unknown.exitCode()).isNotZero();
    assertThat(unknown.err()).contains("morse").contains("rate");
  }
}
