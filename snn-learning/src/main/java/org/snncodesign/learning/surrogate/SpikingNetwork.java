package org.snncodesign.learning.surrogate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.snncodesign.api.Checks;
import org.snncodesign.api.neuron.SurrogateDynamics;
import org.snncodesign.api.neuron.TrainableNeuronModel;

/**
 * A feed-forward spiking network of fully connected ({@link DenseLayer}) and convolutional ({@link
 * ConvLayer}) layers of leaky integrate-and-fire neurons, run for {@code T} discrete time steps
 * (the differentiable formulation trained by {@link SurrogateGradientTrainer}).
 *
 * <p>Per layer and step (snnTorch / SpikingJelly discrete LIF, time step folded into {@code beta =
 * exp(-dt/tau)}):
 *
 * <pre>
 *   h[t] = beta * v[t-1] + I[t],        I[t] = W^T x[t] + b
 *   s[t] = H(h[t] - v_th)
 *   v[t] = h[t] - v_th * s[t]            (ResetMode.SUBTRACT)   or   h[t] * (1 - s[t])   (ResetMode.ZERO)
 * </pre>
 *
 * with {@code v[-1] = 0}. {@code beta = 1} gives the integrate-and-fire neuron. The first layer
 * receives the analog input itself as a constant current at every step (direct encoding, as in
 * FireFly-S and Fang et al. 2021); later layers receive the spikes of the layer below. The last
 * layer either spikes (readout {@link Readout#SPIKE_COUNT}) or only integrates ({@link
 * Readout#MEMBRANE}). For a convolution, {@code W^T x} is the convolution of the input maps and
 * {@code b} is broadcast over positions; the neuron update is the same.
 *
 * <p>The spiking layers' neurons are a {@link TrainableNeuronModel} plugin: by default the built-in
 * {@code lif} ({@code if} for {@code beta = 1}), whose {@link SurrogateDynamics} are the update
 * above; another model runs its own update, given {@code beta} and {@code v_th} as its parameters
 * {@code tau_m = dt / (1 - beta)}, {@code R = tau_m / dt} and {@code v_th} where it declares them,
 * and the reset rule. The membrane read-out is always the leaky integrator above.
 */
public final class SpikingNetwork {
  private final int timesteps;
  private final float beta;
  private final float threshold;
  private final ResetMode reset;
  private final Readout readout;
  private final List<SpikingLayer> layers;
  private final NeuronChoice neuron;

  /**
   * A network of the built-in neurons ({@code lif}, or {@code if} for {@code beta = 1}); the
   * arguments are those of {@link #SpikingNetwork(int, float, float, ResetMode, Readout, List,
   * TrainableNeuronModel)}.
   */
  public SpikingNetwork(
      int timesteps,
      float beta,
      float threshold,
      ResetMode reset,
      Readout readout,
      List<? extends SpikingLayer> layers) {
    this(timesteps, beta, threshold, reset, readout, layers, null);
  }

  /**
   * A network whose spiking layers are of neuron model {@code neuron}.
   *
   * @param timesteps T, at least 1
   * @param beta membrane decay per step in (0, 1]; 1 is IF
   * @param threshold firing threshold v_th, finite and positive
   * @param layers at least one, each taking the previous one's outputs as inputs
   * @param neuron the spiking layers' model, null for the built-in one
   * @throws IllegalArgumentException naming the model when it cannot train with beta, v_th and the
   *     reset
   */
  public SpikingNetwork(
      int timesteps,
      float beta,
      float threshold,
      ResetMode reset,
      Readout readout,
      List<? extends SpikingLayer> layers,
      TrainableNeuronModel neuron) {
    this.timesteps = Checks.positive(timesteps, "timesteps");
    Checks.checkArgument(beta > 0f && beta <= 1f, "beta must be in (0, 1], got %s", beta);
    Checks.checkArgument(
        threshold > 0f && Float.isFinite(threshold),
        "threshold must be finite and > 0, got %s",
        threshold);
    Checks.checkArgument(reset != null && readout != null, "reset and readout must not be null");
    Checks.checkArgument(!layers.isEmpty(), "a network needs at least one layer");
    for (int l = 1; l < layers.size(); l++) {
      SpikingLayer below = layers.get(l - 1);
      SpikingLayer above = layers.get(l);
      Checks.checkArgument(
          above.inputs() == below.outputs(),
          "layer %d (%s) has %d inputs but layer %d (%s) has %d outputs",
          l,
          above,
          above.inputs(),
          l - 1,
          below,
          below.outputs());
      if (below instanceof ConvLayer b && above instanceof ConvLayer a) {
        Checks.checkArgument(
            a.inChannels() == b.outChannels()
                && a.height() == b.pooledHeight()
                && a.width() == b.pooledWidth(),
            "layer %d (%s) takes %s maps but layer %d (%s) produces %s maps",
            l,
            a,
            a.inputShape(),
            l - 1,
            b,
            b.outputShape());
      }
    }
    SpikingLayer top = layers.get(layers.size() - 1);
    Checks.checkArgument(
        top.neurons() == top.outputs(),
        "the last layer (%s) cannot pool: the readout needs one logit per neuron",
        top);
    this.beta = beta;
    this.threshold = threshold;
    this.reset = reset;
    this.readout = readout;
    this.layers = Collections.unmodifiableList(new ArrayList<>(layers));
    this.neuron =
        NeuronChoice.of(
            neuron != null ? neuron : NeuronChoice.builtIn(beta), beta, threshold, reset);
  }

