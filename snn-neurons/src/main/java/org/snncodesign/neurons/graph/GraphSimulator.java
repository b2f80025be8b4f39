package org.snncodesign.neurons.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snncodesign.api.Checks;
import org.snncodesign.api.graph.GraphAnnotations;
import org.snncodesign.api.graph.GraphNode;
import org.snncodesign.api.graph.InputNode;
import org.snncodesign.api.graph.NetworkGraph;
import org.snncodesign.api.graph.NeuronNode;
import org.snncodesign.api.graph.OutputNode;
import org.snncodesign.api.neuron.Discretization;
import org.snncodesign.api.neuron.NeuronModel;
import org.snncodesign.api.neuron.NeuronPopulation;
import org.snncodesign.api.plugin.PluginRegistry;
import org.snncodesign.api.spike.SpikeRaster;
import org.snncodesign.neurons.engine.Network;
import org.snncodesign.neurons.engine.NetworkBuilder;
import org.snncodesign.neurons.engine.PropagationMode;

/**
 * Runs any {@link NetworkGraph}: built once, then run sample by sample ({@link #run(Stimulus)}
 * resets, feeds the stimulus, steps and records). Same graph and stimulus, same bytes; {@link
 * PropagationMode#CLOCK} and {@link PropagationMode#EVENT} give identical results.
 *
 * <p>How the graph becomes a {@link Network} (docs/GRAPH-ENGINE.md states it with every equation):
 *
 * <ul>
 *   <li>Time is discrete at {@code dt}. A spike is an input of value 1 held for one step; an Input
 *       node takes, per step, spikes or analog values ({@link Stimulus}).
 *   <li>A neuron node's input of a step is {@code S = sum over its edges of (M x + b)}: the linear
 *       maps of the path applied to the source's output of that step, plus their biases (a constant
 *       current every step).
 *   <li>The linear nodes between sources (Inputs, neuron nodes) and targets (neuron nodes, Outputs)
 *       are composed into sparse projections ({@link ComposedProjection}); a Delay node adds {@code
 *       round(delay / dt)} steps to the synapses behind it.
 *   <li>A feed-forward edge delivers in the same step (a spike of layer 1 at step t is input of
 *       layer 2 at step t, as snnTorch's per-step forward). A recurrent edge, one that closes a
 *       cycle in a depth-first search from the Inputs in node order, delivers one step later
 *       (snnTorch's RLeaky and RSynaptic use {@code s[t-1]}).
 *   <li>Each neuron node is a population of the {@link NeuronModel} it maps to: by default {@code
 *       lif} for LIF, LI, CubaLIF and CubaLI and {@code if} for IF, I and Threshold, overridable
 *       per node type or node name. The population integrates NIR's equation at the {@link
 *       Discretization} (see {@link org.snncodesign.neurons.model.GraphNeuronPopulation}); a node
 *       resets by subtraction when {@link GraphAnnotations#resetsBySubtraction} says so. A spiking
 *       node passes on spikes, an I, LI or CubaLI node its voltage {@code v} as an analog value.
 *   <li>An Output node's value of a step is its summed input of that step.
 * </ul>
 *
 * <pre>{@code
 * GraphSimulator simulator = GraphSimulator.builder(graph, Discretization.forwardEuler(1e-4)).build();
 * GraphRecording run = simulator.run(Stimulus.spikes(raster));
 * SpikeRaster hidden = run.spikes("lif");
 * float[][] readout = run.output();
 * }</pre>
 */
public final class GraphSimulator {
  private final NetworkGraph graph;
  private final Discretization discretization;
  private final Network network;
  private final List<ComposedProjection> projections;
  private final Map<String, float[]> biases;
  private final List<String> populationOrder;
  private final Map<String, InputPopulation> inputs;
  private final Map<String, long[]> spikeViews;
  private final Map<String, float[]> voltageViews;
  private final Map<String, float[]> outputViews;
  private final Map<String, String> neuronModels;

