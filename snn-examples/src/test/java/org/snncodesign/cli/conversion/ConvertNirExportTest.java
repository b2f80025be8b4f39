package org.snncodesign.cli.conversion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snncodesign.api.dataset.LabeledDataset;
import org.snncodesign.api.graph.GraphAnnotations;
import org.snncodesign.api.graph.GraphNode;
import org.snncodesign.api.graph.NetworkGraph;
import org.snncodesign.api.neuron.Discretization;
import org.snncodesign.conversion.ann.AnnJson;
import org.snncodesign.conversion.ann.LabeledImages;
import org.snncodesign.conversion.training.CnnArchitectures;
import org.snncodesign.flow.data.ConversionData;
import org.snncodesign.neurons.graph.GraphClassifier;
import org.snncodesign.neurons.graph.GraphSimulator;
import org.snncodesign.nir.NirReader;
import picocli.CommandLine;

class ConvertNirExportTest {
  private static final Path MNIST = Path.of("..", "..", "shared", "data", "mnist");
  private static final int SAMPLES = 40;
  private static final int STEPS = 64;

  private static JsonNode convert(Path model, Path nir, ByteArrayOutputStream err)
      throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code =
        new CommandLine(
                new ConvertCommand(
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8)))
            .execute(
                "--data-dir",
                MNIST.toString(),
                "--model",
                model.toString(),
                "--coding",
                "rate",
                "--rate-steps",
                String.valueOf(STEPS),
                "--test-samples",
                String.valueOf(SAMPLES),
                "--export-nir",
                nir.toString(),
                "--json");
    if (code != 0) {
      return null;
    }
    String[] lines = out.toString(StandardCharsets.UTF_8).trim().split("\n");
    return new ObjectMapper().readTree(lines[lines.length - 1]);
  }

  @Test
  @DisplayName(
      "convert --export-nir writes the rate-coded CNN as IF neurons between Conv2d, AvgPool2d and Affine, "
          + "and the re-imported graph on the engine classifies as the rate simulator does")
  void exportRunsLikeTheConverter(@TempDir Path tmp) throws Exception {
    assumeTrue(
        Files.exists(MNIST.resolve("t10k-images-idx3-ubyte.gz")),
        "MNIST not in ../../shared/data/mnist");
    Path model = tmp.resolve("avg.json");
    AnnJson.write(AveragePoolingCnn.create(3), model);
    Path nir = tmp.resolve("avg.nir");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    JsonNode report = convert(model, nir, err);
    assertThat(report).as(err.toString(StandardCharsets.UTF_8)).isNotNull();

    NetworkGraph graph = new NirReader().read(nir);
    List<String> types = new ArrayList<>();
    for (GraphNode node : graph.nodes().values()) {
      types.add(node.nirType());
    }
    assertThat(types).contains("Conv2d", "AvgPool2d", "Affine", "IF", "I");
    assertThat(graph.metadata())
        .containsEntry(GraphAnnotations.CODING, GraphAnnotations.CODING_RATE);

    LabeledImages images = ConversionData.load(MNIST, "t10k", SAMPLES);
    List<String> names = new ArrayList<>();
    for (int c = 0; c < images.classes(); c++) {
      names.add(String.valueOf(c));
    }
    LabeledDataset test =
        new LabeledDataset("mnist", new int[] {1, 28, 28}, images.pixels(), images.labels(), names);
    GraphSimulator simulator =
        GraphSimulator.builder(graph, Discretization.forwardEuler(1e-3)).build();
    GraphClassifier.Result engine =
        GraphClassifier.evaluate(
            simulator, test, STEPS, GraphClassifier.Scoring.of(graph), SAMPLES);
    assertThat(engine.accuracy()).isEqualTo(report.get("snn_accuracy").asDouble());
  }

  @Test
  @DisplayName("convert --export-nir refuses a CNN with max pooling, naming the layer")
  void maxPoolingIsRefused(@TempDir Path tmp) throws Exception {
    assumeTrue(
        Files.exists(MNIST.resolve("t10k-images-idx3-ubyte.gz")),
        "MNIST not in ../../shared/data/mnist");
    Path model = tmp.resolve("lenet.json");
    AnnJson.write(CnnArchitectures.lenet(1, 28, 4, 8, 16, 10, 5), model);
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertThat(convert(model, tmp.resolve("lenet.nir"), err)).isNull();
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("pool1").containsIgnoringCase("max");
    assertThat(tmp.resolve("lenet.nir")).doesNotExist();
  }
}