  /**
   * This network's live layers with spiking neurons of model {@code neuron} (null: the built-in
   * one).
   *
   * @throws IllegalArgumentException naming the model when it cannot train with this network's
   *     beta, v_th and reset
   */
  public SpikingNetwork withNeuron(TrainableNeuronModel neuron) {
    return new SpikingNetwork(timesteps, beta, threshold, reset, readout, layers, neuron);
  }

  /**
   * A network with layer sizes {@code sizes} (e.g. {@code 784, 500, 10}) and weights and biases
   * drawn uniformly from {@code [-1/sqrt(fan_in), 1/sqrt(fan_in)]} (the PyTorch default for linear
   * layers) from {@code seed}.
   */
  public static SpikingNetwork initialise(
      int[] sizes,
      int timesteps,
      float beta,
      float threshold,
      ResetMode reset,
      Readout readout,
      long seed) {
    Checks.checkArgument(
        sizes.length >= 2, "need at least an input and an output size, got %d sizes", sizes.length);
    Random random = new Random(seed);
    List<DenseLayer> layers = new ArrayList<>();
    for (int l = 0; l + 1 < sizes.length; l++) {
      DenseLayer layer =
          new DenseLayer(
              Checks.positive(sizes[l], "size " + l),
              Checks.positive(sizes[l + 1], "size " + (l + 1)));
      float bound = (float) (1 / Math.sqrt(sizes[l]));
      float[] w = layer.weights();
      for (int i = 0; i < w.length; i++) {
        w[i] = (2 * random.nextFloat() - 1) * bound;
      }
      float[] b = layer.bias();
      for (int j = 0; j < b.length; j++) {
        b[j] = (2 * random.nextFloat() - 1) * bound;
      }
      layers.add(layer);
    }
    return new SpikingNetwork(timesteps, beta, threshold, reset, readout, layers);
  }

  /**
   * A network built from an architecture string (see {@link NetworkArchitecture}), e.g. {@code
   * 784-500-10} or {@code 1x28x28-c16k5s2-c32k3s2-10}, with weights and biases drawn uniformly from
   * {@code [-1/sqrt(fan_in), 1/sqrt(fan_in)]} ({@code fan_in = k k C_in} for a convolution) from
   * {@code seed}.
   */
  public static SpikingNetwork initialise(
      String architecture,
      int timesteps,
      float beta,
      float threshold,
      ResetMode reset,
      Readout readout,
      long seed) {
    Random random = new Random(seed);
    List<SpikingLayer> layers = NetworkArchitecture.parse(architecture).layers();
    for (SpikingLayer layer : layers) {
      int fanIn =
          layer instanceof ConvLayer c ? c.kernel() * c.kernel() * c.inChannels() : layer.inputs();
      float bound = (float) (1 / Math.sqrt(fanIn));
      float[] w = layer.weights();
      for (int i = 0; i < w.length; i++) {
        w[i] = (2 * random.nextFloat() - 1) * bound;
      }
      float[] b = layer.bias();
      for (int j = 0; j < b.length; j++) {
        b[j] = (2 * random.nextFloat() - 1) * bound;
      }
    }
    return new SpikingNetwork(timesteps, beta, threshold, reset, readout, layers);
  }

  /** Parses a dense architecture string such as {@code 784-500-10}. */
  public static int[] parseArchitecture(String architecture) {
    String[] parts = architecture.trim().split("[-x,]");
    Checks.checkArgument(
        parts.length >= 2,
        "architecture '%s' needs at least two sizes such as 784-10",
        architecture);
    int[] sizes = new int[parts.length];
    for (int i = 0; i < parts.length; i++) {
      try {
        sizes[i] = Integer.parseInt(parts[i].trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "architecture '" + architecture + "': '" + parts[i] + "' is not a layer size");
      }
      Checks.checkArgument(
          sizes[i] > 0, "architecture '%s': layer size %d must be > 0", architecture, sizes[i]);
    }
    return sizes;
  }

