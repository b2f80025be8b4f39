package org.snncodesign.learning.surrogate;

import org.snncodesign.api.InvalidInputException;
import org.snncodesign.api.graph.GraphAnnotations;
import org.snncodesign.api.graph.NetworkGraph;

/**
 * A trained {@link SpikingNetwork} as the framework's {@link NetworkGraph} and back, bit-exact:
 * {@code fromGraph(toGraph(n, dt)).equals(n)} for every network (weights, biases, beta, threshold,
 * T, reset, read-out, quantisation).
 *
 * <p>Nodes, one chain from {@code input} to {@code output} ({@code l} is the layer index):
 *
 * <ul>
 *   <li>{@code input}: Input of shape {@code [inputs]} for a dense first layer, {@code [C, H, W]}
 *       for a convolution. It carries the analog sample at every step, which the first layer turns
 *       into a constant current (direct encoding).
 *   <li>{@code fc<l>}: Affine {@code [outputs, inputs]} = the {@link DenseLayer} transposed; after
 *       a convolution a {@code flatten<l>} (Flatten of the maps) comes first and the weight columns
 *       follow the graph's channel-first order.
 *   <li>{@code conv<l>}: Conv2d with the {@link ConvLayer}'s kernel as {@code [C_out, C_in, k, k]},
 *       its stride and padding, dilation 1, one group; {@code pool<l>}: AvgPool2d with a {@code q x
 *       q} kernel, stride {@code q}, no padding after the neurons when the layer average-pools its
 *       spikes ({@code pool = q > 1}; the trainer pools spikes, not currents, and drops the rows
 *       and columns beyond the last whole window, as AvgPool2d does).
 *   <li>Neurons of every layer but a membrane read-out: {@code lif<l>} for {@code beta < 1}, LIF
 *       with {@code tau = dt / (1 - beta)}, {@code r = tau / dt}, {@code v_leak = 0}, {@code
 *       v_threshold = v_th}, {@code v_reset = 0}; {@code if<l>} for {@code beta = 1}, IF with
 *       {@code r = 1 / dt}. Forward Euler at dt then gives the trainer's {@code h = beta v + I}
 *       exactly. {@link ResetMode#SUBTRACT} is {@link GraphAnnotations#resetKey} {@code =
 *       "subtract"} on each spiking node; {@link ResetMode#ZERO} is NIR's own {@code v = v_reset =
 *       0}. Spiking layers of a neuron model other than the built-in one name its plugin in {@link
 *       GraphAnnotations#neuronModelKey}, so that a simulator runs them with that model.
 *   <li>The read-out: with {@link Readout#SPIKE_COUNT} the last layer is spiking as above; with
 *       {@link Readout#MEMBRANE} it is {@code li<l>} (LI, same tau and r) or {@code i<l>} (I,
 *       {@code r = 1 / dt}). {@code output} carries its spikes or membrane per step.
 * </ul>
 *
 * Maps are channel-first in the graph and channel-last in the trainer ({@link ConvLayer}): for
 * one-channel images the two orders are the same; a multi-channel sample must be fed to the graph
 * as {@code [C, H, W]}.
 *
 * <p>Metadata: {@link GraphAnnotations#TIME_STEP} (dt), {@link GraphAnnotations#TIME_STEPS} (T),
 * {@link GraphAnnotations#READOUT} ({@code spike-count}: logit = spikes over T; {@code
 * mean-membrane}: logit = the membrane after each step, averaged over T); for a quantised layer
 * {@link #weightBitsKey} and {@link #weightScaleKey} of its Affine or Conv2d node (its weights are
 * stored de-quantised, integer times scale, as the trainer runs them); and, only for a network
 * whose one layer is the membrane read-out (no node can hold them, and they change nothing), {@link
 * #READOUT_ONLY_THRESHOLD} and {@link #READOUT_ONLY_RESET}.
 *
 * <p>Firing: the trainer spikes when {@code h >= v_th}, NIR when {@code v > v_threshold}. The
 * threshold is exported unchanged, so the two differ only when a membrane equals the threshold
 * exactly; nudging it to the next float below would make float comparisons agree but change reset
 * by subtraction and break the exact round trip.
 */
public final class SpikingNetworkGraphs {
  /**
   * The unused firing threshold of a network without spiking layers, as the shortest float decimal.
   */
  public static final String READOUT_ONLY_THRESHOLD = "snn-codesign.surrogate.v_th";

  /** The unused {@link ResetMode} name of a network without spiking layers. */
  public static final String READOUT_ONLY_RESET = "snn-codesign.surrogate.reset";

  private SpikingNetworkGraphs() {}

  /**
   * The graph of {@code network} for a simulator stepping at {@code dt} seconds.
   *
   * @throws IllegalArgumentException if {@code dt} is not positive and finite
   */
  public static NetworkGraph toGraph(SpikingNetwork network, double dt) {
    return new SpikingGraphWriter(network, dt).write();
  }

  /**
   * The network a graph written by {@link #toGraph} (or of the same form) describes.
   *
   * @throws InvalidInputException naming the node or metadata key when the graph is not of that
   *     form
   */
  public static SpikingNetwork fromGraph(NetworkGraph graph) {
    return new SpikingGraphReader(graph).read();
  }

  /** The key of the weight bit width of a quantised layer's Affine or Conv2d node {@code node}. */
  public static String weightBitsKey(String node) {
    return "snn-codesign.weight-bits." + node;
  }

  /**
   * The key of the quantisation step ({@code w = integer * scale}) of the weights of node {@code
   * node}.
   */
  public static String weightScaleKey(String node) {
    return "snn-codesign.weight-scale." + node;
  }
}
