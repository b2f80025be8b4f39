package org.snncodesign.flow.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snncodesign.api.InvalidInputException;
import org.snncodesign.learning.quantization.QuantizedWeights;
import org.snncodesign.learning.surrogate.ConvLayer;

class SurrogateGradientTrainingTest {

  private static SurrogateGradientTraining.Settings.Builder digits(int epochs) {
    return SurrogateGradientTraining.Settings.builder()
        .dataset("digits")
        .epochs(epochs)
        .timesteps(4)
        .threads(2);
  }

  @Test
  @DisplayName("a dense network learns the embedded digits, one epoch record and log row per epoch")
  void digitsDense() throws Exception {
    List<SurrogateGradientTraining.Epoch> told = new ArrayList<>();
    SurrogateGradientTraining.Result result =
        SurrogateGradientTraining.prepare(digits(6).build()).run(told::add);
    TrainingReport report = result.report();
    assertThat(report.dataset()).isEqualTo("digits");
    assertThat(report.datasetSha256()).isNull();
    assertThat(report.testAccuracy()).isGreaterThan(0.85);
    assertThat(report.weightSparsity()).isLessThan(0.05);
    assertThat(report.bits()).isEqualTo(32);
    assertThat(report.epochs()).isEqualTo(6);
    assertThat(report.trainSeconds()).isPositive();
    assertThat(told).isEqualTo(result.epochs()).hasSize(6);
    assertThat(result.log().rows()).hasSize(6);
  }

  @Test
  @DisplayName(
      "with a target sparsity and LSQ bits the network is that sparse and holds 4-bit integers")
  void digitsSparseQuantised() throws Exception {
    SurrogateGradientTraining.Result result =
        SurrogateGradientTraining.prepare(digits(6).sparsity(0.8).bits(4).build()).run(epoch -> {});
    TrainingReport report = result.report();
    assertThat(report.weightSparsity())
        .isGreaterThanOrEqualTo(0.8)
        .isEqualTo(result.network().weightSparsity());
    assertThat(report.bits()).isEqualTo(4);
    assertThat(report.testAccuracy()).isGreaterThan(0.7);
    assertThat(report.nonzeroSynapses()).isLessThanOrEqualTo(report.synapses() / 5 + 1);
    for (var layer : result.network().layers()) {
      assertThat(QuantizedWeights.of(layer).bits()).isEqualTo(4);
    }
  }

  @Test
  @DisplayName("a data-set plugin's file is reported with the SHA-256 of its bytes")
  void pluginDataHashed(@TempDir Path dir) throws Exception {
    StringBuilder csv = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      csv.append(i % 7).append(',').append(i % 2).append('\n');
    }
    Path file = Files.writeString(dir.resolve("numbers.csv"), csv);
    TrainingReport report =
        SurrogateGradientTraining.prepare(
                digits(1).dataset("csv").dataDir(file).architecture("1-4-2").build())
            .run(epoch -> {})
            .report();
    assertThat(report.datasetSha256())
        .isEqualTo(
            HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
  }

  @Test
  @DisplayName("an architecture with a conv layer trains a convolutional network on digits")
  void digitsConv() throws Exception {
    SurrogateGradientTraining.Result result =
        SurrogateGradientTraining.prepare(
                digits(3).architecture("1x8x8-c8k3-10").learningRate(0.003f).build())
            .run(epoch -> {});
    TrainingReport report = result.report();
    assertThat(report.architecture()).isEqualTo("1x8x8-c8k3-10");
    assertThat(report.testAccuracy()).isGreaterThan(0.8);
    assertThat(report.synapses()).isEqualTo(9 * 8 + 6 * 6 * 8 * 10);
    assertThat(result.network().layer(0)).isInstanceOf(ConvLayer.class);
  }

  @Test
  @DisplayName("the same settings train the same network and report with 1 or 2 threads")
  void deterministic() throws Exception {
    SurrogateGradientTraining.Result one =
        SurrogateGradientTraining.prepare(digits(1).threads(1).limit(300).build()).run(epoch -> {});
    SurrogateGradientTraining.Result two =
        SurrogateGradientTraining.prepare(digits(1).threads(2).limit(300).build()).run(epoch -> {});
    assertThat(two.network()).isEqualTo(one.network());
    assertThat(two.testAccuracy()).isEqualTo(one.testAccuracy());
  }

  @Test
  @DisplayName(
      "a malformed or mismatched architecture is refused before training, naming the offending part")
  void badArchitecture() {
    assertThatThrownBy(
            () ->
                SurrogateGradientTraining.prepare(digits(1).architecture("1x8x8-c8q3-10").build()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("c8q3");
    assertThatThrownBy(
            () ->
                SurrogateGradientTraining.prepare(digits(1).architecture("1x7x7-c8k3-10").build()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("64 inputs");
  }

  @Test
  @DisplayName("settings out of range are refused with the bad value")
  void badSettings() {
    assertThatThrownBy(() -> digits(1).sparsity(1).build())
        .hasMessageContaining("sparsity")
        .hasMessageContaining("1");
    assertThatThrownBy(() -> digits(1).bits(9).build())
        .hasMessageContaining("bits")
        .hasMessageContaining("9");
  }
}