  public int timesteps() {
    return timesteps;
  }

  public float beta() {
    return beta;
  }

  public float threshold() {
    return threshold;
  }

  public ResetMode reset() {
    return reset;
  }

  public Readout readout() {
    return readout;
  }

  /** The neuron model of the spiking layers. */
  public TrainableNeuronModel neuronModel() {
    return neuron.model();
  }

  /**
   * Whether the spiking layers are of the built-in model ({@code lif}, or {@code if} for {@code
   * beta = 1}), which files and graphs leave unsaid.
   */
  public boolean hasBuiltInNeurons() {
    return neuron.isBuiltIn(beta);
  }

  /** The spiking layers' update, with this network's parameters. */
  SurrogateDynamics dynamics() {
    return neuron.dynamics();
  }

  /** The layers, input side first (unmodifiable list of live layers). */
  public List<SpikingLayer> layers() {
    return layers;
  }

  public SpikingLayer layer(int index) {
    return layers.get(index);
  }

  /**
   * Layer {@code index} as a {@link DenseLayer}, for code that handles fully connected layers only.
   *
   * @throws IllegalArgumentException naming the layer if it is of another kind
   */
  public DenseLayer denseLayer(int index) {
    SpikingLayer layer = layers.get(index);
    if (layer instanceof DenseLayer dense) {
      return dense;
    }
    throw new IllegalArgumentException(
        "layer " + index + " is " + layer + ", not a fully connected layer");
  }

  /** Whether every layer is fully connected. */
  public boolean isDense() {
    for (SpikingLayer layer : layers) {
      if (!(layer instanceof DenseLayer)) {
        return false;
      }
    }
    return true;
  }

  public int inputs() {
    return layers.get(0).inputs();
  }

  public int outputs() {
    return layers.get(layers.size() - 1).outputs();
  }

  /** Layer sizes, input first. */
  public int[] sizes() {
    int[] sizes = new int[layers.size() + 1];
    sizes[0] = inputs();
    for (int l = 0; l < layers.size(); l++) {
      sizes[l + 1] = layers.get(l).outputs();
    }
    return sizes;
  }

  /**
   * Total number of weights, zero or not (a convolution kernel weight counts once, however often it
   * is shared).
   */
  public long synapses() {
    long n = 0;
    for (SpikingLayer layer : layers) {
      n += layer.weights().length;
    }
    return n;
  }

  /** Fraction of all weights that are exactly zero. */
  public double weightSparsity() {
    long zeros = 0;
    for (SpikingLayer layer : layers) {
      zeros += layer.zeroWeights();
    }
    return (double) zeros / synapses();
  }

  /**
   * The class the network predicts for one input of {@link #inputs()} values (allocates a small
   * workspace).
   */
  public int predict(float[] input) {
    Checks.checkArgument(
        input.length == inputs(),
        "input has %d values, the network takes %d",
        input.length,
        inputs());
    BpttWorkspace workspace =
        new BpttWorkspace(
            this, SurrogateFunction.of(SurrogateKind.FAST_SIGMOID), false, true, false);
    workspace.forward(input, 0);
    return workspace.predicted();
  }

  /** A deep copy. */
  public SpikingNetwork copy() {
    List<SpikingLayer> copies = new ArrayList<>();
    for (SpikingLayer layer : layers) {
      copies.add(layer.copy());
    }
    return new SpikingNetwork(timesteps, beta, threshold, reset, readout, copies, neuron.model());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SpikingNetwork n
        && n.timesteps == timesteps
        && Float.floatToIntBits(n.beta) == Float.floatToIntBits(beta)
        && Float.floatToIntBits(n.threshold) == Float.floatToIntBits(threshold)
        && n.reset == reset
        && n.readout == readout
        && n.neuronModel().name().equals(neuronModel().name())
        && n.layers.equals(layers);
  }

  @Override
  public int hashCode() {
    return layers.hashCode() * 31 + timesteps;
  }

  @Override
  public String toString() {
    String arch = NetworkArchitecture.describe(layers);
    return "SpikingNetwork["
        + arch
        + ", T="
        + timesteps
        + ", beta="
        + beta
        + ", v_th="
        + threshold
        + ", "
        + reset
        + ", "
        + readout
        + (hasBuiltInNeurons() ? "" : ", neuron=" + neuronModel().name())
        + "]";
  }
}
