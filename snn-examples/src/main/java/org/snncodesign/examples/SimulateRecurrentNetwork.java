package org.snncodesign.examples;

import java.util.SplittableRandom;
import org.snncodesign.api.graph.AffineNode;
import org.snncodesign.api.graph.ElementType;
import org.snncodesign.api.graph.InputNode;
import org.snncodesign.api.graph.LifNode;
import org.snncodesign.api.graph.NetworkGraph;
import org.snncodesign.api.graph.OutputNode;
import org.snncodesign.api.graph.Shape;
import org.snncodesign.api.graph.Tensor;
import org.snncodesign.api.neuron.Discretization;
import org.snncodesign.neurons.graph.GraphRecording;
import org.snncodesign.neurons.graph.GraphSimulator;
import org.snncodesign.neurons.graph.Stimulus;

/**
 * A recurrent spiking network built as a graph and run on the event-driven engine: 20 Poisson
 * inputs drive 100 LIF neurons (tau 20 ms) that also excite and inhibit each other through a sparse
 * recurrent Affine; 1 s at dt = 1 ms.
 *
 * <pre>
 * java -cp snn-examples/target/snn.jar org.snncodesign.examples.SimulateRecurrentNetwork [seed]
 * </pre>
 */
public final class SimulateRecurrentNetwork {
  private static final int INPUTS = 20;
  private static final int NEURONS = 100;

  private SimulateRecurrentNetwork() {}

  /**
   * Runs the example.
   *
   * @param args an optional seed (default 1)
   */
  public static void main(String[] args) {
    long seed = args.length > 0 ? Long.parseLong(args[0]) : 1;
    SplittableRandom random = new SplittableRandom(seed);
    Shape neurons = Shape.of(NEURONS);
    NetworkGraph graph =
        NetworkGraph.builder()
            .node("input", new InputNode(Shape.of(INPUTS)))
            .node(
                "drive", new AffineNode(sparse(NEURONS, INPUTS, 0.3, 0.4, random), zeros(neurons)))
            .node(
                "lif",
                new LifNode(
                    Tensor.filled(neurons, 0.02, ElementType.FLOAT32),
                    Tensor.filled(neurons, 20, ElementType.FLOAT32),
                    zeros(neurons),
                    Tensor.filled(neurons, 1, ElementType.FLOAT32),
                    zeros(neurons)))
            .node(
                "recurrent",
                new AffineNode(sparse(NEURONS, NEURONS, 0.1, 0.2, random), zeros(neurons)))
            .node("output", new OutputNode(neurons))
            .chain("input", "drive", "lif", "output")
            .chain("lif", "recurrent", "lif")
            .build();
    GraphSimulator simulator =
        GraphSimulator.builder(graph, Discretization.forwardEuler(1e-3)).build();
    GraphRecording run = simulator.run(Stimulus.bernoulli(INPUTS, 1000, 0.02, seed));
    System.out.printf(
        "%d input spikes, %d LIF spikes (%.1f Hz per neuron), %d synaptic events%n",
        run.spikes("input").count(),
        run.spikes("lif").count(),
        run.spikes("lif").count() / (double) NEURONS,
        run.synapticEvents());
  }

  private static Tensor zeros(Shape shape) {
    return Tensor.filled(shape, 0, ElementType.FLOAT32);
  }

  /**
   * {@code rows x cols} weights, each present with probability {@code density}, a fifth of them
   * inhibitory.
   */
  private static Tensor sparse(
      int rows, int cols, double density, double weight, SplittableRandom random) {
    float[] w = new float[rows * cols];
    for (int k = 0; k < w.length; k++) {
      if (random.nextDouble() < density) {
        w[k] = (float) (random.nextDouble() < 0.2 ? -weight : weight * random.nextDouble());
      }
    }
    return Tensor.ofFloats(Shape.of(rows, cols), w);
  }
}
