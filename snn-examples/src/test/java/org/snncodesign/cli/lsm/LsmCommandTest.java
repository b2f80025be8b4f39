package org.snncodesign.cli.lsm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snncodesign.cli.CommandOutput;
import org.snncodesign.flow.lsm.TinyMnist;

class LsmCommandTest {

  @Test
  @DisplayName("snn lsm on a few embedded digits prints the before/after JSON with the required fields")
  void digitsJson(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("curve.csv");
    CommandOutput run = CommandOutput.of(new LsmCommand(), "--dataset", "digits", "--liquid", "135", "--max-samples",
        "240", "--prune", "0.5", "--curve", "0.5", "--csv", csv.toString(), "--json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode json = org.snncodesign.cli.JsonReport.mapper().readTree(run.lastLine());
    // The table shows accuracies as percentages, the JSON as fractions.
    assertThat(run.out()).containsPattern("accuracy\\s+\\d+\\.\\d\\d %\\s+\\d+\\.\\d\\d %");
    assertThat(json.get("dataset").asText()).isEqualTo("digits");
    assertThat(json.get("split").asText()).contains("4th");
    assertThat(json.get("neurons_before").asInt()).isEqualTo(135);
    assertThat(json.get("neurons_after").asInt()).isEqualTo(68);
    assertThat(json.get("synapses_after").asInt()).isLessThan(json.get("synapses_before").asInt());
    assertThat(json.get("accuracy_before").asDouble()).isGreaterThan(0.5);
    assertThat(json.get("accuracy_after").asDouble()).isGreaterThan(0.3);
    assertThat(Files.readAllLines(csv)).hasSize(3);
  }

  @Test
  @DisplayName("snn lsm prunes iteratively with a logistic readout, picks bins by CV and writes the curve CSV and PNG")
  void iterativeLogisticCurve(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("curve.csv");
    JsonNode json = CommandOutput.json(new LsmCommand(), "--dataset", "digits", "--liquid", "64", "--max-samples",
        "160", "--prune", "0.25", "--rounds", "2", "--ranking", "readout-weight", "--rewire", "--fan-in",
        "--readout", "logistic", "--logistic-iterations", "40", "--bins", "2,4", "--curve", "0.5,0.25", "--csv",
        csv.toString(), "--json");
    assertThat(json.get("readout").asText()).isEqualTo("logistic");
    assertThat(json.get("readout_iterations").asInt()).isEqualTo(40);
    assertThat(json.get("method").asText()).isEqualTo("readout-weight+rewire-fan-in x2");
    assertThat(json.get("neurons_after").asInt()).isEqualTo(16);
    assertThat(json.get("rounds").size()).isEqualTo(3);
    assertThat(json.get("rounds").get(1).get("neurons").asInt()).isEqualTo(32);
    assertThat(json.get("bins_after").asInt()).isIn(2, 4);
    assertThat(json.get("lambda_after").asDouble()).isLessThan(1);
    assertThat(json.get("curve").size()).isEqualTo(3);
    assertThat(Files.readAllLines(csv)).hasSize(4);
    Path png = dir.resolve("curve.png");
    assertThat(json.get("chart").asText()).isEqualTo(png.toString());
    assertThat(Files.size(png)).isGreaterThan(1000);
    assertThat(LsmCommand.pngNextTo(Path.of("a", "b.csv"))).isEqualTo(Path.of("a", "b.png"));
  }

  @Test
  @DisplayName("snn lsm rejects an unknown readout, --fan-in without --rewire and a logistic readout without steps")
  void rejectsBadOptions() {
    assertThat(CommandOutput.of(new LsmCommand(), "--readout", "logistic", "--logistic-iterations", "0",
        "--max-samples", "40").exitCode()).isNotZero();
    assertThat(CommandOutput.of(new LsmCommand(), "--readout", "svm", "--max-samples", "40").exitCode()).isNotZero();
    assertThat(CommandOutput.of(new LsmCommand(), "--fan-in", "--max-samples", "40").exitCode()).isNotZero();
  }

  @Test
  @DisplayName("snn lsm on a few FSDD clips runs leave-one-speaker-out (skipped without the data)")
  void fsddSpeakers() throws Exception {
    Path folder = Path.of("..", "..", "shared", "data", "fsdd", "recordings");
    assumeTrue(Files.isDirectory(folder), "FSDD not found at " + folder.toAbsolutePath());
    JsonNode json = CommandOutput.json(new LsmCommand(), "--dataset", "fsdd", "--data-dir", folder.toString(), "--split", "speaker", "--liquid",
        "100", "--max-samples", "120", "--json");
    assertThat(json.get("split").asText()).contains("speaker");
    assertThat(json.get("folds").size()).isGreaterThanOrEqualTo(2);
    assertThat(json.get("neurons_after").asInt()).isEqualTo(25);
  }

  @Test
  @DisplayName("snn lsm sastl reports the kept synapses and distances per kept share")
  void saStl() throws Exception {
    JsonNode json = CommandOutput.json(new LsmCommand(), "sastl", "--liquid", "100", "--steps", "100", "--epochs", "4", "--keep", "1,0.5",
        "--seeds", "1", "--json");
    assertThat(json.get("rows").size()).isEqualTo(2);
    JsonNode half = json.get("rows").get(1);
    assertThat(half.get("kept_synapses").asInt())
        .isEqualTo((int) Math.ceil(half.get("trainable_synapses").asInt() * 0.5));
    assertThat(json.get("mean_van_rossum_last10").size()).isEqualTo(2);
  }

  @Test
  @DisplayName("snn lsm hardware reports the lut-lsm cycles and resources of the full and the pruned liquid")
  void hardware() throws Exception {
    JsonNode json = CommandOutput.json(new LsmCommand(), "hardware", "--liquid", "135", "--samples", "20", "--prune", "0.5", "--json");
    JsonNode liquids = json.get("liquids");
    assertThat(liquids.size()).isEqualTo(2);
    assertThat(liquids.get(1).get("neurons").asInt()).isEqualTo(68);
    assertThat(liquids.get(1).get("hw_cycles_per_sample").asLong())
        .isLessThan(liquids.get(0).get("hw_cycles_per_sample").asLong());
    assertThat(liquids.get(0).get("dsp").asLong()).isZero();
  }

  @Test
  @DisplayName("a curve starting with rounded schedule fractions (0.707, 0.5, 0.354, 0.25) shares the --rounds schedule exactly")
  void sharedScheduleToleratesRoundedFractions() {
    double[] shared = LsmCommand.sharedSchedule(new double[] {0.177, 0.25, 0.354, 0.5, 0.707}, 0.25, 4);
    assertThat(shared).isNotNull().hasSize(5);
    assertThat(shared[0]).isEqualTo(Math.pow(0.25, 0.25));
    assertThat(shared[2]).isEqualTo(Math.pow(0.25, 0.75));
    // 0.354 x 2000 = 708 but the schedule prunes to 707: the snapped fraction gives the schedule's count
    assertThat(Math.round(2000 * shared[2])).isEqualTo(707);
    assertThat(shared[3]).isEqualTo(0.25);
    assertThat(shared[4]).isEqualTo(0.177);
  }

  @Test
  @DisplayName("a curve that does not start with the --rounds schedule is not shared")
  void sharedScheduleRejectsOtherCurves() {
    assertThat(LsmCommand.sharedSchedule(new double[] {0.6, 0.25}, 0.25, 2)).isNull();
    assertThat(LsmCommand.sharedSchedule(new double[] {0.5, 0.25}, 0.25, 4)).isNull();
    assertThat(LsmCommand.sharedSchedule(new double[] {0.5, 0.25}, 0.25, 2)).containsExactly(0.5, 0.25);
  }

  @Test
  @DisplayName("snn lsm --dataset mnist trains and prunes a liquid on the IDX files")
  void mnistCommand(@TempDir Path dir) throws Exception {
    JsonNode json = CommandOutput.json(new LsmCommand(), "--dataset", "mnist", "--data-dir",
        TinyMnist.write(dir).toString(), "--liquid", "64", "--prune", "0.5", "--json");
    assertThat(json.get("dataset").asText()).isEqualTo("mnist");
    assertThat(json.get("train_samples").asInt()).isEqualTo(12);
    assertThat(json.get("test_samples").asInt()).isEqualTo(4);
    assertThat(json.get("split").asText()).contains("t10k file test");
    assertThat(json.get("neurons_after").asInt()).isEqualTo(32);
  }

  @Test
  @DisplayName("snn lsm --rule stdp adapts the input synapses on the training samples before the readout")
  void learningRuleByName() throws Exception {
    JsonNode json = CommandOutput.json(new LsmCommand(), "--dataset", "digits", "--liquid", "64", "--max-samples",
        "80", "--rule", "stdp", "--rule-param", "a_plus=0.005", "--json");
    JsonNode plasticity = json.get("plasticity");
    assertThat(plasticity.get("rule").asText()).isEqualTo("stdp");
    assertThat(plasticity.get("presentations").asInt()).isEqualTo(60);
    assertThat(plasticity.get("total_change").asDouble()).isPositive();
    assertThat(plasticity.get("parameters").get("a_plus").asDouble()).isEqualTo(0.005);
  }
}
