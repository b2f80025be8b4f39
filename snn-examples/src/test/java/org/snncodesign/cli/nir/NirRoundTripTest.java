package org.snncodesign.cli.nir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snncodesign.api.graph.AffineNode;
import org.snncodesign.api.graph.Conv2dNode;
import org.snncodesign.api.graph.GraphNode;
import org.snncodesign.api.graph.LinearNode;
import org.snncodesign.api.graph.NetworkGraph;
import org.snncodesign.api.graph.NeuronNode;
import org.snncodesign.api.graph.ScaleNode;
import org.snncodesign.api.graph.Shape;
import org.snncodesign.cli.CommandOutput;
import org.snncodesign.cli.conversion.AveragePoolingCnn;
import org.snncodesign.conversion.ann.AnnModel;
import org.snncodesign.conversion.ann.LabeledImages;
import org.snncodesign.conversion.snn.AnnToSnnConverter;
import org.snncodesign.conversion.snn.ConvertedNetworkGraphs;
import org.snncodesign.flow.data.ConversionData;
import org.snncodesign.learning.surrogate.SpikingNetwork;
import org.snncodesign.learning.surrogate.SpikingNetworkGraphs;
import org.snncodesign.learning.surrogate.SpikingNetworkJson;
import org.snncodesign.nir.NirReader;
import org.snncodesign.nir.NirWriter;

/**
 * Graph to NIR file to graph is exact for networks made here (a network trained on MNIST by snn
 * train, a converted CNN), and the reference Python package reads the files we write with the same
 * node types and shapes.
 */
class NirRoundTripTest {
  private static final Path MNIST = Path.of("..", "..", "shared", "data", "mnist");
  private static final Path PYTHON = Path.of("/usr/bin/python3");
  private static final Path PACKAGE = Path.of("..", "..", "shared", "nir", "python");
  private static final Path DESCRIBE =
      Path.of("..", "snn-nir", "src", "test", "python", "describe_nir.py");

  private static void assumeMnist() {
    assumeTrue(
        Files.exists(MNIST.resolve("t10k-images-idx3-ubyte.gz")),
        "MNIST not in ../../shared/data/mnist");
  }

  @Test
  @DisplayName(
      "a network trained on MNIST by snn train --export-nir comes back from its NIR file bit for bit, and "
          + "Python's nir.read sees the same nodes and shapes")
  void trainedMnistNetwork(@TempDir Path tmp) throws Exception {
    assumeMnist();
    Path nir = tmp.resolve("mnist.nir");
    CommandOutput run =
        CommandOutput.ofCli(
            "train",
            "--dataset",
            "mnist",
            "--data-dir",
            MNIST.toString(),
            "--limit",
            "2000",
            "--epochs",
            "1",
            "--sparsity",
            "0.5",
            "--bits",
            "4",
            "--export-nir",
            nir.toString(),
            "--out",
            tmp.resolve("train").toString(),
            "--no-chart",
            "--json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    SpikingNetwork trained = SpikingNetworkJson.read(tmp.resolve("train").resolve("model.json"));

    NetworkGraph imported = new NirReader().read(nir);
    assertThat(imported).isEqualTo(SpikingNetworkGraphs.toGraph(trained, 1e-3));
    assertThat(SpikingNetworkGraphs.fromGraph(imported)).isEqualTo(trained);
    JsonNode report = new ObjectMapper().readTree(run.lastLine());
    assertThat(report.get("nir_export").get("engine_test_accuracy").asDouble())
        .isEqualTo(report.get("test_accuracy").asDouble());
    assertReferenceReads(nir, imported);
  }

  @Test
  @DisplayName(
      "a converted CNN comes back from its NIR file bit for bit, and Python's nir.read sees the same nodes "
          + "and shapes")
  void convertedCnn(@TempDir Path tmp) throws Exception {
    assumeMnist();
    AnnModel ann = AveragePoolingCnn.create(11);
    LabeledImages calibration = ConversionData.load(MNIST, "train", 200);
    NetworkGraph graph =
        ConvertedNetworkGraphs.rateCoded(
            new AnnToSnnConverter(99.9).convert(ann, calibration), 1e-3);
    Path nir = tmp.resolve("cnn.nir");
    new NirWriter().write(graph, nir);

    NetworkGraph imported = new NirReader().read(nir);
    assertThat(imported).isEqualTo(graph);
    assertReferenceReads(nir, imported);
  }

  /** Node types and the shapes of every parameter array as the reference package reads them. */
  private static void assertReferenceReads(Path file, NetworkGraph graph)
      throws IOException, InterruptedException {
    assumeTrue(
        Files.isExecutable(PYTHON) && Files.isDirectory(PACKAGE.resolve("nir")),
        "no " + PYTHON + " or no reference package at " + PACKAGE + " to check the file with");
    Process probe =
        new ProcessBuilder(PYTHON.toString(), "-c", "import numpy, h5py")
            .redirectErrorStream(true)
            .start();
    probe.getInputStream().readAllBytes();
    assumeTrue(
        probe.waitFor() == 0,
        "python3 cannot import numpy and h5py (apt-get install python3-h5py)");
    ProcessBuilder builder =
        new ProcessBuilder(PYTHON.toString(), DESCRIBE.toString(), file.toString());
    builder.environment().put("PYTHONPATH", PACKAGE.toString());
    Process process = builder.start();
    String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(stderr).isZero();
    JsonNode nodes = new ObjectMapper().readTree(stdout).get(file.toString()).get("nodes");
    assertThat(nodes.size()).isEqualTo(graph.nodes().size());
    graph
        .nodes()
        .forEach(
            (name, node) -> {
              JsonNode read = nodes.get(name);
              assertThat(read).as(name).isNotNull();
              assertThat(read.get("type").asText()).as(name).isEqualTo(node.nirType());
              assertParameterShapes(name, node, read.get("fields"));
            });
  }

  /** The weight (or tau) array of the node has the shape the graph gives it. */
  private static void assertParameterShapes(String name, GraphNode node, JsonNode fields) {
    String field =
        switch (node.nirType()) {
          case "Affine", "Conv2d", "Linear" -> "weight";
          case "IF", "I" -> "r";
          case "LIF", "LI" -> "tau";
          case "Scale" -> "scale";
          default -> null;
        };
    if (field == null) {
      return;
    }
    Shape expected;
    if (node instanceof AffineNode a) {
      expected = a.weight().shape();
    } else if (node instanceof Conv2dNode c) {
      expected = c.weight().shape();
    } else if (node instanceof LinearNode l) {
      expected = l.weight().shape();
    } else if (node instanceof ScaleNode s) {
      expected = s.scale().shape();
    } else {
      expected = ((NeuronNode) node).shape();
    }
    JsonNode dims = fields.get(field).get("shape");
    assertThat(dims.size()).as(name + "." + field).isEqualTo(expected.rank());
    for (int i = 0; i < expected.rank(); i++) {
      assertThat(dims.get(i).asInt()).as(name + "." + field).isEqualTo(expected.dim(i));
    }
  }
}
