package org.snncodesign.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.snncodesign.api.graph.NetworkGraph;
import org.snncodesign.api.neuron.Discretization;
import org.snncodesign.api.neuron.NeuronModel;
import org.snncodesign.api.neuron.NeuronParameters;
import org.snncodesign.api.neuron.SurrogateDynamicsCheck;
import org.snncodesign.api.neuron.TrainableNeuronModel;
import org.snncodesign.api.plugin.PluginJarBuilder;
import org.snncodesign.api.plugin.PluginJars;
import org.snncodesign.api.plugin.PluginRegistry;
import org.snncodesign.conversion.ann.AnnJson;
import org.snncodesign.conversion.training.CnnArchitectures;
import org.snncodesign.flow.data.TrainingData;
import org.snncodesign.flow.training.SurrogateGradientTraining;
import org.snncodesign.learning.surrogate.SpikingNetwork;
import org.snncodesign.learning.surrogate.SpikingNetworkJson;
import org.snncodesign.neurons.graph.GraphClassifier;
import org.snncodesign.neurons.graph.GraphSimulator;
import org.snncodesign.nir.NirReader;

/**
 * The sample neuron model of examples/third-party-neuron, compiled against snn-api outside the
 * reactor and loaded from its jar, runs wherever a neuron model is taken by name: in the liquid of
 * {@code snn lsm}, in a graph built from a network trained here, in a NIR graph written by
 * snnTorch, in a rate-converted CNN on the rate simulator and on the engine, and in {@code snn
 * train}, which trains with its surrogate-gradient dynamics.
 */
@DisplayName("A third-party neuron model plugin")
class ThirdPartyNeuronPluginTest {
  private static final Path SAMPLE = Path.of("..", "examples", "third-party-neuron", "src", "main");
  private static final Path BRAILLE =
      Path.of("..", "..", "shared", "nir", "files", "braille_noDelay_bias_zero.nir");
  private static final String NAME = "example-euler-lif";

  @TempDir static Path work;
  private static Path plugins;

  @BeforeAll
  static void buildPluginJar() throws Exception {
    assumeThat(SAMPLE).as("sample plugin sources under examples/third-party-neuron").isDirectory();
    plugins = Files.createDirectories(work.resolve("plugins"));
    PluginJarBuilder.build(
        SAMPLE.resolve("java"),
        SAMPLE.resolve("resources"),
        Files.createDirectories(work.resolve("build")),
        plugins.resolve("euler-lif-plugin.jar"));
  }

  private static JsonNode json(CommandOutput run) throws Exception {
    assertThat(run.exitCode()).as(run.err()).isZero();
    return new ObjectMapper().readTree(run.lastLine());
  }

  @Test
  @DisplayName("is the liquid's neuron model of snn lsm --neuron, and the liquid learns the digits")
  void runsTheLiquid() throws Exception {
    JsonNode report =
        json(
            CommandOutput.ofCli(
                "--plugins",
                plugins.toString(),
                "lsm",
                "--dataset",
                "digits",
                "--liquid",
                "64",
                "--max-samples",
                "160",
                "--neuron",
                NAME,
                "--readout",
                "logistic",
                "--logistic-iterations",
                "40",
                "--json"));
    assertThat(report.get("neuron_model").asText()).isEqualTo(NAME);
    assertThat(report.get("accuracy_before").asDouble()).isGreaterThan(0.3);
  }