  private GraphSimulator(Builder builder) {
    this.graph = builder.graph.flatten();
    this.discretization = builder.discretization;
    double dt = discretization.dt();
    GraphOrder order = new GraphOrder(graph);
    ProjectionComposer.Composition composition = ProjectionComposer.compose(graph, order, dt);
    this.projections = List.copyOf(composition.projections());
    this.biases = composition.biases();
    NetworkBuilder net = Network.builder(dt).mode(builder.mode);
    Map<String, InputPopulation> inputPopulations = new LinkedHashMap<>();
    Map<String, NeuronPopulation> neuronPopulations = new LinkedHashMap<>();
    Map<String, NeuronPopulation> outputPopulations = new LinkedHashMap<>();
    Map<String, String> models = new LinkedHashMap<>();
    List<String> populations = new ArrayList<>();
    for (String name : order.order()) {
      GraphNode node = graph.node(name);
      NeuronPopulation population;
      if (node instanceof InputNode in) {
        InputPopulation input = new InputPopulation(in.shape().size(), dt);
        inputPopulations.put(name, input);
        population = input;
      } else if (node instanceof NeuronNode neuron) {
        NeuronModel model = builder.models.modelFor(graph, name, neuron);
        population = create(model, name, neuron);
        neuronPopulations.put(name, population);
        models.put(name, model.name());
      } else if (node instanceof OutputNode out) {
        population = new OutputPopulation(out.shape().size(), dt);
        outputPopulations.put(name, population);
      } else {
        continue;
      }
      net.population(name, population);
      populations.add(name);
    }
    for (ComposedProjection p : projections) {
      net.projection(p.name(), p.source(), p.target(), p.weights(), p.delaySteps(), 0, p.signal());
    }
    biases.forEach(net::inputCurrent);
    this.network = net.build();
    this.populationOrder = List.copyOf(populations);
    this.inputs = Collections.unmodifiableMap(inputPopulations);
    this.neuronModels = Collections.unmodifiableMap(models);
    this.spikeViews = new LinkedHashMap<>();
    this.voltageViews = new LinkedHashMap<>();
    this.outputViews = new LinkedHashMap<>();
    neuronPopulations.forEach(
        (name, population) -> {
          if (((NeuronNode) graph.node(name)).spiking()) {
            spikeViews.put(name, network.lastSpikes(name));
          }
          if (builder.recordVoltages) {
            voltageViews.put(name, population.membranePotential());
          }
        });
    outputPopulations.forEach(
        (name, population) -> outputViews.put(name, population.membranePotential()));
  }

  private NeuronPopulation create(NeuronModel model, String name, NeuronNode node) {
    NeuronPopulation population =
        model.create(node, discretization, GraphAnnotations.resetsBySubtraction(graph, name));
    Checks.checkArgument(
        population.size() == node.neurons(),
        "neuron model '%s' made %d neurons for node '%s'" + " (%s) of %d neurons",
        model.name(),
        population.size(),
        name,
        node.nirType(),
        node.neurons());
    return population;
  }

  /** A builder for {@code graph} (subgraphs are inlined) stepped as {@code discretization} says. */
  public static Builder builder(NetworkGraph graph, Discretization discretization) {
    return new Builder(graph, discretization);
  }

  /** The graph as run: subgraphs inlined. */
  public NetworkGraph graph() {
    return graph;
  }

  public Discretization discretization() {
    return discretization;
  }

  /** The composed projections, in the order of their targets, then sources. */
  public List<ComposedProjection> projections() {
    return projections;
  }

  /** The constant current of every target that receives a bias (a copy). */
  public Map<String, float[]> biasCurrents() {
    Map<String, float[]> copy = new LinkedHashMap<>();
    biases.forEach((name, bias) -> copy.put(name, bias.clone()));
    return copy;
  }

  /** Input, neuron and Output nodes in the order the engine steps them. */
  public List<String> populationOrder() {
    return populationOrder;
  }

