package org.snncodesign.neurons.graph;

import org.snncodesign.api.sparse.CsrMatrix;
import org.snncodesign.neurons.engine.TransmittedSignal;

/**
 * The linear maps between a source node (an Input or a neuron node) and a target node (a neuron
 * node or an Output), composed into one sparse projection: every path of Affine, Linear, Scale,
 * convolution, pooling, Flatten and Delay nodes from {@code source} to {@code target}, summed.
 *
 * @param name {@code "<source>-><target>"}, with {@code " #2"}, {@code " #3"}, ... for the rare
 *     extra projections needed when two paths join the same pair of neurons with different delays
 * @param source the source node
 * @param target the target node
 * @param weights {@code source neurons x target neurons}, flat row-major indices
 * @param delaySteps per stored weight: 0 for a feed-forward path (delivered in the step of the
 *     spike), 1 for a path through a recurrent edge, plus {@code round(delay / dt)} of the Delay
 *     nodes on the path
 * @param signal spikes, or the source's value (an analog Input, or the voltage of an I, LI or
 *     CubaLI node)
 */
public record ComposedProjection(
    String name,
    String source,
    String target,
    CsrMatrix weights,
    int[] delaySteps,
    TransmittedSignal signal) {
  public ComposedProjection {
    delaySteps = delaySteps.clone();
  }

  @Override
  public int[] delaySteps() {
    return delaySteps.clone();
  }

  /** Name, signal, matrix and delay range. */
  @Override
  public String toString() {
    int min = Integer.MAX_VALUE;
    int max = 0;
    for (int d : delaySteps) {
      min = Math.min(min, d);
      max = Math.max(max, d);
    }
    return "ComposedProjection["
        + name
        + ", "
        + signal
        + ", "
        + weights
        + ", delays "
        + (delaySteps.length == 0 ? "none" : min + ".." + max)
        + " steps]";
  }
}