  @Test
  @DisplayName(
      "runs the LIF and LI nodes of a network trained here and classifies as the trainer does")
  void runsATrainedNetwork() throws Exception {
    Path nir = work.resolve("digits.nir");
    JsonNode report =
        json(
            CommandOutput.ofCli(
                "train",
                "--dataset",
                "digits",
                "--epochs",
                "5",
                "--export-nir",
                nir.toString(),
                "--out",
                work.resolve("train").toString(),
                "--no-chart",
                "--json"));
    NetworkGraph graph = new NirReader().read(nir);
    ClassLoader loader = PluginJars.loader(List.of(plugins), getClass().getClassLoader());
    NeuronModel plugin = PluginRegistry.discover(loader).require(NeuronModel.class, NAME);
    assertThat(plugin.getClass().getClassLoader()).isSameAs(loader);
    GraphSimulator simulator =
        GraphSimulator.builder(graph, Discretization.forwardEuler(1e-3))
            .modelForType("LIF", plugin)
            .modelForType("LI", plugin)
            .build();
    GraphClassifier.Result result =
        GraphClassifier.evaluate(
            simulator,
            TrainingData.digits(1).testSet(),
            GraphClassifier.timeSteps(graph, 8),
            GraphClassifier.Scoring.of(graph),
            Integer.MAX_VALUE);
    assertThat(result.accuracy())
        .isCloseTo(
            report.get("test_accuracy").asDouble(), org.assertj.core.data.Offset.offset(0.01));
  }

  @Test
  @DisplayName(
      "a saved network of its neurons loads through the registry that holds the jar, which the"
          + " context class loader does not see")
  void loadsASavedNetworkThroughTheRegistry() throws Exception {
    PluginRegistry registry =
        PluginRegistry.discover(PluginJars.loader(List.of(plugins), getClass().getClassLoader()));
    SpikingNetwork trained =
        SurrogateGradientTraining.prepare(
                SurrogateGradientTraining.Settings.builder()
                    .dataset("digits")
                    .neuron(NAME)
                    .epochs(1)
                    .timesteps(4)
                    .limit(100)
                    .build(),
                registry)
            .run(epoch -> {})
            .network();
    Path file = work.resolve("euler-network.json");
    SpikingNetworkJson.write(trained, file);
    assertThat(SpikingNetworkJson.read(file, registry)).isEqualTo(trained);
    assertThatThrownBy(() -> SpikingNetworkJson.read(file))
        .hasMessageContaining("no NeuronModel plugin named '" + NAME + "'");
  }

  @Test
  @DisplayName(
      "trains with snn train --neuron, and the exported graph runs on the engine with it as trained")
  void trainsWithSurrogateGradients() throws Exception {
    Path nir = work.resolve("euler-digits.nir");
    Path out = work.resolve("train-euler");
    JsonNode report =
        json(
            CommandOutput.ofCli(
                "--plugins",
                plugins.toString(),
                "train",
                "--dataset",
                "digits",
                "--epochs",
                "5",
                "--neuron",
                NAME,
                "--export-nir",
                nir.toString(),
                "--out",
                out.toString(),
                "--no-chart",
                "--json"));
    assertThat(report.get("neuron").asText()).isEqualTo(NAME);
    assertThat(report.get("test_accuracy").asDouble()).isGreaterThan(0.8);
    assertThat(Files.readString(out.resolve("model.json"))).contains("\"neuron\":\"" + NAME + "\"");
    // The report names the file where the user finds it, not the staging folder it was written in.
    assertThat(report.get("nir_export").get("file").asText()).isEqualTo(nir.toString());
    NetworkGraph graph = new NirReader().read(nir);
    assertThat(graph.metadata())
        .containsEntry(org.snncodesign.api.graph.GraphAnnotations.neuronModelKey("lif0"), NAME);
    // The engine ran the re-imported graph with the plugin the graph names.
    assertThat(report.get("nir_export").get("engine_test_accuracy").asDouble())
        .isCloseTo(
            report.get("test_accuracy").asDouble(), org.assertj.core.data.Offset.offset(0.02));
  }

  @Test
  @DisplayName("differentiates its training dynamics exactly (smooth spikes, attached reset)")
  void surrogateDynamicsPassTheGradientCheck() {
    ClassLoader loader = PluginJars.loader(List.of(plugins), getClass().getClassLoader());
    TrainableNeuronModel plugin =
        (TrainableNeuronModel) PluginRegistry.discover(loader).require(NeuronModel.class, NAME);
    for (boolean subtract : new boolean[] {true, false}) {
      NeuronParameters parameters =
          NeuronParameters.withDt(1e-3)
              .with("tau_m", 4e-3)
              .with("R", 3)
              .with("v_th", 0.5)
              .with("v_reset", -0.1);
      SurrogateDynamicsCheck check =
          new SurrogateDynamicsCheck(plugin.surrogateDynamics(parameters, subtract), 7, 6, 0.3f, 5);
      assertThat(check.worstRelativeError()).as("subtract %s", subtract).isLessThan(1e-2);
    }
  }

