package org.snncodesign.nir;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import org.snncodesign.api.graph.AffineNode;
import org.snncodesign.api.graph.Conv1dNode;
import org.snncodesign.api.graph.Conv2dNode;
import org.snncodesign.api.graph.CubaLiNode;
import org.snncodesign.api.graph.CubaLifNode;
import org.snncodesign.api.graph.DelayNode;
import org.snncodesign.api.graph.ElementType;
import org.snncodesign.api.graph.FlattenNode;
import org.snncodesign.api.graph.GraphAnnotations;
import org.snncodesign.api.graph.IfNode;
import org.snncodesign.api.graph.InputNode;
import org.snncodesign.api.graph.IntegratorNode;
import org.snncodesign.api.graph.LiNode;
import org.snncodesign.api.graph.LifNode;
import org.snncodesign.api.graph.LinearNode;
import org.snncodesign.api.graph.NetworkGraph;
import org.snncodesign.api.graph.OutputNode;
import org.snncodesign.api.graph.Pool2dNode;
import org.snncodesign.api.graph.Pool2dNode.Pooling;
import org.snncodesign.api.graph.ScaleNode;
import org.snncodesign.api.graph.Shape;
import org.snncodesign.api.graph.Size2d;
import org.snncodesign.api.graph.SubgraphNode;
import org.snncodesign.api.graph.Tensor;
import org.snncodesign.api.graph.ThresholdNode;

/** Graphs built in Java for the writer's tests, with seeded random parameters. */
final class SampleGraphs {
  private final Random random;

  SampleGraphs(long seed) {
    this.random = new Random(seed);
  }

  /**
   * Every node type in one graph, in an order that is not alphabetical, float32 and float64 mixed,
   * open input shapes (convolutions, a Flatten), a subgraph, a recurrent loop and metadata.
   */
  NetworkGraph everyNodeType() {
    NetworkGraph block =
        NetworkGraph.builder()
            .node("in", new InputNode(Shape.of(4)))
            .node(
                "cuba",
                new CubaLifNode(
                    positive(4, ElementType.FLOAT64),
                    positive(4, ElementType.FLOAT64),
                    values(4, ElementType.FLOAT64),
                    values(4, ElementType.FLOAT64),
                    values(4, ElementType.FLOAT64),
                    values(4, ElementType.FLOAT64),
                    values(4, ElementType.FLOAT64)))
            .node("out", new OutputNode(Shape.of(4)))
            .chain("in", "cuba", "out")
            .metadata("role", "inner block")
            .build();
    return NetworkGraph.builder()
        .node("maps", new InputNode(Shape.of(2, 6, 6)))
        .node(
            "conv2d",
            new Conv2dNode(
                Optional.empty(),
                values(ElementType.FLOAT64, 3, 2, 3, 3),
                Size2d.square(1),
                Size2d.square(1),
                Size2d.square(1),
                1,
                values(3, ElementType.FLOAT64)))
        .node(
            "sum",
            new Pool2dNode(Pooling.SUM, Size2d.square(2), Size2d.square(2), Size2d.square(0)))
        .node(
            "avg",
            new Pool2dNode(Pooling.AVERAGE, new Size2d(1, 3), new Size2d(1, 3), new Size2d(0, 1)))
        .node("flat", FlattenNode.all())
        .node(
            "fc", new AffineNode(values(ElementType.FLOAT32, 4, 9), values(4, ElementType.FLOAT32)))
        .node(
            "lif",
            new LifNode(
                positive(4, ElementType.FLOAT64),
                values(4, ElementType.FLOAT64),
                values(4, ElementType.FLOAT64),
                values(4, ElementType.FLOAT64),
                values(4, ElementType.FLOAT64)))
        .node("rec", new LinearNode(values(ElementType.FLOAT32, 4, 4)))
        .node("scale", new ScaleNode(values(4, ElementType.FLOAT64)))
        .node("delay", new DelayNode(positive(4, ElementType.FLOAT32)))
        .node("threshold", new ThresholdNode(values(4, ElementType.FLOAT32)))
        .node("block", new SubgraphNode(block))
        .node("integrator", new IntegratorNode(values(4, ElementType.FLOAT32)))
        .node(
            "li",
            new LiNode(
                positive(4, ElementType.FLOAT32),
                values(4, ElementType.FLOAT32),
                values(4, ElementType.FLOAT32)))
        .node(
            "if",
            new IfNode(
                values(4, ElementType.FLOAT64),
                values(4, ElementType.FLOAT64),
                values(4, ElementType.FLOAT64)))
        .node(
            "cubali",
            new CubaLiNode(
                positive(4, ElementType.FLOAT32),
                positive(4, ElementType.FLOAT32),
                values(4, ElementType.FLOAT32),
                values(4, ElementType.FLOAT32),
                values(4, ElementType.FLOAT32)))
        .node("output", new OutputNode(Shape.of(4)))
        .node("signal", new InputNode(Shape.of(2, 8)))
        .node(
            "conv1d",
            new Conv1dNode(
                OptionalInt.empty(),
                values(ElementType.FLOAT32, 2, 1, 3),
                1,
                1,
                1,
                2,
                values(2, ElementType.FLOAT32)))
        .node("flat1d", new FlattenNode(Optional.of(Shape.of(2, 8)), 0, -1))
        .node("conv1d.out", new OutputNode(Shape.of(16)))
        .chain(
            "maps",
            "conv2d",
            "sum",
            "avg",
            "flat",
            "fc",
            "lif",
            "scale",
            "delay",
            "threshold",
            "block.in")
        .chain("lif", "rec", "lif")
        .chain("block.out", "integrator", "li", "if", "cubali", "output")
        .chain("signal", "conv1d", "flat1d", "conv1d.out")
        .metadata(GraphAnnotations.TIME_STEP, "0.001")
        .metadata(GraphAnnotations.resetKey("lif"), GraphAnnotations.RESET_BY_SUBTRACTION)
        .metadata("author", "Zoë, 東京")
        .build();
  }

