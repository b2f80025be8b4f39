package org.snncodesign.nir.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.snncodesign.api.graph.AffineNode;
import org.snncodesign.api.graph.ElementType;
import org.snncodesign.api.graph.InputNode;
import org.snncodesign.api.graph.LifNode;
import org.snncodesign.api.graph.NetworkGraph;
import org.snncodesign.api.graph.OutputNode;
import org.snncodesign.api.graph.Shape;
import org.snncodesign.api.graph.Tensor;
import org.snncodesign.nir.NirReader;
import org.snncodesign.nir.NirWriter;

/**
 * Reading a NIR file holding one {@code neurons x neurons} float32 Affine layer and its LIF neurons
 * ({@code neurons = 1000}: 1 M weights, 4 MB), written by {@link NirWriter}. Target: under 1 s per
 * read.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class NirReadBenchmark {
  @Param({"1000"})
  public int neurons;

  private Path folder;
  private Path file;
  private final NirReader reader = new NirReader();

  @Setup
  public void writeFile() throws IOException {
    SplittableRandom random = new SplittableRandom(42);
    float[] weights = new float[neurons * neurons];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = (float) (random.nextDouble() - 0.5);
    }
    Tensor ones = Tensor.filled(Shape.of(neurons), 1, ElementType.FLOAT32);
    Tensor zeros = Tensor.filled(Shape.of(neurons), 0, ElementType.FLOAT32);
    NetworkGraph graph =
        NetworkGraph.builder()
            .node("input", new InputNode(Shape.of(neurons)))
            .node("fc", new AffineNode(Tensor.ofFloats(Shape.of(neurons, neurons), weights), zeros))
            .node(
                "lif",
                new LifNode(
                    Tensor.filled(Shape.of(neurons), 0.01, ElementType.FLOAT32),
                    ones,
                    zeros,
                    ones,
                    zeros))
            .node("output", new OutputNode(Shape.of(neurons)))
            .chain("input", "fc", "lif", "output")
            .build();
    folder = Files.createTempDirectory("nir-bench");
    file = folder.resolve("dense.nir");
    new NirWriter().write(graph, file);
  }

  @TearDown
  public void deleteFile() throws IOException {
    Files.deleteIfExists(file);
    Files.deleteIfExists(folder);
  }

  @Benchmark
  public NetworkGraph read() throws IOException {
    return reader.read(file);
  }
}
