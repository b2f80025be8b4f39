package org.snncodesign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.snncodesign.api.plugin.PluginKind;

/**
 * Every plugin kind is consumed by name: for each kind, a command that takes a plugin of that kind by name runs with
 * it, and the flow step behind the command is named here. A new kind fails this test until it has consumers.
 */
@DisplayName("Every plugin kind has a command and a flow step that take it by name")
class PluginConsumersTest {
  @TempDir static Path work;

  /** A command consuming a plugin of the kind by name, and the library step it calls. */
  private record Consumer(String flowStep, Function<Path, List<String>> command) {}

  private static final Map<PluginKind, Consumer> CONSUMERS = new EnumMap<>(Map.of(
      PluginKind.NEURON_MODEL, new Consumer("LiquidParameters.Builder.neuronModel, GraphSimulator.Builder."
          + "modelForType", dir -> List.of("lsm", "--dataset", "digits", "--liquid", "48", "--max-samples", "60",
          "--neuron", "lif", "--json")),
      PluginKind.CODING, new Consumer("GraphMeasurement.encodedSamples", dir -> List.of("hw", "estimate", "--nir",
          dir.resolve("digits.nir").toString(), "--dataset", "digits", "--coding", "rate", "--samples", "2",
          "--steps", "8", "--json")),
      PluginKind.LEARNING_RULE, new Consumer("LiquidPlasticity.adaptInputs", dir -> List.of("lsm", "--dataset",
          "digits", "--liquid", "48", "--max-samples", "60", "--rule", "stdp", "--json")),
      PluginKind.ACCELERATOR, new Consumer("DesignPointComparison, CoSearch, KernelExecution", dir -> List.of("hw",
          "estimate", "--model", "firefly-s", "--synthetic", "--steps", "2", "--json")),
      PluginKind.DATASET, new Consumer("DatasetLocator.locate", dir -> List.of("data", "info", "--format",
          "uci-digits", "embedded:digits", "--json"))));

  @ParameterizedTest(name = "{0}")
  @EnumSource(PluginKind.class)
  @DisplayName("the kind's command runs with a plugin named on its command line")
  void consumedByName(PluginKind kind) throws Exception {
    Consumer consumer = CONSUMERS.get(kind);
    assertThat(consumer).as("no command consumes %s plugins by name", kind.label()).isNotNull();
    assertThat(consumer.flowStep()).isNotBlank();
    if (kind == PluginKind.CODING) {
      CommandOutput train = CommandOutput.ofCli("train", "--dataset", "digits", "--epochs", "1", "--export-nir",
          work.resolve("digits.nir").toString(), "--out", work.resolve("train").toString(), "--no-chart");
      assertThat(train.exitCode()).as(train.err()).isZero();
    }
    CommandOutput run = CommandOutput.ofCli(consumer.command().apply(work).toArray(String[]::new));
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.lastLine()).startsWith("{");
  }
}
