package org.snncodesign.conversion.snn;

import java.util.LinkedHashMap;
import java.util.Map;
import org.snncodesign.api.InvalidInputException;
import org.snncodesign.api.graph.GraphAnnotations;
import org.snncodesign.api.graph.NetworkGraph;

/**
 * A {@link ConvertedNetwork} as the framework's {@link NetworkGraph}: the ANN's layers as NIR
 * nodes, its ReLUs as integrate-and-fire neurons, the converter's normalisation folded into the
 * weights.
 *
 * <p>Nodes, named after the ANN's layers (characters other than letters, digits, {@code _} and
 * {@code -} become {@code _}; a clash gets a suffix {@code _2}):
 *
 * <ul>
 *   <li>{@code input}: Input of the sample's shape ({@code [C, H, W]}, or {@code [N]} for a
 *       vector), held at every step; {@code input_if_drive}: Scale {@code 1 / lambda_in}; {@code
 *       input_if}: IF, which turns the pixels into rates as {@link RateSimulator}'s input stage
 *       does.
 *   <li>Conv2d, Affine, AvgPool2d (the ANN's average pooling, padding 0) and Flatten nodes for the
 *       ANN's convolution, dense, average-pool and flatten layers, in order. The weights of the
 *       first weighted layer after a stage {@code s} are {@code (float) (w * lambda_s * (1 /
 *       lambda_t))} and every weighted layer's bias is {@code (float) (b / lambda_t)}, {@code t}
 *       the stage the layer feeds, so that the product of the linear nodes between two neuron nodes
 *       is the converter's fan-out matrix (equal in every bit where one weighted layer lies between
 *       them; composed in float otherwise).
 *   <li>One IF node per spiking stage, named after its ReLU: {@code r = 1 / dt}, {@code v_threshold
 *       = 1}, {@code v_reset = 0}, reset by subtraction ({@link GraphAnnotations#resetKey} = {@code
 *       "subtract"}), so that a forward-Euler step is the converter's {@code V += b + W s; if V >=
 *       1: spike, V -= 1}.
 *   <li>A residual addition {@code y = x + out(from)} gives the node after it two incoming edges
 *       (NIR sums inputs), the skip branch through a Scale node {@code lambda_from / lambda_t} when
 *       the units differ; a Scale node also carries the factor where no weighted layer lies between
 *       two stages.
 *   <li>{@code readout}: I with {@code r = 1 / dt}, which accumulates {@code b + W s} every step as
 *       the converter's read-out does; {@code output} carries its potential.
 * </ul>
 *
 * Metadata: {@link GraphAnnotations#TIME_STEP} (dt), {@link GraphAnnotations#READOUT} = {@code
 * last-membrane} (the class is the arg-max of the read-out after the last step), {@link
 * GraphAnnotations#CODING}, and for phase coding {@link #PHASE_BASE}, {@link #PHASE_COUNT} and
 * {@link #PHASE_ROUNDING}. The run length is the user's choice and not recorded.
 *
 * <p>The converter fires at {@code V >= 1}, NIR at {@code v > v_threshold}; the threshold is
 * exported unchanged, so the two differ only for a potential exactly at 1.
 *
 * <p>Refused: max pooling (NIR has no max pool, and the converter's spike-count gate is not a
 * linear map), and a network not made by {@link AnnToSnnConverter} (its ANN layers are unknown). An
 * {@link org.snncodesign.conversion.ann.AnnModel} alone has no graph: ReLU is no NIR node.
 */
public final class ConvertedNetworkGraphs {
  /** Phase coding: the base {@code B} of the phase weights {@code B^-k}, as a decimal. */
  public static final String PHASE_BASE = "snn-codesign.phase.base";

  /** Phase coding: the number of phases {@code K} per layer window, as a decimal integer. */
  public static final String PHASE_COUNT = "snn-codesign.phase.count";

  /**
   * Phase coding: the rounding factor {@code rho} of the thresholds {@code rho B^-k}, as a decimal.
   */
  public static final String PHASE_ROUNDING = "snn-codesign.phase.rounding";

  private ConvertedNetworkGraphs() {}

  /**
   * The rate-coded network ({@link RateSimulator}'s) for a simulator stepping at {@code dt}
   * seconds.
   *
   * @throws InvalidInputException naming the layer when the network has a max pool
   */
  public static NetworkGraph rateCoded(ConvertedNetwork network, double dt) {
    return new ConvertedGraphWriter(network, dt)
        .write(Map.of(GraphAnnotations.CODING, GraphAnnotations.CODING_RATE));
  }

  /**
   * The same graph as {@link #rateCoded} (one phase step lasting {@code dt} seconds), marked as
   * made for one-spike phase coding with {@code coding}. Its neurons are not NIR primitives: in
   * {@link OneSpikeSimulator} every stage integrates the previous layer window's spikes, each
   * weighted {@code B^-k} by its phase {@code k}, and fires once, in the first phase with {@code V
   * >= rho B^-k}. NIR has no such neuron, so the graph carries the weights and structure with the
   * IF neurons of rate coding: a NIR consumer that ignores {@link GraphAnnotations#CODING} runs the
   * rate-coded network, which approximates the same ANN over many steps rather than in {@code
   * windows * K}; a simulator that honours the metadata can rebuild the phase-coded run.
   *
   * @throws InvalidInputException naming the layer when the network has a max pool
   */
  public static NetworkGraph phaseCoded(ConvertedNetwork network, PhaseCoding coding, double dt) {
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put(GraphAnnotations.CODING, GraphAnnotations.CODING_PHASE);
    metadata.put(PHASE_BASE, Double.toString(coding.base()));
    metadata.put(PHASE_COUNT, Integer.toString(coding.phases()));
    metadata.put(PHASE_ROUNDING, Double.toString(coding.rounding()));
    return new ConvertedGraphWriter(network, dt).write(metadata);
  }
}
