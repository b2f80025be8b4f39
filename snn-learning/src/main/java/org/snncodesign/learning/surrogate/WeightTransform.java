package org.snncodesign.learning.surrogate;

/**
 * A differentiable map applied to a layer's trained parameters to obtain the weights the network
 * actually runs with, such as gradient rewiring ({@code w = sign * max(theta, 0)}) or
 * learned-step-size quantisation ({@code w_q = s * round(clip(w / s))}). {@link
 * SurrogateGradientTrainer} chains the transforms in order, from the optimiser's variables to the
 * layer's live weights, and backpropagates through them in reverse.
 *
 * <p>Methods are called per layer index; the {@code input} arrays are the previous transform's
 * output (or the optimiser's variables for the first transform) and must not be kept.
 */
public interface WeightTransform {

  /** Called once per trainer, before anything else, with the network being trained. */
  default void attach(SpikingNetwork network) {}

  /**
   * Initialises the state for layer {@code layer} from the initial input values; may rewrite {@code
   * input} in place (the first transform's input is the optimiser's variable, so this sets its
   * starting point).
   */
  void initialise(int layer, float[] input);

  /** Writes the transformed weights of {@code input} into {@code output} (same length). */
  void forward(int layer, float[] input, float[] output);

  /**
   * Turns {@code gradient}, on entry dL/d(output), into dL/d(input) in place, and accumulates the
   * gradients of this transform's own parameters (see {@link #parameters(int)}).
   */
  void backward(int layer, float[] input, float[] gradient);

  /**
   * Trainable parameters of this transform for the layer (e.g. a quantisation step), possibly
   * empty.
   */
  default float[] parameters(int layer) {
    return new float[0];
  }

  /**
   * Gradient accumulators matching {@link #parameters(int)}; the trainer zeroes them after each
   * step.
   */
  default float[] parameterGradients(int layer) {
    return new float[0];
  }

  /**
   * Called after each optimiser step (numbered from 1), before {@link #forward}: a chance to
   * project the input back onto a constraint set (e.g. a sparsity budget) or keep parameters valid.
   */
  default void afterStep(int layer, float[] input, long step) {}
}
