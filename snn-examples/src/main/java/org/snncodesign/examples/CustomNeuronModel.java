package org.snncodesign.examples;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import org.snncodesign.api.graph.ElementType;
import org.snncodesign.api.graph.LiNode;
import org.snncodesign.api.graph.LifNode;
import org.snncodesign.api.graph.NetworkGraph;
import org.snncodesign.api.graph.NeuronNode;
import org.snncodesign.api.graph.Shape;
import org.snncodesign.api.graph.Tensor;
import org.snncodesign.api.neuron.Discretization;
import org.snncodesign.api.neuron.NeuronModel;
import org.snncodesign.api.neuron.NeuronParameters;
import org.snncodesign.api.neuron.NeuronPopulation;
import org.snncodesign.flow.training.DigitsDemoNetwork;
import org.snncodesign.learning.surrogate.SpikingNetworkGraphs;
import org.snncodesign.neurons.graph.GraphClassifier;
import org.snncodesign.neurons.graph.GraphSimulator;

/**
 * A neuron model written against {@code snn-api} only, as a third-party plugin would be, running the LIF and LI
 * nodes of a network trained here: the digits network is exported to a graph and classified on the engine once
 * with the built-in {@code lif} model and once with this one. Packed in a jar with a
 * {@code META-INF/services/org.snncodesign.api.neuron.NeuronModel} entry, the model is found by name instead
 * ({@code modelForType("LIF", "example-lif")}, {@code snn --plugins DIR}).
 *
 * <pre>java -cp snn-examples/target/snn.jar org.snncodesign.examples.CustomNeuronModel [seed]</pre>
 */
public final class CustomNeuronModel implements NeuronModel {
  @Override
  public String name() {
    return "example-lif";
  }

  @Override
  public String description() {
    return "forward-Euler LIF and LI for graph nodes (example)";
  }

  @Override
  public Map<String, Double> defaultParameters() {
    return Map.of("tau_m", 0.02, "v_th", 1.0);
  }

  @Override
  public NeuronPopulation create(int size, NeuronParameters p) {
    Shape shape = Shape.of(size);
    Tensor one = Tensor.filled(shape, 1, ElementType.FLOAT64);
    Tensor zero = Tensor.filled(shape, 0, ElementType.FLOAT64);
    Tensor threshold = Tensor.filled(shape, p.get("v_th", 1.0), ElementType.FLOAT64);
    Tensor tau = Tensor.filled(shape, p.get("tau_m", 0.02), ElementType.FLOAT64);
    return create(new LifNode(tau, one, zero, threshold, zero), Discretization.forwardEuler(p.dt()), false);
  }

  @Override
  public Set<String> graphNodeTypes() {
    return Set.of("LIF", "LI");
  }

  @Override
  public NeuronPopulation create(NeuronNode node, Discretization discretization, boolean resetBySubtraction) {
    if (node instanceof LifNode lif) {
      return new Population(lif.tau(), lif.r(), lif.vLeak(), lif.vThreshold(), lif.vReset(), true,
          resetBySubtraction, discretization.dt());
    }
    LiNode li = (LiNode) node;
    return new Population(li.tau(), li.r(), li.vLeak(), null, null, false, false, discretization.dt());
  }

  /** {@code v += dt / tau (v_leak - v + r I)}; a spike when {@code v > v_threshold}, then reset. */
  private static final class Population implements NeuronPopulation {
    private final float[] rate;
    private final float[] r;
    private final float[] vLeak;
    private final float[] vThreshold;
    private final float[] vReset;
    private final boolean spiking;
    private final boolean subtract;
    private final double dt;
    private final float[] v;

    Population(Tensor tau, Tensor r, Tensor vLeak, Tensor vThreshold, Tensor vReset, boolean spiking,
        boolean subtract, double dt) {
      this.rate = new float[tau.size()];
      for (int i = 0; i < rate.length; i++) {
        rate[i] = (float) (dt / tau.get(i));
      }
      this.r = r.toFloatArray();
      this.vLeak = vLeak.toFloatArray();
      this.vThreshold = spiking ? vThreshold.toFloatArray() : null;
      this.vReset = spiking ? vReset.toFloatArray() : null;
      this.spiking = spiking;
      this.subtract = subtract;
      this.dt = dt;
      this.v = new float[rate.length];
    }

    @Override
    public int size() {
      return v.length;
    }

    @Override
    public double dt() {
      return dt;
    }

    @Override
    public int step(float[] input, long[] spikes) {
      Arrays.fill(spikes, 0, (v.length + 63) >>> 6, 0L);
      int count = 0;
      for (int i = 0; i < v.length; i++) {
        v[i] += rate[i] * (vLeak[i] - v[i] + r[i] * input[i]);
        if (spiking && v[i] > vThreshold[i]) {
          spikes[i >>> 6] |= 1L << i;
          v[i] = subtract ? v[i] - vThreshold[i] : vReset[i];
          count++;
        }
      }
      return count;
    }

    @Override
    public float[] membranePotential() {
      return v;
    }

    @Override
    public void reset() {
      Arrays.fill(v, 0f);
    }
  }

  public static void main(String[] args) {
    long seed = args.length > 0 ? Long.parseLong(args[0]) : 1;
    DigitsDemoNetwork trained = DigitsDemoNetwork.train(seed, System.out);
    NetworkGraph graph = SpikingNetworkGraphs.toGraph(trained.network(), 1e-3);
    int steps = GraphClassifier.timeSteps(graph, DigitsDemoNetwork.TIMESTEPS);
    for (boolean custom : new boolean[] {false, true}) {
      GraphSimulator.Builder builder = GraphSimulator.builder(graph, Discretization.forwardEuler(1e-3));
      if (custom) {
        builder.modelForType("LIF", new CustomNeuronModel()).modelForType("LI", new CustomNeuronModel());
      }
      GraphClassifier.Result result = GraphClassifier.evaluate(builder.build(), trained.data().testSet(), steps,
          GraphClassifier.Scoring.of(graph), Integer.MAX_VALUE);
      System.out.printf("%-12s %.2f %% of %d held-out digits (trainer: %.2f %%)%n",
          custom ? "example-lif" : "built-in lif", 100 * result.accuracy(), result.samples(),
          100 * trained.testAccuracy());
    }
  }
}