  /**
   * The neuron model plugin that runs each neuron node, by node name in the order the populations
   * are stepped: the record of which models a run used (a plugin chosen by type or by node, or the
   * built-in default).
   */
  public Map<String, String> neuronModels() {
    return neuronModels;
  }

  /** Runs the graph's only Input node on {@code stimulus}. */
  public GraphRecording run(Stimulus stimulus) {
    Checks.checkArgument(
        inputs.size() == 1,
        "the graph has %d Input nodes %s; give a stimulus per Input",
        inputs.size(),
        inputs.keySet());
    return run(Map.of(inputs.keySet().iterator().next(), stimulus));
  }

  /**
   * From the resting state, runs {@code T} steps, {@code T} the stimuli's common length.
   *
   * @param stimuli one per Input node, by name, all of the same length
   * @throws IllegalArgumentException naming an Input without a stimulus, an unknown name, or a
   *     stimulus whose size or length does not fit
   */
  public GraphRecording run(Map<String, Stimulus> stimuli) {
    Checks.checkArgument(
        stimuli.keySet().equals(inputs.keySet()),
        "stimuli are given for %s but the Input nodes" + " are %s",
        stimuli.keySet(),
        inputs.keySet());
    int steps = -1;
    Stimulus[] given = new Stimulus[inputs.size()];
    InputPopulation[] fed = new InputPopulation[inputs.size()];
    int k = 0;
    for (Map.Entry<String, InputPopulation> input : inputs.entrySet()) {
      Stimulus stimulus = stimuli.get(input.getKey());
      Checks.checkArgument(
          stimulus.neurons() == input.getValue().size(),
          "Input '%s' takes %d values per step," + " its stimulus has %d",
          input.getKey(),
          input.getValue().size(),
          stimulus.neurons());
      Checks.checkArgument(
          steps < 0 || stimulus.timeSteps() == steps,
          "the stimulus of Input '%s' has %d steps," + " another has %d",
          input.getKey(),
          stimulus.timeSteps(),
          steps);
      steps = stimulus.timeSteps();
      given[k] = stimulus;
      fed[k++] = input.getValue();
    }
    return record(stimuli, given, fed, Math.max(steps, 0));
  }

  private GraphRecording record(
      Map<String, Stimulus> stimuli, Stimulus[] given, InputPopulation[] fed, int steps) {
    Map<String, SpikeRaster> spikes = new LinkedHashMap<>();
    List<String> inputNames = new ArrayList<>(inputs.keySet());
    for (int i = 0; i < given.length; i++) {
      if (given[i].isSpikes()) {
        spikes.put(inputNames.get(i), new SpikeRaster(steps, fed[i].size()));
      }
    }
    spikeViews.forEach(
        (name, view) -> spikes.put(name, new SpikeRaster(steps, graph.outputShape(name).size())));
    Map<String, float[][]> voltages = traces(voltageViews, steps);
    Map<String, float[][]> outputs = traces(outputViews, steps);
    SpikeRaster[] spikeRasters = spikes.values().toArray(new SpikeRaster[0]);
    long[][] spikeSources = new long[spikeRasters.length][];
    int s = 0;
    for (String name : spikes.keySet()) {
      spikeSources[s++] = network.lastSpikes(name);
    }
    float[][][] traceTargets = concat(voltages, outputs);
    float[][] traceSources = concatViews(voltageViews, outputViews);
    network.reset();
    for (int t = 0; t < steps; t++) {
      for (int i = 0; i < given.length; i++) {
        given[i].load(fed[i], t);
      }
      network.step();
      for (int r = 0; r < spikeRasters.length; r++) {
        System.arraycopy(
            spikeSources[r],
            0,
            spikeRasters[r].words(),
            spikeRasters[r].stepOffset(t),
            spikeRasters[r].wordsPerStep());
      }
      for (int v = 0; v < traceTargets.length; v++) {
        System.arraycopy(traceSources[v], 0, traceTargets[v][t], 0, traceSources[v].length);
      }
    }
    return new GraphRecording(
        steps, new LinkedHashMap<>(stimuli), spikes, voltages, outputs, network.synapticEvents());
  }

