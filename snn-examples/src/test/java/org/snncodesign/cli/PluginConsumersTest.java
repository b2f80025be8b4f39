package org.snncodesign.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.snncodesign.api.plugin.PluginKind;
import org.snncodesign.conversion.ann.AnnJson;
import org.snncodesign.conversion.training.CnnArchitectures;

/**
 * Every plugin kind is consumed by name: for each kind, a command that takes a plugin of that kind
 * by name runs with it, and the flow step behind the command is named here. A new kind fails this
 * test until it has consumers.
 */
@DisplayName("Every plugin kind has a command and a flow step that take it by name")
class PluginConsumersTest {
  @TempDir static Path work;

  /** A command consuming a plugin of the kind by name, and the library step it calls. */
  private record Consumer(String flowStep, Function<Path, List<String>> command) {}

  private static final Map<PluginKind, Consumer> CONSUMERS =
      new EnumMap<>(
          Map.of(
              PluginKind.NEURON_MODEL,
                  new Consumer(
                      "LiquidParameters.Builder.neuronModel, GraphSimulator.Builder."
                          + "modelForType, CnnConversion (RateSimulator, EngineRateRunner), "
                          + "SurrogateGradientTraining (Settings.neuron)",
                      dir ->
                          List.of(
                              "lsm",
                              "--dataset",
                              "digits",
                              "--liquid",
                              "48",
                              "--max-samples",
                              "60",
                              "--neuron",
                              "lif",
                              "--json")),
              PluginKind.CODING,
                  new Consumer(
                      "GraphMeasurement.encodedSamples, ConversionCoding.resolve",
                      dir ->
                          List.of(
                              "hw",
                              "estimate",
                              "--nir",
                              dir.resolve("digits.nir").toString(),
                              "--dataset",
                              "digits",
                              "--coding",
                              "rate",
                              "--samples",
                              "2",
                              "--steps",
                              "8",
                              "--json")),
              PluginKind.LEARNING_RULE,
                  new Consumer(
                      "LiquidPlasticity.adaptInputs",
                      dir ->
                          List.of(
                              "lsm",
                              "--dataset",
                              "digits",
                              "--liquid",
                              "48",
                              "--max-samples",
                              "60",
                              "--rule",
                              "stdp",
                              "--json")),
              PluginKind.ACCELERATOR,
                  new Consumer(
                      "DesignPointComparison, CoSearch, KernelExecution",
                      dir ->
                          List.of(
                              "hw",
                              "estimate",
                              "--model",
                              "firefly-s",
                              "--synthetic",
                              "--steps",
                              "2",
                              "--json")),
              PluginKind.DATASET,
                  new Consumer(
                      "TrainingData.load, LsmTask.load (sweep step lsm-pruning), ImageSet.of,"
                          + " DatasetLocator.locate",
                      dir ->
                          List.of(
                              "train",
                              "--data",
                              dir.resolve("points.csv").toString(),
                              "--format",
                              "csv",
                              "--epochs",
                              "1",
                              "--out",
                              dir.resolve("train-csv").toString(),
                              "--no-chart",
                              "--json"))));

  @ParameterizedTest(name = "{0}")
  @EnumSource(PluginKind.class)
  @DisplayName("the kind's command runs with a plugin named on its command line")
  void consumedByName(PluginKind kind) throws Exception {
    Consumer consumer = CONSUMERS.get(kind);
    assertThat(consumer).as("no command consumes %s plugins by name", kind.label()).isNotNull();
    assertThat(consumer.flowStep()).isNotBlank();
    if (kind == PluginKind.CODING) {
      CommandOutput train =
          CommandOutput.ofCli(
              "train",
              "--dataset",
              "digits",
              "--epochs",
              "1",
              "--export-nir",
              work.resolve("digits.nir").toString(),
              "--out",
              work.resolve("train").toString(),
              "--no-chart");
      assertThat(train.exitCode()).as(train.err()).isZero();
    }
    if (kind == PluginKind.DATASET) {
      StringBuilder csv = new StringBuilder();
      for (int i = 0; i < 20; i++) {
        csv.append(i % 5).append(',').append(i % 2).append('\n');
      }
      Files.writeString(work.resolve("points.csv"), csv);
    }
    CommandOutput run = CommandOutput.ofCli(consumer.command().apply(work).toArray(String[]::new));
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.lastLine()).startsWith("{");
  }

  @Test
  @DisplayName(
      "snn convert takes its coding and a rate-coded network's neuron model by plugin name on either"
          + " backend, and refuses in one line a coding it cannot run, an unknown neuron model and a"
          + " neuron model for phase coding")
  void convertConsumesCodingAndNeuron() throws Exception {
    Path mnist = Path.of("..", "..", "shared", "data", "mnist");
    assumeTrue(
        Files.exists(mnist.resolve("t10k-images-idx3-ubyte.gz")),
        "MNIST not in ../../shared/data/mnist");
    Path model = work.resolve("lenet.json");
    AnnJson.write(CnnArchitectures.lenet(1, 28, 4, 8, 16, 10, 5), model);
    List<String> convert =
        List.of(
            "convert",
            "--data-dir",
            mnist.toString(),
            "--model",
            model.toString(),
            "--test-samples",
            "10",
            "--json");
    for (String backend : List.of("simulator", "engine")) {
      CommandOutput rate =
          CommandOutput.ofCli(
              Stream.concat(
                      convert.stream(),
                      Stream.of(
                          "--coding",
                          "rate",
                          "--rate-steps",
                          "16",
                          "--backend",
                          backend,
                          "--neuron",
                          "lif"))
                  .toArray(String[]::new));
      assertThat(rate.exitCode()).as(rate.err()).isZero();
      assertThat(rate.lastLine()).contains("\"neuron\":\"lif\"");
    }
    CommandOutput unknown =
        CommandOutput.ofCli(
            Stream.concat(convert.stream(), Stream.of("--coding", "rate", "--neuron", "nope"))
                .toArray(String[]::new));
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err().strip()).contains("nope").doesNotContain("\n");
    CommandOutput phase =
        CommandOutput.ofCli(
            Stream.concat(convert.stream(), Stream.of("--neuron", "lif")).toArray(String[]::new));
    assertThat(phase.exitCode()).isEqualTo(2);
    assertThat(phase.err().strip())
        .isEqualTo(
            "neuron lif: coding phase1 runs its own one-spike neurons, whose threshold is the phase"
                + " code, and takes only neuron if; coding rate runs any neuron model plugin");
    CommandOutput refused =
        CommandOutput.ofCli(
            Stream.concat(convert.stream(), Stream.of("--coding", "ttfs")).toArray(String[]::new));
    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err().strip())
        .isEqualTo(
            "coding 'ttfs' cannot drive a converted network; the converter runs"
                + " phase1 (one-spike phase coding) or rate");
  }
}