  /**
   * Input -> Affine -> LIF -> Output with {@code inputs} and {@code outputs} values and random
   * precision.
   */
  NetworkGraph denseLayer(int inputs, int outputs) {
    ElementType weights = random.nextBoolean() ? ElementType.FLOAT32 : ElementType.FLOAT64;
    ElementType neurons = random.nextBoolean() ? ElementType.FLOAT32 : ElementType.FLOAT64;
    return NetworkGraph.builder()
        .node("input", new InputNode(Shape.of(inputs)))
        .node("fc", new AffineNode(values(weights, outputs, inputs), values(outputs, weights)))
        .node(
            "lif",
            new LifNode(
                positive(outputs, neurons),
                values(outputs, neurons),
                values(outputs, neurons),
                values(outputs, neurons),
                values(outputs, neurons)))
        .node("output", new OutputNode(Shape.of(outputs)))
        .chain("input", "fc", "lif", "output")
        .build();
  }

  private Tensor values(int length, ElementType type) {
    return values(type, length);
  }

  /**
   * Values of every kind a file must keep bit for bit: signed zeros, subnormals, extremes, ordinary
   * numbers.
   */
  private Tensor values(ElementType type, int... dims) {
    Shape shape = Shape.of(dims);
    double[] special = {-0.0, Double.MIN_VALUE, Float.MIN_VALUE, -Float.MAX_VALUE, 1e300};
    if (type == ElementType.FLOAT32) {
      float[] values = new float[shape.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] =
            random.nextInt(8) == 0
                ? (float) special[random.nextInt(4)]
                : (float) random.nextGaussian();
      }
      return Tensor.ofFloats(shape, values);
    }
    double[] values = new double[shape.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] =
          random.nextInt(8) == 0 ? special[random.nextInt(special.length)] : random.nextGaussian();
    }
    return Tensor.ofDoubles(shape, values);
  }

  private Tensor positive(int length, ElementType type) {
    double[] values = new double[length];
    for (int i = 0; i < length; i++) {
      values[i] = 1e-3 + random.nextDouble() * 1e-2;
    }
    Tensor tensor = Tensor.ofDoubles(Shape.of(length), values);
    return type == ElementType.FLOAT64
        ? tensor
        : Tensor.ofFloats(tensor.shape(), tensor.toFloatArray());
  }
}