  private static Map<String, float[][]> traces(Map<String, float[]> views, int steps) {
    Map<String, float[][]> traces = new LinkedHashMap<>();
    views.forEach((name, view) -> traces.put(name, new float[steps][view.length]));
    return traces;
  }

  private static float[][][] concat(Map<String, float[][]> a, Map<String, float[][]> b) {
    List<float[][]> all = new ArrayList<>(a.values());
    all.addAll(b.values());
    return all.toArray(new float[0][][]);
  }

  private static float[][] concatViews(Map<String, float[]> a, Map<String, float[]> b) {
    List<float[]> all = new ArrayList<>(a.values());
    all.addAll(b.values());
    return all.toArray(new float[0][]);
  }

  /** Chooses the discretization's companions: propagation mode, neuron models, recording. */
  public static final class Builder {
    private final NetworkGraph graph;
    private final Discretization discretization;
    private final NeuronModelChoice models = new NeuronModelChoice();
    private PropagationMode mode = PropagationMode.EVENT;
    private boolean recordVoltages;

    private Builder(NetworkGraph graph, Discretization discretization) {
      Checks.checkArgument(graph != null, "the simulator needs a graph");
      Checks.checkArgument(
          discretization != null, "the simulator needs a discretization (dt and integration)");
      this.graph = graph;
      this.discretization = discretization;
    }

    /**
     * Clock-driven or event-driven propagation (default event-driven); the results are identical.
     */
    public Builder mode(PropagationMode mode) {
      Checks.checkArgument(mode != null, "propagation mode must be CLOCK or EVENT");
      this.mode = mode;
      return this;
    }

    /** Runs every node of NIR type {@code nirType} ({@code "LIF"}, ...) with {@code model}. */
    public Builder modelForType(String nirType, NeuronModel model) {
      Checks.checkArgument(model != null, "neuron model for type %s must not be null", nirType);
      models.forType(nirType, new NeuronModelChoice.ModelRef(model, null));
      return this;
    }

    /**
     * Runs every node of NIR type {@code nirType} with the neuron model plugin named {@code
     * plugin}.
     */
    public Builder modelForType(String nirType, String plugin) {
      Checks.checkArgument(
          plugin != null && !plugin.isBlank(),
          "plugin name for type %s must not be blank",
          nirType);
      models.forType(nirType, new NeuronModelChoice.ModelRef(null, plugin));
      return this;
    }

    /** Runs the node called {@code node} with {@code model} (wins over a choice by type). */
    public Builder modelForNode(String node, NeuronModel model) {
      Checks.checkArgument(model != null, "neuron model for node %s must not be null", node);
      models.forNode(node, new NeuronModelChoice.ModelRef(model, null));
      return this;
    }

    /** Runs the node called {@code node} with the neuron model plugin named {@code plugin}. */
    public Builder modelForNode(String node, String plugin) {
      Checks.checkArgument(
          plugin != null && !plugin.isBlank(), "plugin name for node %s must not be blank", node);
      models.forNode(node, new NeuronModelChoice.ModelRef(null, plugin));
      return this;
    }

    /**
     * Where plugins named by name are looked up (default: {@link PluginRegistry#discover()}, when
     * needed).
     */
    public Builder plugins(PluginRegistry registry) {
      Checks.checkArgument(registry != null, "plugin registry must not be null");
      models.registry(registry);
      return this;
    }

    /** Whether runs record the voltage of every neuron of every neuron node (default false). */
    public Builder recordVoltages(boolean record) {
      this.recordVoltages = record;
      return this;
    }

    /**
     * The simulator.
     *
     * @throws IllegalArgumentException naming the node whose model does not run its type, or a bad
     *     parameter
     * @throws org.snncodesign.api.graph.InvalidGraphException naming a loop of linear nodes without
     *     a neuron
     */
    public GraphSimulator build() {
      return new GraphSimulator(this);
    }
  }
}
