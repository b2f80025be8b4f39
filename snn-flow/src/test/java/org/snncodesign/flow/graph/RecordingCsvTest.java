package org.snncodesign.flow.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snncodesign.api.graph.AffineNode;
import org.snncodesign.api.graph.ElementType;
import org.snncodesign.api.graph.InputNode;
import org.snncodesign.api.graph.LifNode;
import org.snncodesign.api.graph.NetworkGraph;
import org.snncodesign.api.graph.OutputNode;
import org.snncodesign.api.graph.Shape;
import org.snncodesign.api.graph.Tensor;
import org.snncodesign.api.neuron.Discretization;
import org.snncodesign.api.spike.SpikeRaster;
import org.snncodesign.neurons.graph.GraphRecording;
import org.snncodesign.neurons.graph.GraphSimulator;
import org.snncodesign.neurons.graph.Stimulus;

@DisplayName("A recording as CSV")
class RecordingCsvTest {
  private static final Shape TWO = Shape.of(2);

  private final NetworkGraph graph =
      NetworkGraph.builder()
          .node("input", new InputNode(Shape.of(3)))
          .node(
              "fc",
              new AffineNode(
                  Tensor.filled(Shape.of(2, 3), 0.4, ElementType.FLOAT32),
                  Tensor.filled(TWO, 0, ElementType.FLOAT32)))
          .node(
              "lif",
              new LifNode(
                  Tensor.filled(TWO, 5e-3, ElementType.FLOAT64),
                  Tensor.filled(TWO, 5, ElementType.FLOAT64),
                  Tensor.filled(TWO, 0, ElementType.FLOAT64),
                  Tensor.filled(TWO, 0.5, ElementType.FLOAT64),
                  Tensor.filled(TWO, 0, ElementType.FLOAT64)))
          .node("output", new OutputNode(TWO))
          .chain("input", "fc", "lif", "output")
          .build();
  private final GraphRecording recording =
      GraphSimulator.builder(graph, Discretization.forwardEuler(1e-3))
          .recordVoltages(true)
          .build()
          .run(Map.of("input", Stimulus.bernoulli(3, 20, 0.4, 5)));

  @Test
  @DisplayName("lists every spike as step, node, neuron and returns each node's count and rate")
  void spikes(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("spikes.csv");
    List<RecordingCsv.SpikeCount> counts = RecordingCsv.writeSpikes(recording, file);

    List<String> lines = Files.readAllLines(file);
    assertThat(lines.get(0)).isEqualTo("step,node,neuron");
    long total = 0;
    for (RecordingCsv.SpikeCount count : counts) {
      SpikeRaster raster = recording.spikes(count.node());
      assertThat(count.count()).isEqualTo(raster.count());
      assertThat(count.ratePerStep()).isEqualTo(raster.density());
      total += count.count();
    }
    assertThat(counts).extracting(RecordingCsv.SpikeCount::node).isSorted();
    assertThat(lines).hasSize(1 + (int) total);
    assertThat(total).isPositive();
  }

  @Test
  @DisplayName("writes one row per step and neuron for voltages and per step and index for outputs")
  void values(@TempDir Path dir) throws Exception {
    RecordingCsv.writeVoltages(recording, dir.resolve("voltages.csv"));
    RecordingCsv.writeOutputs(recording, dir.resolve("output.csv"));

    List<String> voltages = Files.readAllLines(dir.resolve("voltages.csv"));
    assertThat(voltages.get(0)).isEqualTo("step,node,neuron,v");
    assertThat(voltages).hasSize(1 + 20 * 2 * recording.voltageNodes().size());
    float[][] v = recording.voltages("lif");
    assertThat(voltages).contains("19,lif,1," + v[19][1]);
    List<String> outputs = Files.readAllLines(dir.resolve("output.csv"));
    assertThat(outputs.get(0)).isEqualTo("step,output,index,value");
    assertThat(outputs).hasSize(1 + 20 * 2);
  }

  @Test
  @DisplayName(
      "moves a complete file over an earlier one instead of rewriting it, leaving no temporary file")
  void atomic(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("output.csv"), "an earlier run's output\n");
    // A file rewritten in place would change under this second name too.
    Path earlier = Files.createLink(dir.resolve("earlier"), file);

    RecordingCsv.writeOutputs(recording, file);

    assertThat(Files.readString(file)).startsWith("step,output,index,value\r\n0,output,0,");
    assertThat(earlier).hasContent("an earlier run's output");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactlyInAnyOrder(file, earlier);
    }
  }
}
