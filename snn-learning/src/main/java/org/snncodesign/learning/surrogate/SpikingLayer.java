package org.snncodesign.learning.surrogate;

/**
 * One synapse layer of a {@link SpikingNetwork} together with the LIF/IF neurons it drives: a
 * linear map from the {@link #inputs()} values below (the analog input for the first layer, spikes
 * otherwise) to the input currents of {@link #outputs()} neurons, plus a bias. All layers share the
 * network's neuron model (beta, threshold, reset).
 *
 * <p>The weights form a {@link #weightRows()} x {@link #weightCols()} row-major matrix whose rows
 * are indexed by the presynaptic side (an input for {@link DenseLayer}, a kernel tap and input
 * channel for {@link ConvLayer}) and whose columns are the postsynaptic neurons or output channels;
 * the arrays are the live parameters, written in place by {@link SurrogateGradientTrainer} and by
 * {@link WeightTransform}s (pruning and quantisation act on them whatever the layer kind).
 */
public sealed interface SpikingLayer permits DenseLayer, ConvLayer {

  /** Number of input values (flattened). */
  int inputs();

  /**
   * Number of values passed to the next layer (flattened): the neurons' spikes, pooled for a
   * pooling conv layer.
   */
  int outputs();

  /** Number of LIF/IF neurons; equals {@link #outputs()} unless the layer pools its spikes. */
  default int neurons() {
    return outputs();
  }

  /** Live weights, {@code weightRows() x weightCols()} row-major. */
  float[] weights();

  /** Live biases: one per output neuron (dense) or per output channel (convolution). */
  float[] bias();

  /** Rows of the weight matrix (presynaptic side). */
  int weightRows();

  /** Columns of the weight matrix (postsynaptic neurons or channels). */
  int weightCols();

  /** Weight bit width, 0 when the weights are full-precision floats. */
  int bits();

  /** Quantisation step of the weights, 0 when full precision. */
  float scale();

  /** Records that the weights are integers (of {@code bits} bits, signed) times {@code scale}. */
  void setQuantization(int bits, float scale);

  /** Number of weights equal to zero (pruned or quantised away). */
  default int zeroWeights() {
    int zeros = 0;
    for (float w : weights()) {
      if (w == 0f) {
        zeros++;
      }
    }
    return zeros;
  }

  /** A deep copy. */
  SpikingLayer copy();
}