  @Test
  @DisplayName(
      "beside it, snn train refuses a neuron model without surrogate-gradient dynamics in one line")
  void untrainableModelIsRefused() {
    CommandOutput run =
        CommandOutput.ofCli(
            "--plugins",
            plugins.toString(),
            "train",
            "--neuron",
            "izhikevich",
            "--out",
            work.resolve("refused").toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip())
        .isEqualTo(
            "snn train: neuron model 'izhikevich' cannot be trained with surrogate gradients: it"
                + " does not implement TrainableNeuronModel (its discrete dynamics and their"
                + " derivatives); trainable models: "
                + NAME
                + ", if, lif");
  }

  @Test
  @DisplayName(
      "runs the recurrent CubaLIF nodes of snnTorch's Braille network in snn nir run --neuron")
  void runsAnImportedNirGraph() throws Exception {
    assumeThat(BRAILLE).as("the NIR paper's files in ../shared/nir/files").isRegularFile();
    String[] common = {
      "nir",
      "run",
      BRAILLE.toString(),
      "--input-rate",
      "0.3",
      "--steps",
      "200",
      "--dt",
      "1e-4",
      "--no-voltages",
      "--json"
    };
    JsonNode builtIn =
        json(CommandOutput.ofCli(concat(common, "--out", work.resolve("a").toString())));
    JsonNode sample =
        json(
            CommandOutput.ofCli(
                concat(
                    new String[] {"--plugins", plugins.toString()},
                    concat(common, "--out", work.resolve("b").toString(), "--neuron", NAME))));
    long reference = builtIn.get("spikes").get("lif1.lif").get("count").asLong();
    assertThat(reference).isPositive();
    // The same equations, rounded differently: the counts agree to a few percent.
    assertThat((double) sample.get("spikes").get("lif1.lif").get("count").asLong())
        .isCloseTo(reference, org.assertj.core.data.Percentage.withPercentage(10));
    // The report names the model that ran each neuron node.
    assertThat(sample.get("neuron_models").get("lif1.lif").asText()).isEqualTo(NAME);
    assertThat(builtIn.get("neuron_models").get("lif1.lif").asText()).isNotEqualTo(NAME);
  }

  @ParameterizedTest
  @ValueSource(strings = {"simulator", "engine"})
  @DisplayName(
      "is the neuron model of a rate-converted CNN on either backend with snn convert --neuron")
  void runsAConvertedNetwork(String backend) throws Exception {
    Path mnist = Path.of("..", "..", "shared", "data", "mnist");
    assumeThat(mnist.resolve("t10k-images-idx3-ubyte.gz"))
        .as("MNIST in ../shared/data/mnist")
        .isRegularFile();
    Path model = work.resolve("lenet.json");
    AnnJson.write(CnnArchitectures.lenet(1, 28, 4, 8, 16, 10, 5), model);
    JsonNode report =
        json(
            CommandOutput.ofCli(
                "--plugins",
                plugins.toString(),
                "convert",
                "--data-dir",
                mnist.toString(),
                "--model",
                model.toString(),
                "--coding",
                "rate",
                "--rate-steps",
                "16",
                "--test-samples",
                "10",
                "--backend",
                backend,
                "--neuron",
                NAME,
                "--json"));
    assertThat(report.get("neuron").asText()).isEqualTo(NAME);
    assertThat(report.get("backend").asText()).isEqualTo(backend);
    assertThat(report.get("samples").asInt()).isEqualTo(10);
    assertThat(report.get("spikes_per_neuron").asDouble()).isPositive();
  }

  private static String[] concat(String[] first, String... second) {
    String[] all = java.util.Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, all, first.length, second.length);
    return all;
  }
}
